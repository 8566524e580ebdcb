import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { NewMap, OtherContent, updateEffects, type Effect } from '../../server/policy/updateEffects'
import { addDepartment, ensureDepartmentList, removeDepartment, setBoardTitle, setPromptOverride } from '../../shared/boardSettings'
import { recordsOf, writeRecordChanges, type PlainRecord } from '../../shared/recordDoc'
import { toggleEndorsement } from '../../shared/supportDoc'
import { craftUpdate } from '../helpers/craftedUpdate'
import { noteRecord } from '../helpers/noteRecord'
import { docWithId, updatesOf } from '../helpers/yDocs'

const note = (id: string, x = 0) => noteRecord({ id, x, y: 0 }) as unknown as PlainRecord

/** A browser's doc and the relay's copy of the same board, in sync. */
function boardPair(setUp: (doc: Y.Doc) => void = () => {}) {
	const browser = docWithId(1)
	setUp(browser)
	const relay = new Y.Doc()
	Y.applyUpdate(relay, Y.encodeStateAsUpdate(browser))
	/** The effects of what `edit` writes in the browser, read against the relay's copy, which then applies it. */
	const effectsOf = (edit: (doc: Y.Doc) => void): Effect[] => {
		const effects = updatesOf(browser, () => edit(browser)).flatMap((update) => {
			const read = updateEffects(update, relay)
			Y.applyUpdate(relay, update)
			return read
		})
		return effects
	}
	return { browser, relay, effectsOf }
}

const entriesOf = (value: unknown) => (value instanceof NewMap ? Object.fromEntries(value.entries) : value)

