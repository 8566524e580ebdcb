import type { SerializedSchema, TLRecord, TLStore } from 'tldraw'
import * as Y from 'yjs'
import { offOriginProblem } from '../../shared/model/sameOrigin'
import { changesOfEvents, readAllRecords, readStoredSchema, recordsOf, writeRecordChanges, writeStoredSchema, type PlainRecord } from '../../shared/recordDoc'

export class BoardSchemaError extends Error {}

/**
 * This person's private notes during a private round (client/canvas/privateMode.ts): a second doc
 * the relay serves to nobody else. `keepsPrivate` says whether a record written now belongs there.
 */
export type PrivateNotes = { doc: Y.Doc; keepsPrivate: (record: PlainRecord) => boolean }

/**
 * Binds a tldraw store to a board's Y.Doc both ways. Document-scoped records (shapes, pages,
 * bindings, assets, the document record and users) live in the doc; session and instance records
 * stay in this browser. Loading migrates records written by an older tldraw schema and writes the
 * migrated records back, so the board is upgraded once instead of on every load.
 *
 * `readOnly` (a view link): nothing goes from the store into the doc, not even the records tldraw
 * makes by itself (the person's user record, migrations): the relay would refuse them.
 *
 * `privateNotes`: a record goes there while it is in there or, new, while it keeps private; the
 * rest goes to the board. The server moves revealed notes from there onto the board, so a note
 * leaving the private doc stays on the page while its board copy is on its way.
 *
 * Returns a function that unbinds. Throws BoardSchemaError when the board was written by a newer
 * version than this client can read: nothing is loaded or written then.
 */
export function bindStoreToDoc(
	store: TLStore,
	doc: Y.Doc,
	{ readOnly = false, privateNotes }: { readOnly?: boolean; privateNotes?: PrivateNotes } = {},
): () => void {
	const origin = { binding: 'tldraw-store' }
	// Writes into a doc nobody syncs, when this page may not write.
	const target = readOnly ? new Y.Doc() : doc
	const stopSchemaWatch = loadDocIntoStore(store, doc, target, origin)
	const records = recordsOf(doc)
	const privateRecords = privateNotes && recordsOf(privateNotes.doc)
	if (privateNotes) applyRemoteChanges(store, { put: readAllRecords(privateNotes.doc), removed: [] })

	const isPrivate = (record: PlainRecord) =>
		privateRecords !== undefined && (privateRecords.has(record.id) || (!records.has(record.id) && privateNotes!.keepsPrivate(record)))
	const stopListening = store.listen(
		({ changes }) => {
			const put = [...Object.values(changes.added), ...Object.values(changes.updated).map(([, to]) => to)] as unknown as PlainRecord[]
			const removed = Object.keys(changes.removed)
			writeRecordChanges(target, { put: put.filter((record) => !isPrivate(record)), removed: removed.filter((id) => !privateRecords?.has(id)) }, origin)
			if (!privateNotes) return
			writeRecordChanges(privateNotes.doc, { put: put.filter(isPrivate), removed: removed.filter((id) => privateRecords!.has(id)) }, origin)
		},
		{ source: 'user', scope: 'document' },
	)

	const onRemoteChange = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
		if (transaction.origin === origin) return
		applyRemoteChanges(store, changesOfEvents(events, doc))
	}
	records.observeDeep(onRemoteChange)
	const onRemotePrivateChange = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
		if (transaction.origin === origin) return
		const { put, removed } = changesOfEvents(events, privateNotes!.doc)
		// Removed for good (from another tab of this person) only while it still keeps private; otherwise it is moving to the board.
		const deleted = removed.filter((id) => {
			const record = store.get(id as TLRecord['id']) as unknown as PlainRecord | undefined
			return !records.has(id) && record !== undefined && privateNotes!.keepsPrivate(record)
		})
		applyRemoteChanges(store, { put, removed: deleted })
	}
	privateRecords?.observeDeep(onRemotePrivateChange)

	return () => {
		stopSchemaWatch()
		stopListening()
		records.unobserveDeep(onRemoteChange)
		privateRecords?.unobserveDeep(onRemotePrivateChange)
	}
}

