import { describe, it, expect } from 'vitest'
import * as Y from 'yjs'
import {
	changesOfEvents,
	readAllRecords,
	readStoredSchema,
	recordsOf,
	RECORDS_PER_TRANSACTION,
	writeRecordChanges,
	writeStoredSchema,
	type PlainRecord,
	type RecordChanges,
} from '../../shared/recordDoc'
import { noteRecord } from '../helpers/noteRecord'

const LOCAL = { test: 'local' }
const REMOTE = { test: 'remote' }

/** A note as tldraw stores it: about 500 bytes of JSON. */
function note(id: string, overrides: Partial<PlainRecord> = {}): PlainRecord {
	const paragraphs = ['Who are the stakeholders of this strategy?', 'List them, then rank them by influence.']
	return { ...noteRecord({ id, x: 100, y: 200, paragraphs }), ...overrides }
}

const byId = (records: PlainRecord[]) => [...records].sort((a, b) => a.id.localeCompare(b.id))

/** Collects the binary updates a doc emits while `action` runs. */
function updatesDuring(doc: Y.Doc, action: () => void): Uint8Array[] {
	const updates: Uint8Array[] = []
	const listener = (update: Uint8Array) => updates.push(update)
	doc.on('update', listener)
	try {
		action()
	} finally {
		doc.off('update', listener)
	}
	return updates
}

/** Observes `receiver` the way the store binding does and returns what each remote transaction changed. */
function observeChanges(receiver: Y.Doc): RecordChanges[] {
	const seen: RecordChanges[] = []
	recordsOf(receiver).observeDeep((events) => seen.push(changesOfEvents(events, receiver)))
	return seen
}

function sync(from: Y.Doc, to: Y.Doc) {
	Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), REMOTE)
}

