import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { YDocState } from '../../server/relay/YDocState'
import { craftUpdate } from '../helpers/craftedUpdate'
import { deleteSetUpdate, nestedMapsUpdate } from '../helpers/hostileUpdates'
import { docWithId, updatesOf } from '../helpers/yDocs'

const recordsOf = (state: YDocState) => state.read((doc) => doc.getMap('records').toJSON())
const pendingOf = (state: YDocState) => state.read((doc) => ({ structs: doc.store.pendingStructs, deletes: doc.store.pendingDs }))
const nothingPending = { structs: null, deletes: null }

describe('YDocState answers what checkDependencies asks', () => {
	const doc = docWithId(1)
	const records = doc.getMap<unknown>('records')
	const record = new Y.Map<unknown>()
	records.set('shape:a', record)
	record.set('props', { text: 'hello' })
	doc.getText('title').insert(0, 'Workshop')
	const removed = new Y.Map<unknown>()
	records.set('shape:b', removed)
	removed.set('x', 1)
	records.delete('shape:b')
	const state = new YDocState()
	state.apply(Y.encodeStateAsUpdate(doc))
	const idOf = (item: Y.Item | null) => ({ client: item!.id.client, clock: item!.id.clock })

	it('clockOf: the next clock of a client, 0 for one never seen', () => {
		expect(state.clockOf(1)).toBe(Y.getState(doc.store, 1))
		expect(state.clockOf(2)).toBe(0)
	})

	it('itemAt: the depth of the type an item lives in, and whether it holds a type itself', () => {
		expect(state.itemAt(idOf(record._item))).toEqual({ parentDepth: 1, isType: true, parent: 'root:records', parentSub: 'shape:a' })
		const props = doc.store.clients.get(1)!.find((struct) => struct instanceof Y.Item && struct.parentSub === 'props') as Y.Item
		expect(state.itemAt(idOf(props))).toMatchObject({ parentDepth: 2, isType: false, parentSub: 'props' })
	})

	it('itemAt: only the first clock of a text item, and no collected item, is a type', () => {
		const isText = (struct: Y.Item | Y.GC) => struct instanceof Y.Item && struct.content instanceof Y.ContentString
		const title = doc.store.clients.get(1)!.find(isText) as Y.Item
		expect(state.itemAt({ client: 1, clock: title.id.clock + 3 })).toMatchObject({ parentDepth: 1, isType: false })
		const collected = state.read((loaded) => loaded.store.clients.get(1)!.find((struct) => struct instanceof Y.GC))!
		expect(state.itemAt(idOf(collected as unknown as Y.Item))).toEqual({ parentDepth: null, isType: false, parent: null, parentSub: null })
	})

	it('isDeleted: whether every clock of a range is deleted', () => {
		const removedClock = removed._item!.id.clock
		expect(state.isDeleted(1, removedClock, 2)).toBe(true)
		expect(state.isDeleted(1, 0, removedClock + 2)).toBe(false)
		expect(state.isDeleted(1, 0, 0)).toBe(true)
		expect(state.isDeleted(2, 0, 1)).toBe(false)
	})
})

describe('YDocState.apply', () => {
	it('throws when an update leaves changes pending (its dependencies were not checked)', () => {
		const doc = docWithId(1)
		const [, second] = updatesOf(doc, () => {
			doc.getMap('records').set('a', 1)
			doc.getMap('records').set('b', 2)
		})
		expect(() => new YDocState().apply(second!)).toThrow(/pending/)
	})
})