/**
 * Loads the doc's records into the store, migrated, writing migrations and the schema to `target`;
 * returns a function that stops a pending schema write.
 */
function loadDocIntoStore(store: TLStore, doc: Y.Doc, target: Y.Doc, origin: object): () => void {
	const stored = readAllRecords(doc)
	const storedSchema = readStoredSchema(doc) as SerializedSchema | undefined
	let records = stored
	if (stored.length > 0 && storedSchema) {
		records = migrateRecords(store, stored, storedSchema)
		const storedById = new Map(stored.map((record) => [record.id, record]))
		const changed = records.filter((record) => record !== storedById.get(record.id))
		if (changed.length > 0) writeRecordChanges(target, { put: changed, removed: [] }, origin)
	}
	const schema = schemaToStore(store, storedSchema)
	store.mergeRemoteChanges(() => {
		const documentIds = [...store.allRecords()].filter((record) => store.scopedTypes.document.has(record.typeName))
		if (documentIds.length > 0) store.remove(documentIds.map((record) => record.id))
		putValidRecords(store, records)
	})
	if (stored.length > 0 || storedSchema) {
		writeStoredSchema(target, schema, origin)
		return () => {}
	}
	// A new board records the schema with its first content.
	const stop = store.listen(
		() => {
			stop()
			writeStoredSchema(target, schema, origin)
		},
		{ source: 'user', scope: 'document' },
	)
	return stop
}

/**
 * Migrates the whole snapshot at once (store-wide migrations need that); if a single record breaks
 * it, migrates record by record and leaves the unreadable ones in the doc, untouched and unloaded.
 */
function migrateRecords(store: TLStore, stored: PlainRecord[], storedSchema: SerializedSchema): PlainRecord[] {
	if (!store.schema.getMigrationsSince(storedSchema).ok) {
		throw new BoardSchemaError('This board was saved by a newer version of Strategy Board. Reload the page to update.')
	}
	const snapshot = Object.fromEntries(stored.map((record) => [record.id, record]))
	const whole = store.schema.migrateStoreSnapshot({ store: snapshot as never, schema: storedSchema })
	if (whole.type === 'success') return Object.values(whole.value) as unknown as PlainRecord[]
	return stored.flatMap((record) => {
		const migrated = store.schema.migratePersistedRecord(record as unknown as TLRecord, storedSchema)
		if (migrated.type === 'success') return [migrated.value as unknown as PlainRecord]
		console.warn(`skipped record ${record.id}: it could not be migrated (${migrated.reason})`)
		return []
	})
}

/**
 * The schema to record: ours, plus any sequences a newer client stored that we do not know, so a
 * newer client never re-runs migrations on records that already had them.
 */
function schemaToStore(store: TLStore, storedSchema: SerializedSchema | undefined) {
	const current = store.schema.serialize()
	const storedSequences = storedSchema && 'sequences' in storedSchema ? storedSchema.sequences : {}
	return { ...current, sequences: { ...storedSequences, ...current.sequences } }
}

function applyRemoteChanges(store: TLStore, { put, removed }: { put: PlainRecord[]; removed: string[] }) {
	store.mergeRemoteChanges(() => {
		const present = removed.filter((id) => store.has(id as TLRecord['id']))
		if (present.length > 0) store.remove(present as TLRecord['id'][])
		putValidRecords(store, put)
	})
}

/**
 * Puts records one by one so that a single record this client cannot read (hand-edited, or from
 * a peer running another version) is skipped with a warning instead of rejecting the whole batch.
 * A record that would make this browser load something from another host (the relay refuses
 * those, but an old board may hold one) is skipped the same way.
 */
function putValidRecords(store: TLStore, incoming: PlainRecord[]) {
	const records = incoming.filter((record) => {
		const problem = offOriginProblem(record)
		if (problem) console.warn(`skipped record ${record.id}: ${problem}`)
		return problem === null
	})
	try {
		store.put(records as unknown as TLRecord[])
	} catch {
		for (const record of records) {
			try {
				store.put([record as unknown as TLRecord])
			} catch (error) {
				console.warn(`skipped record ${record.id}: ${(error as Error).message}`)
			}
		}
	}
}