describe('writeRecordChanges and readAllRecords', () => {
	it('reads back exactly the records that were written', () => {
		const doc = new Y.Doc()
		const page: PlainRecord = { id: 'page:page', typeName: 'page', name: 'Page 1', index: 'a1', meta: {} }
		const records = [page, note('shape:a'), note('shape:b', { x: -5, y: 7.5, meta: { tag: ['x', 1, null] } })]
		writeRecordChanges(doc, { put: records, removed: [] }, LOCAL)
		expect(byId(readAllRecords(doc))).toEqual(byId(records))
	})

	it('survives encoding the doc and loading it into another doc', () => {
		const doc = new Y.Doc()
		const records = [note('shape:a'), note('shape:b', { x: 1 })]
		writeRecordChanges(doc, { put: records, removed: [] }, LOCAL)
		const copy = new Y.Doc()
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
		expect(byId(readAllRecords(copy))).toEqual(byId(records))
	})

	it('stores each top-level property of a record under its own key', () => {
		const doc = new Y.Doc()
		writeRecordChanges(doc, { put: [note('shape:a')], removed: [] }, LOCAL)
		const yRecord = recordsOf(doc).get('shape:a')
		expect(yRecord).toBeInstanceOf(Y.Map)
		expect([...yRecord!.keys()].sort()).toEqual(Object.keys(note('shape:a')).sort())
		expect(yRecord!.get('x')).toBe(100)
	})

	it('writes puts and removals in one transaction carrying the given origin', () => {
		const doc = new Y.Doc()
		writeRecordChanges(doc, { put: [note('shape:a'), note('shape:b')], removed: [] }, LOCAL)
		const origins: unknown[] = []
		doc.on('afterTransaction', (transaction) => origins.push(transaction.origin))
		writeRecordChanges(doc, { put: [note('shape:c'), note('shape:a', { x: 1 })], removed: ['shape:b'] }, LOCAL)
		expect(origins).toEqual([LOCAL])
		expect(
			readAllRecords(doc)
				.map((record) => record.id)
				.sort(),
		).toEqual(['shape:a', 'shape:c'])
	})

	it("writes a paste of 1,000 records in steps, each update under the relay's 2,500-entry limit", () => {
		const doc = new Y.Doc()
		const updates: Uint8Array[] = []
		doc.on('update', (update: Uint8Array) => updates.push(update))
		writeRecordChanges(doc, { put: Array.from({ length: 1000 }, (_, index) => note(`shape:${index}`)), removed: [] }, LOCAL)
		expect(updates.length).toBe(Math.ceil(1000 / RECORDS_PER_TRANSACTION))
		for (const update of updates) expect(Y.decodeUpdate(update).structs.length).toBeLessThan(2_500)
		expect(recordsOf(doc).size).toBe(1000)
	})

	it('skips entries that are not records when reading', () => {
		const doc = new Y.Doc()
		writeRecordChanges(doc, { put: [note('shape:a')], removed: [] }, LOCAL)
		recordsOf(doc).set('junk', new Y.Map(Object.entries({ hello: 'world' })))
		recordsOf(doc).set('no-type', new Y.Map(Object.entries({ id: 'no-type' })))
		expect(readAllRecords(doc).map((record) => record.id)).toEqual(['shape:a'])
	})

	it('moving a note writes only x and y: the update is far smaller than the record', () => {
		const doc = new Y.Doc()
		const original = note('shape:a')
		writeRecordChanges(doc, { put: [original], removed: [] }, LOCAL)
		const recordBytes = JSON.stringify(original).length
		expect(recordBytes).toBeGreaterThan(450)

		const updates = updatesDuring(doc, () => writeRecordChanges(doc, { put: [{ ...original, x: 131.5, y: 242.25 }], removed: [] }, LOCAL))
		expect(updates).toHaveLength(1)
		expect(updates[0]!.byteLength).toBeLessThan(120)
		expect(updates[0]!.byteLength).toBeLessThan(recordBytes / 4)

		const touchedKeys = new Set<string>()
		recordsOf(doc)
			.get('shape:a')!
			.observe((event) => event.keysChanged.forEach((key) => touchedKeys.add(key)))
		writeRecordChanges(doc, { put: [{ ...original, x: 1, y: 2 }], removed: [] }, LOCAL)
		expect([...touchedKeys].sort()).toEqual(['x', 'y'])
	})

	it('putting an unchanged record emits no update at all', () => {
		const doc = new Y.Doc()
		writeRecordChanges(doc, { put: [note('shape:a')], removed: [] }, LOCAL)
		const updates = updatesDuring(doc, () => writeRecordChanges(doc, { put: [structuredClone(note('shape:a'))], removed: [] }, LOCAL))
		expect(updates).toEqual([])
	})

	it('a nested change rewrites only the top-level property that holds it', () => {
		const doc = new Y.Doc()
		const original = note('shape:a')
		writeRecordChanges(doc, { put: [original], removed: [] }, LOCAL)
		const touchedKeys: string[] = []
		recordsOf(doc)
			.get('shape:a')!
			.observe((event) => touchedKeys.push(...event.keysChanged))
		const recoloured = { ...original, props: { ...(original.props as object), color: 'red' } }
		writeRecordChanges(doc, { put: [recoloured], removed: [] }, LOCAL)
		expect(touchedKeys).toEqual(['props'])
		expect(readAllRecords(doc)).toEqual([recoloured])
	})

	it('a key missing from the new version of a record is deleted from the doc', () => {
		const doc = new Y.Doc()
		writeRecordChanges(doc, { put: [note('shape:a', { extra: 'temporary' })], removed: [] }, LOCAL)
		expect(recordsOf(doc).get('shape:a')!.has('extra')).toBe(true)
		writeRecordChanges(doc, { put: [note('shape:a')], removed: [] }, LOCAL)
		expect(recordsOf(doc).get('shape:a')!.has('extra')).toBe(false)
		expect(readAllRecords(doc)).toEqual([note('shape:a')])
	})

	it('a removed id disappears from the doc and removing an unknown id is harmless', () => {
		const doc = new Y.Doc()
		writeRecordChanges(doc, { put: [note('shape:a'), note('shape:b')], removed: [] }, LOCAL)
		writeRecordChanges(doc, { put: [], removed: ['shape:a', 'shape:never'] }, LOCAL)
		expect(recordsOf(doc).has('shape:a')).toBe(false)
		expect(readAllRecords(doc)).toEqual([note('shape:b')])
	})
})