describe('YDocState.load', () => {
	it('loads stored updates in order and reports no repairs when there is nothing to repair', () => {
		const doc = docWithId(1)
		const updates = updatesOf(doc, () => {
			doc.getMap('records').set('a', 1)
			doc.getMap('records').set('a', 2)
			doc.getMap('records').set('b', 3)
		})
		const state = new YDocState()
		expect(state.load(updates)).toEqual({ skipped: [], droppedPending: 0, pruned: 0 })
		expect(recordsOf(state)).toEqual({ a: 2, b: 3 })
	})

	it('replaces what the state held before', () => {
		const first = docWithId(1)
		first.getMap('records').set('old', 1)
		const second = docWithId(2)
		second.getMap('records').set('new', 2)
		const state = new YDocState()
		state.load([Y.encodeStateAsUpdate(first)])
		state.load([Y.encodeStateAsUpdate(second)])
		expect(recordsOf(state)).toEqual({ new: 2 })
		expect(state.clockOf(1)).toBe(0)
	})

	it('skips stored updates that throw when applied and loads the rest', () => {
		const doc = docWithId(1)
		const [first, second] = updatesOf(doc, () => {
			doc.getMap('records').set('a', 1)
			doc.getMap('records').set('b', 2)
		})
		const notUtf8Text = { raw: { ref: 4, bytes: new Uint8Array([1, 0xff]) } }
		const notUtf8 = craftUpdate({
			clients: [{ client: 5, clock: 0, structs: [{ parent: { root: 'records' }, parentSub: 'c', content: notUtf8Text }] }],
		})
		const state = new YDocState()
		const garbage = new Uint8Array([0xff, 0xff, 0xff, 0xff])
		expect(state.load([garbage, first!, notUtf8, second!])).toEqual({ skipped: [0, 2], droppedPending: 0, pruned: 0 })
		expect(recordsOf(state)).toEqual({ a: 1, b: 2 })
	})

	it('keeps nothing of a stored update that throws half-way, after Yjs integrated part of it', () => {
		const doc = docWithId(1)
		doc.getArray('list').push([1, 2, 3])
		const base = Y.encodeStateAsUpdate(doc)
		// Client 7's item goes in first; client 1's copy of a known item then points at a clock
		// client 1 never wrote, and Yjs throws.
		const halfWay = craftUpdate({
			clients: [
				{ client: 7, clock: 0, structs: [{ parent: { root: 'records' }, parentSub: 'half', content: { any: [1] } }] },
				{ client: 1, clock: 0, structs: [{ origin: { client: 1, clock: 50 }, content: { any: [1] } }] },
			],
		})
		const later = docWithId(2)
		later.getMap('records').set('later', 1)
		const probe = new Y.Doc()
		Y.applyUpdate(probe, base)
		expect(() => Y.applyUpdate(probe, halfWay)).toThrow()
		expect(probe.getMap('records').get('half')).toBe(1)

		const state = new YDocState()
		expect(state.load([base, halfWay, Y.encodeStateAsUpdate(later)]).skipped).toEqual([1])
		expect(recordsOf(state)).toEqual({ later: 1 })
		expect(state.clockOf(7)).toBe(0)
		expect(state.read((loaded) => loaded.getArray('list').toJSON())).toEqual([1, 2, 3])
	})

	it('drops stored changes that wait for a predecessor never stored, and nothing stays pending', () => {
		const doc = docWithId(1)
		const [, second] = updatesOf(doc, () => {
			doc.getMap('records').set('lost', 1)
			doc.getMap('records').set('waiting', 2)
		})
		const other = docWithId(2)
		other.getMap('records').set('kept', 3)
		const state = new YDocState()
		state.load([second!, Y.encodeStateAsUpdate(other)])
		expect(pendingOf(state)).toEqual(nothingPending)
		expect(recordsOf(state)).toEqual({ kept: 3 })
		expect(state.clockOf(1)).toBe(0)
	})

	it('drops a stored deletion of clocks never stored, and counts it', () => {
		const state = new YDocState()
		expect(state.load([deleteSetUpdate(9, 0, 5)]).droppedPending).toBeGreaterThan(0)
		expect(pendingOf(state)).toEqual(nothingPending)
	})

	// Yjs keeps doc.store.pendingStructs.update in the v2 encoding, whose first byte (a 0) the v1
	// decoder would read as "no structs".
	it('counts the structs it drops because their predecessor was never stored', () => {
		const doc = docWithId(1)
		const [, second] = updatesOf(doc, () => {
			doc.getMap('records').set('lost', 1)
			doc.transact(() => {
				for (let index = 0; index < 5; index++) doc.getMap('records').set(`waiting${index}`, index)
			})
		})
		expect(new YDocState().load([second!]).droppedPending).toBe(5)
	})

	it('deletes stored records nested deeper than its MAX_NESTING_DEPTH, and only those', () => {
		const fine = docWithId(2)
		fine.getMap('records').set('shape:fine', new Y.Map([['x', 1]]))
		const stored = [nestedMapsUpdate(40), Y.encodeStateAsUpdate(fine)]
		const state = new YDocState(32)
		const { pruned } = state.load(stored)
		expect(pruned).toBeGreaterThan(0)
		expect(recordsOf(state)).toEqual({ 'shape:fine': { x: 1 } })
		expect(new YDocState().load(stored).pruned).toBe(0)
	})

	it('keeps records nested exactly as deep as its MAX_NESTING_DEPTH allows', () => {
		const state = new YDocState(32)
		expect(state.load([nestedMapsUpdate(31)]).pruned).toBe(0)
		expect(Object.keys(recordsOf(state))).toEqual(['shape:deep'])
	})
})