describe('what an update does, read before it is applied', () => {
	it('a record created with its map of properties in one update is one set of the record, holding every property', () => {
		const { effectsOf } = boardPair()
		const effects = effectsOf((doc) => writeRecordChanges(doc, { put: [note('shape:a')], removed: [] }, null))
		expect(effects).toHaveLength(1)
		expect(effects[0]).toMatchObject({ kind: 'set', root: 'records', key: 'shape:a' })
		expect(entriesOf((effects[0] as { value: unknown }).value)).toEqual(note('shape:a'))
	})

	it('a property changed is a set of that property, its item placed by its origin (the value it replaces)', () => {
		const { effectsOf } = boardPair((doc) => writeRecordChanges(doc, { put: [note('shape:a')], removed: [] }, null))
		expect(effectsOf((doc) => writeRecordChanges(doc, { put: [note('shape:a', 40)], removed: [] }, null))).toEqual([
			{ kind: 'set', root: 'records', key: 'shape:a', property: 'x', value: 40 },
		])
	})

	it('a record deleted is one deletion, not one per property; a property removed is a deletion of that property', () => {
		const { effectsOf } = boardPair((doc) => writeRecordChanges(doc, { put: [note('shape:a'), note('shape:b')], removed: [] }, null))
		expect(effectsOf((doc) => writeRecordChanges(doc, { put: [], removed: ['shape:a'] }, null))).toEqual([
			{ kind: 'delete', root: 'records', key: 'shape:a' },
		])
		expect(effectsOf((doc) => recordsOf(doc).get('shape:b')!.delete('opacity'))).toEqual([
			{ kind: 'delete', root: 'records', key: 'shape:b', property: 'opacity' },
		])
	})

	it('map entries of the settings and the support document are set and deleted by key', () => {
		const { effectsOf } = boardPair()
		expect(effectsOf((doc) => setBoardTitle(doc, 'Q3'))).toEqual([{ kind: 'set', root: 'settings', key: 'title', value: 'Q3' }])
		expect(effectsOf((doc) => setPromptOverride(doc, 'stage-1', 'en', ['Why?']))).toEqual([
			{ kind: 'set', root: 'promptOverrides', key: 'stage-1.en', value: ['Why?'] },
		])
		expect(effectsOf((doc) => setPromptOverride(doc, 'stage-1', 'en', null))).toEqual([{ kind: 'delete', root: 'promptOverrides', key: 'stage-1.en' }])
		const endorser = { id: 'anna', name: 'Anna', department: 'IT' }
		expect(effectsOf((doc) => toggleEndorsement(doc, 'shape:a', endorser, 'then'))).toEqual([
			{ kind: 'set', root: 'endorsements', key: 'shape:a|anna', value: { name: 'Anna', department: 'IT', at: 'then' } },
		])
		expect(effectsOf((doc) => toggleEndorsement(doc, 'shape:a', endorser))).toEqual([{ kind: 'delete', root: 'endorsements', key: 'shape:a|anna' }])
	})

	it('departments: the first list and an addition are appends, a removal removes, an insertion before others is not at the end', () => {
		const { effectsOf } = boardPair()
		expect(effectsOf((doc) => ensureDepartmentList(doc))).toMatchObject([{ kind: 'insert', root: 'departments', atEnd: true }])
		expect(effectsOf((doc) => addDepartment(doc, 'Legal'))).toEqual([{ kind: 'insert', root: 'departments', values: ['Legal'], atEnd: true }])
		expect(effectsOf((doc) => removeDepartment(doc, 'Legal'))).toEqual([{ kind: 'remove', root: 'departments', count: 1 }])
		expect(effectsOf((doc) => doc.getArray('departments').insert(0, ['First']))).toEqual([
			{ kind: 'insert', root: 'departments', values: ['First'], atEnd: false },
		])
	})

	it('an item without parent info inherits its origin’s parent and key, also from an item of the same update', () => {
		const { relay } = boardPair((doc) => writeRecordChanges(doc, { put: [note('shape:a')], removed: [] }, null))
		const x = [...relay.store.clients.get(1)!].find((struct) => struct instanceof Y.Item && struct.parentSub === 'x')!
		const forged = craftUpdate({
			clients: [
				{
					client: 7,
					clock: 0,
					structs: [
						{ origin: x.id, content: { any: [1] } },
						{ origin: { client: 7, clock: 0 }, content: { any: [2] } },
					],
				},
			],
		})
		expect(updateEffects(forged, relay)).toEqual([
			{ kind: 'set', root: 'records', key: 'shape:a', property: 'x', value: 1 },
			{ kind: 'set', root: 'records', key: 'shape:a', property: 'x', value: 2 },
		])
	})

	it("a browser's offline edits, sent as one sync reply, are the values they end with: the overwritten ones in between delete nothing", () => {
		const { browser, relay } = boardPair((doc) => writeRecordChanges(doc, { put: [note('shape:a')], removed: [] }, null))
		writeRecordChanges(browser, { put: [note('shape:a', 10)], removed: [] }, null)
		writeRecordChanges(browser, { put: [note('shape:a', 20)], removed: [] }, null)
		expect(updateEffects(Y.encodeStateAsUpdate(browser, Y.encodeStateVector(relay)), relay)).toEqual([
			{ kind: 'set', root: 'records', key: 'shape:a', property: 'x', value: 20 },
		])
	})

	it('what the document has already does nothing: a sync reply repeating it, a deletion of what is deleted', () => {
		const { browser, relay, effectsOf } = boardPair((doc) => writeRecordChanges(doc, { put: [note('shape:a')], removed: [] }, null))
		effectsOf((doc) => writeRecordChanges(doc, { put: [], removed: ['shape:a'] }, null))
		expect(updateEffects(Y.encodeStateAsUpdate(browser), relay)).toEqual([])
	})

	it('overlapping deletions, as only a hostile client sends them, are read as the one deletion they make', () => {
		const { relay } = boardPair((doc) => writeRecordChanges(doc, { put: [note('shape:a')], removed: [] }, null))
		const clock = [...relay.store.clients.get(1)!].find((struct) => struct instanceof Y.Item && struct.parentSub === 'shape:a')!.id.clock
		const ranges = Array.from({ length: 1000 }, (_, index) => ({ client: 1, clock, length: 1 + (index % 3) }))
		expect(updateEffects(craftUpdate({ clients: [], deletes: ranges }), relay)).toEqual([{ kind: 'delete', root: 'records', key: 'shape:a' }])
	})

	it('a deleted value written over a key deletes it; writes inside a deleted or collected record change nothing', () => {
		const { relay } = boardPair((doc) => writeRecordChanges(doc, { put: [note('shape:a')], removed: [] }, null))
		const record = [...relay.store.clients.get(1)!].find((struct) => struct instanceof Y.Item && struct.parentSub === 'shape:a')!
		const overwrite = craftUpdate({ clients: [{ client: 7, clock: 0, structs: [{ origin: record.id, content: { deleted: 1 } }] }] })
		expect(updateEffects(overwrite, relay)).toEqual([{ kind: 'delete', root: 'records', key: 'shape:a' }])
		recordsOf(relay).delete('shape:a')
		const intoDeleted = craftUpdate({
			clients: [{ client: 7, clock: 0, structs: [{ parent: { item: record.id }, parentSub: 'x', content: { any: [5] } }] }],
		})
		expect(updateEffects(intoDeleted, relay)).toEqual([])
	})

	it('a shared type inside a record, or content the board never writes, is reported as such', () => {
		const { effectsOf } = boardPair((doc) => writeRecordChanges(doc, { put: [note('shape:a')], removed: [] }, null))
		const nested = effectsOf((doc) => {
			const props = new Y.Map<unknown>()
			recordsOf(doc).get('shape:a')!.set('props', props)
			props.set('url', 'https://elsewhere.example')
		})
		expect(nested).toEqual([
			{ kind: 'set', root: 'records', key: 'shape:a', property: 'props', value: expect.any(NewMap) },
			{ kind: 'deeper', root: 'records' },
		])
		const text = effectsOf((doc) => recordsOf(doc).get('shape:a')!.set('meta', new Y.Text('x')))
		expect(text).toEqual([
			{ kind: 'set', root: 'records', key: 'shape:a', property: 'meta', value: expect.any(OtherContent) },
			{ kind: 'deeper', root: 'records' },
		])
	})
})