describe('changesOfEvents', () => {
	it('reports records created on another doc as puts, whole', () => {
		const sender = new Y.Doc()
		const receiver = new Y.Doc()
		const seen = observeChanges(receiver)
		writeRecordChanges(sender, { put: [note('shape:a'), note('shape:b')], removed: [] }, LOCAL)
		sync(sender, receiver)
		expect(seen).toHaveLength(1)
		expect(byId(seen[0]!.put)).toEqual([note('shape:a'), note('shape:b')])
		expect(seen[0]!.removed).toEqual([])
	})

	it('a note moved on one doc is reported as the whole moved record on the other', () => {
		const sender = new Y.Doc()
		const receiver = new Y.Doc()
		writeRecordChanges(sender, { put: [note('shape:a'), note('shape:b')], removed: [] }, LOCAL)
		sync(sender, receiver)
		const seen = observeChanges(receiver)
		const updates = updatesDuring(sender, () => writeRecordChanges(sender, { put: [note('shape:a', { x: 5, y: 6 })], removed: [] }, LOCAL))
		for (const update of updates) Y.applyUpdate(receiver, update, REMOTE)
		expect(seen).toEqual([{ put: [note('shape:a', { x: 5, y: 6 })], removed: [] }])
	})

	it('reports removals from another doc', () => {
		const sender = new Y.Doc()
		const receiver = new Y.Doc()
		writeRecordChanges(sender, { put: [note('shape:a'), note('shape:b')], removed: [] }, LOCAL)
		sync(sender, receiver)
		const seen = observeChanges(receiver)
		writeRecordChanges(sender, { put: [], removed: ['shape:a'] }, LOCAL)
		sync(sender, receiver)
		expect(seen).toEqual([{ put: [], removed: ['shape:a'] }])
		expect(readAllRecords(receiver)).toEqual([note('shape:b')])
	})

	it('reports puts and removals of one remote transaction together', () => {
		const sender = new Y.Doc()
		const receiver = new Y.Doc()
		writeRecordChanges(sender, { put: [note('shape:a'), note('shape:b')], removed: [] }, LOCAL)
		sync(sender, receiver)
		const seen = observeChanges(receiver)
		writeRecordChanges(sender, { put: [note('shape:b', { opacity: 0.5 }), note('shape:c')], removed: ['shape:a'] }, LOCAL)
		sync(sender, receiver)
		expect(seen).toHaveLength(1)
		expect(byId(seen[0]!.put)).toEqual([note('shape:b', { opacity: 0.5 }), note('shape:c')])
		expect(seen[0]!.removed).toEqual(['shape:a'])
	})

	it('a record deleted and recreated in one remote transaction is a put, not a removal', () => {
		const sender = new Y.Doc()
		const receiver = new Y.Doc()
		writeRecordChanges(sender, { put: [note('shape:a')], removed: [] }, LOCAL)
		sync(sender, receiver)
		const seen = observeChanges(receiver)
		sender.transact(() => {
			writeRecordChanges(sender, { put: [], removed: ['shape:a'] }, LOCAL)
			writeRecordChanges(sender, { put: [note('shape:a', { x: 9 })], removed: [] }, LOCAL)
		}, LOCAL)
		sync(sender, receiver)
		expect(seen).toEqual([{ put: [note('shape:a', { x: 9 })], removed: [] }])
	})

	it('a record created and removed within one remote transaction is reported as neither', () => {
		const sender = new Y.Doc()
		const receiver = new Y.Doc()
		writeRecordChanges(sender, { put: [note('shape:a')], removed: [] }, LOCAL)
		sync(sender, receiver)
		const seen = observeChanges(receiver)
		sender.transact(() => {
			writeRecordChanges(sender, { put: [note('shape:temp')], removed: [] }, LOCAL)
			writeRecordChanges(sender, { put: [note('shape:a', { y: 1 })], removed: ['shape:temp'] }, LOCAL)
		}, LOCAL)
		sync(sender, receiver)
		expect(seen).toEqual([{ put: [note('shape:a', { y: 1 })], removed: [] }])
	})

	it('a key deleted remotely is absent from the reported record', () => {
		const sender = new Y.Doc()
		const receiver = new Y.Doc()
		writeRecordChanges(sender, { put: [note('shape:a', { extra: 1 })], removed: [] }, LOCAL)
		sync(sender, receiver)
		const seen = observeChanges(receiver)
		writeRecordChanges(sender, { put: [note('shape:a')], removed: [] }, LOCAL)
		sync(sender, receiver)
		expect(seen).toEqual([{ put: [note('shape:a')], removed: [] }])
	})
})

describe('readStoredSchema and writeStoredSchema', () => {
	const schema = { schemaVersion: 2, sequences: { 'com.tldraw.shape.note': 13, 'com.tldraw.page': 1 } }

	it('a new doc has no stored schema', () => {
		expect(readStoredSchema(new Y.Doc())).toBeUndefined()
	})

	it('reads back the schema that was written, also on another doc', () => {
		const doc = new Y.Doc()
		writeStoredSchema(doc, schema, LOCAL)
		expect(readStoredSchema(doc)).toEqual(schema)
		const copy = new Y.Doc()
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
		expect(readStoredSchema(copy)).toEqual(schema)
	})

	it('writing the same schema again emits no update', () => {
		const doc = new Y.Doc()
		const first = updatesDuring(doc, () => writeStoredSchema(doc, schema, LOCAL))
		expect(first).toHaveLength(1)
		const second = updatesDuring(doc, () => writeStoredSchema(doc, structuredClone(schema), LOCAL))
		expect(second).toEqual([])
	})

	it('a changed schema is written and replaces the old one', () => {
		const doc = new Y.Doc()
		writeStoredSchema(doc, schema, LOCAL)
		const newer = { ...schema, sequences: { ...schema.sequences, 'com.tldraw.shape.note': 14 } }
		const updates = updatesDuring(doc, () => writeStoredSchema(doc, newer, LOCAL))
		expect(updates).toHaveLength(1)
		expect(readStoredSchema(doc)).toEqual(newer)
	})

	it('the schema is kept apart from the records', () => {
		const doc = new Y.Doc()
		writeStoredSchema(doc, schema, LOCAL)
		writeRecordChanges(doc, { put: [note('shape:a')], removed: [] }, LOCAL)
		expect(readAllRecords(doc)).toEqual([note('shape:a')])
		expect(readStoredSchema(doc)).toEqual(schema)
	})
})
