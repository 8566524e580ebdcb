import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { UpdateLogState } from '../../server/relay/UpdateLogState'

/** Records every update a doc emits, as a client would send them. */
function recordingDoc() {
	const doc = new Y.Doc()
	const updates: Uint8Array[] = []
	doc.on('update', (update: Uint8Array) => updates.push(update))
	return { doc, updates }
}

describe('UpdateLogState', () => {
	it('answers a sync from nothing with the whole document, without ever holding a Y.Doc', () => {
		const { doc, updates } = recordingDoc()
		const state = new UpdateLogState()
		for (let i = 0; i < 600; i++) doc.getMap('m').set(`k${i % 50}`, i)
		for (const update of updates) expect(state.apply(update).missingDependencies).toBe(false)
		const copy = new Y.Doc()
		Y.applyUpdate(copy, state.diff(Y.encodeStateVector(new Y.Doc())))
		expect(copy.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON())
		expect(Y.decodeStateVector(state.stateVector())).toEqual(Y.decodeStateVector(Y.encodeStateVector(doc)))
	})

	it('sends a client only what it lacks', () => {
		const { doc, updates } = recordingDoc()
		const state = new UpdateLogState()
		doc.getMap('m').set('first', 1)
		const client = new Y.Doc()
		Y.applyUpdate(client, updates[0]!)
		doc.getMap('m').set('second', 2)
		for (const update of updates) state.apply(update)
		const missing = state.diff(Y.encodeStateVector(client))
		Y.applyUpdate(client, missing)
		expect(client.getMap('m').toJSON()).toEqual({ first: 1, second: 2 })
		expect(missing.byteLength).toBeLessThan(Y.encodeStateAsUpdate(doc).byteLength)
	})

	it('notices an update whose predecessor it never got, and connects it once the gap is filled', () => {
		const { doc, updates } = recordingDoc()
		doc.getMap('m').set('a', 1)
		doc.getMap('m').set('b', 2)
		doc.getMap('m').set('c', 3)
		const state = new UpdateLogState()
		state.apply(updates[0]!)
		expect(state.apply(updates[2]!).missingDependencies).toBe(true)
		expect(Y.decodeStateVector(state.stateVector()).get(doc.clientID)).toBe(1)
		expect(state.apply(updates[1]!).missingDependencies).toBe(false)
		expect(Y.decodeStateVector(state.stateVector()).get(doc.clientID)).toBe(3)
	})

	it('round-trips through storage: what it encodes loads into the same document', () => {
		const { doc, updates } = recordingDoc()
		doc.getText('t').insert(0, 'draagvlak')
		doc.getMap('m').set('x', { nested: true })
		const state = new UpdateLogState()
		for (const update of updates) state.apply(update)
		const reloaded = new UpdateLogState()
		reloaded.load([state.encodeState()])
		const copy = new Y.Doc()
		Y.applyUpdate(copy, reloaded.diff(new Uint8Array([0])))
		expect(copy.getText('t').toString()).toBe('draagvlak')
		expect(copy.getMap('m').toJSON()).toEqual({ x: { nested: true } })
	})

	it('converges with a Y.Doc for any interleaving of two clients, delivered in any order', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 9 }), fc.integer()), { minLength: 1, maxLength: 40 }),
				fc.array(fc.nat(), { maxLength: 80 }),
				(edits, order) => {
					const a = recordingDoc()
					const b = recordingDoc()
					for (const [onA, key, value] of edits) (onA ? a : b).doc.getMap('m').set(`k${key}`, value)
					const all = [...a.updates, ...b.updates]
					const shuffled = [...all]
					order.forEach((pick, index) => {
						const from = index % shuffled.length
						const to = pick % shuffled.length
						;[shuffled[from], shuffled[to]] = [shuffled[to]!, shuffled[from]!]
					})
					const state = new UpdateLogState()
					const reference = new Y.Doc()
					for (const update of shuffled) {
						state.apply(update)
						Y.applyUpdate(reference, update)
					}
					const copy = new Y.Doc()
					Y.applyUpdate(copy, state.diff(new Uint8Array([0])))
					expect(copy.getMap('m').toJSON()).toEqual(reference.getMap('m').toJSON())
					expect(Y.decodeStateVector(state.stateVector())).toEqual(Y.decodeStateVector(Y.encodeStateVector(reference)))
				},
			),
			{ numRuns: 100 },
		)
	})
})

describe('UpdateLogState garbage collection', () => {
	it('drops overwritten values when collecting, keeping the same document', () => {
		const { doc, updates } = recordingDoc()
		for (let i = 0; i < 2000; i++) doc.getMap('m').set('x', `position ${i} of a note being dragged`)
		const state = new UpdateLogState()
		for (const update of updates) state.apply(update)
		const collected = state.encodeCollected()
		expect(collected.byteLength * 10).toBeLessThan(state.encodeState().byteLength)
		const copy = new Y.Doc()
		Y.applyUpdate(copy, collected)
		expect(copy.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON())
	})
})
