import * as Y from 'yjs'
import { BOARD_META_MAP, RECORDS_MAP, SCHEMA_KEY } from './docLayout.js'
import { jsonEqual } from './jsonEqual.js'

/**
 * The board's records in a Y.Doc, readable without tldraw: `records` maps each record id to a
 * Y.Map holding one key per top-level property of the record (x, y, props, meta, ...), each a
 * plain JSON value. A change writes only the properties that changed, so dragging a note sends
 * ~60 bytes a frame instead of the whole ~500-byte record (see the README's layout figures).
 */
export type PlainRecord = { id: string; typeName: string } & Record<string, unknown>

export type RecordChanges = { put: PlainRecord[]; removed: string[] }

export const recordsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(RECORDS_MAP)
const metaOf = (doc: Y.Doc) => doc.getMap<unknown>(BOARD_META_MAP)

export function readRecord(yRecord: Y.Map<unknown>): PlainRecord {
	return yRecord.toJSON() as PlainRecord
}

export function readAllRecords(doc: Y.Doc): PlainRecord[] {
	return [...recordsOf(doc).values()].map(readRecord).filter(isPlainRecord)
}

/**
 * A new record is ~13 Yjs entries (its map and one per property); the relay refuses updates of
 * more than MAX_UPDATE_ENTRIES (2,500 by default) so that one update cannot stall a server, so a
 * big paste goes out in steps of ~1,300 entries.
 */
export const RECORDS_PER_TRANSACTION = 100

/** Writes puts (only their changed properties) and removals, in transactions of at most RECORDS_PER_TRANSACTION records. */
export function writeRecordChanges(doc: Y.Doc, { put, removed }: RecordChanges, origin: unknown): void {
	const records = recordsOf(doc)
	const operations: (PlainRecord | string)[] = [...removed, ...put]
	for (let start = 0; start < operations.length; start += RECORDS_PER_TRANSACTION) {
		doc.transact(() => {
			for (const operation of operations.slice(start, start + RECORDS_PER_TRANSACTION)) {
				if (typeof operation === 'string') {
					records.delete(operation)
					continue
				}
				const existing = records.get(operation.id)
				if (existing) updateChangedProperties(existing, operation)
				else records.set(operation.id, new Y.Map(Object.entries(operation)))
			}
		}, origin)
	}
}

function updateChangedProperties(yRecord: Y.Map<unknown>, record: PlainRecord) {
	for (const [key, value] of Object.entries(record)) {
		if (!jsonEqual(yRecord.get(key), value)) yRecord.set(key, value)
	}
	for (const key of [...yRecord.keys()]) {
		if (!Object.hasOwn(record, key)) yRecord.delete(key)
	}
}

/**
 * What a remote transaction changed, from the events of `recordsOf(doc).observeDeep`: records
 * added or changed are read back whole, so the caller never sees half a record.
 */
export function changesOfEvents(events: Y.YEvent<Y.AbstractType<unknown>>[], doc: Y.Doc): RecordChanges {
	const records = recordsOf(doc)
	const touched = new Set<string>()
	const removed = new Set<string>()
	for (const event of events) {
		if (event.target === records) {
			for (const [id, change] of event.changes.keys) {
				if (change.action === 'delete') removed.add(id)
				else touched.add(id)
			}
		} else {
			const id = (event.target as Y.Map<unknown>).get('id')
			if (typeof id === 'string') touched.add(id)
		}
	}
	const put: PlainRecord[] = []
	for (const id of touched) {
		const yRecord = records.get(id)
		if (!yRecord) continue
		removed.delete(id)
		const record = readRecord(yRecord)
		if (isPlainRecord(record)) put.push(record)
	}
	return { put, removed: [...removed].filter((id) => !records.has(id)) }
}

/** The serialized tldraw schema the board's records were last written with, if any. */
export function readStoredSchema(doc: Y.Doc): unknown {
	return metaOf(doc).get(SCHEMA_KEY)
}

/** Stores the schema, but only when it differs: each rewrite would add bytes to every join. */
export function writeStoredSchema(doc: Y.Doc, schema: unknown, origin: unknown): void {
	const meta = metaOf(doc)
	if (jsonEqual(meta.get(SCHEMA_KEY), schema)) return
	doc.transact(() => meta.set(SCHEMA_KEY, schema), origin)
}

function isPlainRecord(value: unknown): value is PlainRecord {
	const record = value as Partial<PlainRecord> | null
	return typeof record?.id === 'string' && typeof record.typeName === 'string'
}
