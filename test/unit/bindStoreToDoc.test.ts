import { describe, it, expect, vi, afterEach } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import {
	createShapeId,
	createTLStore,
	defaultBindingUtils,
	defaultShapeUtils,
	PageRecordType,
	TLDOCUMENT_ID,
	type TLNoteShape,
	type TLRecord,
	type TLShapeId,
	type TLStore,
} from 'tldraw'
import { BoardSchemaError, bindStoreToDoc } from '../../client/sync/bindStoreToDoc'
import { readAllRecords, readStoredSchema, recordsOf, writeRecordChanges, writeStoredSchema, type PlainRecord } from '../../shared/recordDoc'
import { noteRecord } from '../helpers/noteRecord'

const PAGE_ID = PageRecordType.createId('page')
const NOTE_SEQUENCE = 'com.tldraw.shape.note'

afterEach(() => {
	vi.restoreAllMocks()
})

const newStore = () => createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })

const byId = <T extends { id: string }>(records: T[]) => [...records].sort((a, b) => a.id.localeCompare(b.id))

/** The records a board shares (shapes, pages, the document record...), in a comparable order. */
function documentRecords(store: TLStore): TLRecord[] {
	return byId(store.allRecords().filter((record) => store.scopedTypes.document.has(record.typeName)))
}

const docRecords = (doc: Y.Doc) => byId(readAllRecords(doc))

/** Plain JSON typed as tldraw's note: the store validates every record it is given, so a wrong one fails the test. */
function note(name: string, x: number, y: number, text = 'a note'): TLNoteShape {
	return noteRecord({ id: createShapeId(name), x, y, paragraphs: [text] }) as unknown as TLNoteShape
}

function getNote(store: TLStore, id: TLShapeId): TLNoteShape | undefined {
	return store.get(id) as TLNoteShape | undefined
}

/** One direction of a network link: updates are forwarded at once, or held until delivered. */
type Channel = { origin: object; pending: Uint8Array[]; deliver: (index?: number) => void; deliverAll: () => void }

function connect(a: Y.Doc, b: Y.Doc, { buffered }: { buffered: boolean }): { aToB: Channel; bToA: Channel } {
	const aToB = channel(b)
	const bToA = channel(a)
	forward(a, aToB, bToA.origin)
	forward(b, bToA, aToB.origin)
	return { aToB, bToA }

	function channel(to: Y.Doc): Channel {
		const origin = {}
		const pending: Uint8Array[] = []
		const deliver = (index = 0) => {
			const [update] = pending.splice(index, 1)
			if (update) Y.applyUpdate(to, update, origin)
		}
		return {
			origin,
			pending,
			deliver,
			deliverAll: () => {
				while (pending.length > 0) deliver()
			},
		}
	}

	function forward(from: Y.Doc, out: Channel, incomingOrigin: object) {
		from.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin === incomingOrigin) return
			out.pending.push(update)
			if (!buffered) out.deliverAll()
		})
	}
}

type Peer = { store: TLStore; doc: Y.Doc; unbind: () => void }

function peer(doc = new Y.Doc()): Peer {
	const store = newStore()
	const unbind = bindStoreToDoc(store, doc)
	return { store, doc, unbind }
}

/**
 * Two stores bound to two docs linked to each other. A names the document and its page, so the
 * records every store starts with are in the docs too.
 */
function twoPeers({ buffered = false } = {}) {
	const a = peer()
	const b = peer()
	const link = connect(a.doc, b.doc, { buffered })
	const page = a.store.get(PAGE_ID)
	const document = a.store.get(TLDOCUMENT_ID)
	if (!page || !document) throw new Error('a bound store should have a page and a document record')
	a.store.put([
		{ ...page, name: 'Workshop page' },
		{ ...document, name: 'Workshop' },
	])
	link.aToB.deliverAll()
	return { a, b, ...link }
}

function expectConverged(...peers: Peer[]) {
	const [first, ...others] = peers
	const reference = docRecords(first!.doc)
	for (const { store, doc } of peers) {
		expect(docRecords(doc)).toEqual(reference)
		expect(documentRecords(store)).toEqual(reference)
	}
	expect(others.length).toBeGreaterThan(0)
}

describe('a binding with private notes (a private round)', () => {
	/** A page whose notes keep private while `hiding` is set and their text starts with "private". */
	function withPrivateNotes(board = new Y.Doc()) {
		const own = new Y.Doc()
		const hiding = { on: true }
		const keepsPrivate = (record: PlainRecord) => hiding.on && JSON.stringify(record.props).includes('private')
		const store = newStore()
		const unbind = bindStoreToDoc(store, board, { privateNotes: { doc: own, keepsPrivate } })
		return { store, board, own, hiding, unbind }
	}

	it('a new note that keeps private goes into the private doc only; others go to the board', () => {
		const { store, board, own } = withPrivateNotes()
		store.put([note('secret', 0, 0, 'private idea'), note('open', 0, 0, 'public idea')])
		expect(recordsOf(own).has(note('secret', 0, 0).id)).toBe(true)
		expect(recordsOf(board).has(note('secret', 0, 0).id)).toBe(false)
		expect(recordsOf(board).has(note('open', 0, 0).id)).toBe(true)
		expect(recordsOf(own).has(note('open', 0, 0).id)).toBe(false)
	})

	it('edits and deletions of a note follow the doc that holds it', () => {
		const { store, board, own, hiding } = withPrivateNotes()
		const secret = note('secret', 0, 0, 'private idea')
		store.put([secret])
		hiding.on = false
		// Still in the private doc: edited there, and the server moves it.
		store.put([{ ...secret, x: 50 }])
		expect(readRecordIn(own, secret.id)?.x).toBe(50)
		expect(recordsOf(board).has(secret.id)).toBe(false)
		store.remove([secret.id])
		expect(recordsOf(own).has(secret.id)).toBe(false)
		expect(getNote(store, secret.id)).toBeUndefined()
	})

	it('loads what the private doc holds, and follows it', () => {
		const own = new Y.Doc()
		writeRecordChanges(own, { put: [note('earlier', 5, 5, 'private earlier') as unknown as PlainRecord], removed: [] }, null)
		const store = newStore()
		bindStoreToDoc(store, new Y.Doc(), { privateNotes: { doc: own, keepsPrivate: () => true } })
		expect(getNote(store, note('earlier', 0, 0).id)?.x).toBe(5)
		writeRecordChanges(own, { put: [note('other tab', 7, 7, 'private too') as unknown as PlainRecord], removed: [] }, 'remote')
		expect(getNote(store, note('other tab', 0, 0).id)?.x).toBe(7)
		writeRecordChanges(own, { put: [], removed: [note('other tab', 0, 0).id] }, 'remote')
		expect(getNote(store, note('other tab', 0, 0).id)).toBeUndefined()
	})

	it('a note the server moves to the board stays on the page, whichever doc hears of it first', () => {
		const { store, board, own, hiding } = withPrivateNotes()
		const [first, second] = [note('first', 0, 0, 'private one'), note('second', 0, 0, 'private two')]
		store.put([first, second])
		hiding.on = false
		// First: the board copy arrives, then the private one goes. Second: the other way round.
		writeRecordChanges(board, { put: [readRecordIn(own, first.id)!], removed: [] }, 'remote')
		writeRecordChanges(own, { put: [], removed: [first.id] }, 'remote')
		const secondCopy = readRecordIn(own, second.id)!
		writeRecordChanges(own, { put: [], removed: [second.id] }, 'remote')
		expect(getNote(store, second.id)).toBeDefined()
		writeRecordChanges(board, { put: [secondCopy], removed: [] }, 'remote')
		expect(getNote(store, first.id)?.props.richText).toEqual(first.props.richText)
		expect(getNote(store, second.id)?.props.richText).toEqual(second.props.richText)
		store.put([{ ...getNote(store, second.id)!, x: 99 }])
		expect(readRecordIn(board, second.id)?.x).toBe(99)
		expect(recordsOf(own).size).toBe(0)
	})
})

const readRecordIn = (doc: Y.Doc, id: string) => readAllRecords(doc).find((record) => record.id === id)

describe('a read-only binding (a view link)', () => {
	it('loads the board and follows remote changes, but writes nothing into the doc, not even what tldraw makes by itself', () => {
		const writer = peer()
		writer.store.put([note('shared', 10, 20)])
		const doc = new Y.Doc()
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer.doc))
		const localWrites: Uint8Array[] = []
		doc.on('update', (update: Uint8Array, origin: unknown) => origin === 'remote' || localWrites.push(update))
		const viewer = newStore()
		bindStoreToDoc(viewer, doc, { readOnly: true })
		expect(getNote(viewer, note('shared', 0, 0).id)?.x).toBe(10)

		viewer.put([note('local', 0, 0)])
		writer.store.put([{ ...note('shared', 10, 20), x: 99 }])
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer.doc, Y.encodeStateVector(doc)), 'remote')
		expect(getNote(viewer, note('shared', 0, 0).id)?.x).toBe(99)
		expect(localWrites).toEqual([])
	})
})

describe('bindStoreToDoc between two stores', () => {
	it('the starting records reach the other store and both docs', () => {
		const { a, b } = twoPeers()
		expect(b.store.get(PAGE_ID)?.name).toBe('Workshop page')
		expect(b.store.get(TLDOCUMENT_ID)?.name).toBe('Workshop')
		expectConverged(a, b)
	})

	it('a shape created in store A appears in store B', () => {
		const { a, b } = twoPeers()
		a.store.put([note('n1', 10, 20, 'Goals')])
		expect(getNote(b.store, createShapeId('n1'))).toEqual(note('n1', 10, 20, 'Goals'))
		expectConverged(a, b)
	})

	it('a note moved on one store appears moved on the other', () => {
		const { a, b } = twoPeers()
		a.store.put([note('n1', 10, 20)])
		b.store.put([{ ...getNote(b.store, createShapeId('n1'))!, x: 300, y: -40 }])
		expect(getNote(a.store, createShapeId('n1'))).toMatchObject({ x: 300, y: -40 })
		expectConverged(a, b)
	})

	it('a change writes only the changed properties to the doc', () => {
		const { a, b } = twoPeers()
		a.store.put([note('n1', 10, 20, 'a long enough text to make the record several hundred bytes big')])
		const sizes: number[] = []
		a.doc.on('update', (update: Uint8Array) => sizes.push(update.byteLength))
		a.store.put([{ ...getNote(a.store, createShapeId('n1'))!, x: 11, y: 21 }])
		expect(sizes).toHaveLength(1)
		expect(sizes[0]).toBeLessThan(150)
		expectConverged(a, b)
	})

	it('concurrent edits of different shapes from both stores converge', () => {
		const { a, b, aToB, bToA } = twoPeers({ buffered: true })
		a.store.put([note('n1', 0, 0), note('n2', 100, 0)])
		aToB.deliverAll()
		a.store.put([{ ...getNote(a.store, createShapeId('n1'))!, x: 50 }, note('fromA', 1, 1)])
		b.store.put([{ ...getNote(b.store, createShapeId('n2'))!, y: 75 }, note('fromB', 2, 2)])
		expect(aToB.pending.length).toBeGreaterThan(0)
		expect(bToA.pending.length).toBeGreaterThan(0)
		bToA.deliverAll()
		aToB.deliverAll()
		expectConverged(a, b)
		expect(getNote(a.store, createShapeId('n1'))).toMatchObject({ x: 50, y: 0 })
		expect(getNote(a.store, createShapeId('n2'))).toMatchObject({ x: 100, y: 75 })
		expect(a.store.has(createShapeId('fromB'))).toBe(true)
		expect(b.store.has(createShapeId('fromA'))).toBe(true)
	})

	it('concurrent edits of different properties of one shape are both kept', () => {
		const { a, b, aToB, bToA } = twoPeers({ buffered: true })
		a.store.put([note('n1', 0, 0)])
		aToB.deliverAll()
		const original = getNote(a.store, createShapeId('n1'))!
		a.store.put([{ ...original, x: 40 }])
		b.store.put([{ ...original, props: { ...original.props, color: 'red' } }])
		aToB.deliverAll()
		bToA.deliverAll()
		expectConverged(a, b)
		expect(getNote(b.store, createShapeId('n1'))).toMatchObject({ x: 40, props: { color: 'red' } })
	})

	it('concurrent edits of the same property of one shape converge to one of the two values', () => {
		const { a, b, aToB, bToA } = twoPeers({ buffered: true })
		a.store.put([note('n1', 0, 0)])
		aToB.deliverAll()
		const original = getNote(a.store, createShapeId('n1'))!
		a.store.put([{ ...original, x: 111 }])
		b.store.put([{ ...original, x: 222 }])
		aToB.deliverAll()
		bToA.deliverAll()
		expectConverged(a, b)
		const x = getNote(a.store, createShapeId('n1'))!.x
		expect([111, 222]).toContain(x)
		expect(getNote(b.store, createShapeId('n1'))!.x).toBe(x)
	})

	it('a shape deleted in one store disappears from the other', () => {
		const { a, b } = twoPeers()
		a.store.put([note('n1', 0, 0), note('n2', 5, 5)])
		b.store.remove([createShapeId('n1')])
		expect(a.store.has(createShapeId('n1'))).toBe(false)
		expect(recordsOf(a.doc).has(createShapeId('n1'))).toBe(false)
		expect(a.store.has(createShapeId('n2'))).toBe(true)
		expectConverged(a, b)
	})

	it('a shape deleted on one side while moved on the other is gone on both', () => {
		const { a, b, aToB, bToA } = twoPeers({ buffered: true })
		a.store.put([note('n1', 0, 0)])
		aToB.deliverAll()
		a.store.remove([createShapeId('n1')])
		b.store.put([{ ...getNote(b.store, createShapeId('n1'))!, x: 99 }])
		aToB.deliverAll()
		bToA.deliverAll()
		expect(a.store.has(createShapeId('n1'))).toBe(false)
		expect(b.store.has(createShapeId('n1'))).toBe(false)
		expectConverged(a, b)
	})

	it('undoing a move (putting the previous record back) propagates', () => {
		const { a, b } = twoPeers()
		a.store.put([note('n1', 10, 10)])
		const before = getNote(a.store, createShapeId('n1'))!
		a.store.put([{ ...before, x: 500, y: 600 }])
		expect(getNote(b.store, createShapeId('n1'))).toMatchObject({ x: 500, y: 600 })
		a.store.put([before])
		expect(getNote(b.store, createShapeId('n1'))).toEqual(before)
		expectConverged(a, b)
	})

	it('undoing a delete (putting the deleted record back) recreates the shape on the other side', () => {
		const { a, b } = twoPeers()
		a.store.put([note('n1', 10, 10, 'keep me')])
		const deleted = getNote(a.store, createShapeId('n1'))!
		a.store.remove([deleted.id])
		expect(b.store.has(deleted.id)).toBe(false)
		a.store.put([deleted])
		expect(getNote(b.store, deleted.id)).toEqual(deleted)
		expectConverged(a, b)
	})

	it('a store bound to a doc that already has content loads it', () => {
		const { a } = twoPeers()
		a.store.put([note('n1', 1, 2), note('n2', 3, 4)])
		const late = peer(new Y.Doc())
		Y.applyUpdate(late.doc, Y.encodeStateAsUpdate(a.doc))
		const fresh = peer(copyOf(a.doc))
		expect(documentRecords(fresh.store)).toEqual(docRecords(a.doc))
		expect(documentRecords(late.store)).toEqual(docRecords(a.doc))
	})

	it('after unbinding, changes no longer flow in either direction', () => {
		const { a, b } = twoPeers()
		a.store.put([note('n1', 0, 0)])
		b.unbind()
		a.store.put([{ ...getNote(a.store, createShapeId('n1'))!, x: 70 }])
		expect(getNote(b.store, createShapeId('n1'))!.x).toBe(0)
		expect(recordsOf(b.doc).get(createShapeId('n1'))!.get('x')).toBe(70)
		b.store.put([note('onlyB', 0, 0)])
		expect(recordsOf(b.doc).has(createShapeId('onlyB'))).toBe(false)
	})

	it('the first change to a new board stores the schema next to the records', () => {
		const { a, b } = twoPeers()
		expect(readStoredSchema(a.doc)).toEqual(a.store.schema.serialize())
		expect(readStoredSchema(b.doc)).toEqual(a.store.schema.serialize())
	})

	it('random creates, moves, recolours and deletes on two stores with delayed, reordered delivery converge', () => {
		const shapeNames = ['s0', 's1', 's2', 's3']
		const side = fc.constantFrom('a' as const, 'b' as const)
		const shape = fc.constantFrom(...shapeNames)
		const coordinate = fc.integer({ min: -1000, max: 1000 })
		const color = fc.constantFrom('red' as const, 'blue' as const, 'green' as const)
		const operation = fc.oneof(
			fc.record({ kind: fc.constant('create' as const), side, shape, x: coordinate, y: coordinate }),
			fc.record({ kind: fc.constant('move' as const), side, shape, x: coordinate, y: coordinate }),
			fc.record({ kind: fc.constant('recolor' as const), side, shape, color }),
			fc.record({ kind: fc.constant('delete' as const), side, shape }),
			fc.record({ kind: fc.constant('deliver' as const), side, pick: fc.nat() }),
		)
		// Out-of-order delivery can show a record with a key deleted but its new value still
		// pending in Yjs; the binding skips such a record with a warning until the rest arrives.
		vi.spyOn(console, 'warn').mockImplementation(() => {})
		fc.assert(
			fc.property(fc.array(operation, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 60 }), (operations, finalOrder) => {
				const { a, b, aToB, bToA } = twoPeers({ buffered: true })
				const peers = { a, b }
				const outgoing = { a: aToB, b: bToA }
				for (const operation of operations) {
					const { store } = peers[operation.side]
					if (operation.kind === 'deliver') {
						const queue = outgoing[operation.side]
						if (queue.pending.length > 0) queue.deliver(operation.pick % queue.pending.length)
						continue
					}
					const id = createShapeId(operation.shape)
					const existing = getNote(store, id)
					if (operation.kind === 'create') {
						store.put([note(operation.shape, operation.x, operation.y, operation.side)])
					} else if (!existing) {
						continue
					} else if (operation.kind === 'move') {
						store.put([{ ...existing, x: operation.x, y: operation.y }])
					} else if (operation.kind === 'recolor') {
						store.put([{ ...existing, props: { ...existing.props, color: operation.color } }])
					} else {
						store.remove([id])
					}
				}
				// Deliver what is still in flight in a random order, interleaving both directions.
				const queues = [aToB, bToA]
				for (const pick of finalOrder) {
					const queue = queues[pick % 2]!
					if (queue.pending.length > 0) queue.deliver(Math.floor(pick / 2) % queue.pending.length)
				}
				aToB.deliverAll()
				bToA.deliverAll()
				expectConverged(a, b)
			}),
			{ numRuns: 150 },
		)
	})
})

function copyOf(doc: Y.Doc): Y.Doc {
	const copy = new Y.Doc()
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
	return copy
}

describe('bindStoreToDoc loading a stored board', () => {
	const currentSchema = () => newStore().schema.serialize()

	/** The schema with one sequence's version changed by `delta`. */
	function schemaWith(sequence: string, delta: number) {
		const schema = structuredClone(currentSchema())
		const version = schema.sequences[sequence]
		if (typeof version !== 'number') throw new Error(`no sequence ${sequence} in the schema`)
		schema.sequences[sequence] = version + delta
		return schema
	}

	const page: PlainRecord = { id: PAGE_ID, typeName: 'page', name: 'Stored page', index: 'a1', meta: {} }

	/** A note as written before tldraw renamed textFirstEditedBy to textLastEditedBy (note version 13). */
	function noteBeforeVersion13(name: string): PlainRecord {
		const { textLastEditedBy: _dropped, ...props } = note(name, 30, 40, 'old note').props
		return { ...note(name, 30, 40, 'old note'), props: { ...props, textFirstEditedBy: 'user:alice' } }
	}

	function storedBoard(schema: unknown, records: PlainRecord[]): Y.Doc {
		const doc = new Y.Doc()
		writeStoredSchema(doc, schema, 'test')
		writeRecordChanges(doc, { put: records, removed: [] }, 'test')
		return doc
	}

	it('the note migration this test relies on renames textFirstEditedBy in the last step', () => {
		// Guards the fixture: if tldraw adds a note migration, the version below must be revisited.
		expect(currentSchema().sequences[NOTE_SEQUENCE]).toBe(13)
	})

	it('records written with an older schema are migrated in the store', () => {
		const doc = storedBoard(schemaWith(NOTE_SEQUENCE, -1), [page, noteBeforeVersion13('old')])
		const store = newStore()
		bindStoreToDoc(store, doc)
		const migrated = getNote(store, createShapeId('old'))
		expect(migrated?.props.textLastEditedBy).toBe('user:alice')
		expect(migrated?.props).not.toHaveProperty('textFirstEditedBy')
		expect(store.get(PAGE_ID)?.name).toBe('Stored page')
	})

	it('migrated records are written back to the doc together with the current schema', () => {
		const doc = storedBoard(schemaWith(NOTE_SEQUENCE, -1), [page, noteBeforeVersion13('old')])
		const store = newStore()
		bindStoreToDoc(store, doc)
		const stored = recordsOf(doc).get(createShapeId('old'))!.toJSON() as TLNoteShape
		expect(stored.props.textLastEditedBy).toBe('user:alice')
		expect(stored.props).not.toHaveProperty('textFirstEditedBy')
		expect(stored).toEqual(getNote(store, createShapeId('old')))
		expect(readStoredSchema(doc)).toEqual(store.schema.serialize())
	})

	it("binding replaces the document records the store already had with the doc's", () => {
		const doc = storedBoard(currentSchema(), [page, note('fromDoc', 1, 2) as unknown as PlainRecord])
		const store = newStore()
		store.put([note('stale', 0, 0)])
		bindStoreToDoc(store, doc)
		expect(store.has(createShapeId('stale'))).toBe(false)
		expect(store.has(createShapeId('fromDoc'))).toBe(true)
		expect(recordsOf(doc).has(createShapeId('stale'))).toBe(false)
		const expectedIds = [TLDOCUMENT_ID, PAGE_ID, createShapeId('fromDoc')].sort()
		expect(documentRecords(store).map((record) => record.id)).toEqual(expectedIds)
	})

	it('a board already at the current schema is loaded without writing anything', () => {
		const doc = storedBoard(currentSchema(), [page, note('n1', 1, 2) as unknown as PlainRecord])
		const before = Y.encodeStateAsUpdate(doc)
		const store = newStore()
		bindStoreToDoc(store, doc)
		expect(getNote(store, createShapeId('n1'))).toEqual(note('n1', 1, 2))
		expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
	})

	it('a board saved by a newer schema is refused with BoardSchemaError and the doc is left as it was', () => {
		vi.spyOn(console, 'error').mockImplementation(() => {})
		const doc = storedBoard(schemaWith(NOTE_SEQUENCE, +1), [page, note('n1', 1, 2) as unknown as PlainRecord])
		const before = Y.encodeStateAsUpdate(doc)
		const store = newStore()
		expect(() => bindStoreToDoc(store, doc)).toThrow(BoardSchemaError)
		expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
		expect(readStoredSchema(doc)).toEqual(schemaWith(NOTE_SEQUENCE, +1))
		expect(store.has(createShapeId('n1'))).toBe(false)
		store.put([note('later', 0, 0)])
		expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
	})

	it('a malformed record is skipped and the other records load', () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
		const { props: _props, ...withoutProps } = note('broken', 0, 0)
		const doc = storedBoard(currentSchema(), [
			page,
			note('good', 5, 6) as unknown as PlainRecord,
			withoutProps as unknown as PlainRecord,
			note('alsoGood', 7, 8) as unknown as PlainRecord,
		])
		const store = newStore()
		bindStoreToDoc(store, doc)
		expect(getNote(store, createShapeId('good'))).toEqual(note('good', 5, 6))
		expect(getNote(store, createShapeId('alsoGood'))).toEqual(note('alsoGood', 7, 8))
		expect(store.get(PAGE_ID)?.name).toBe('Stored page')
		expect(store.has(createShapeId('broken'))).toBe(false)
		expect(warn).toHaveBeenCalledWith(expect.stringContaining(createShapeId('broken')))
		// The unreadable record may come from a newer peer: it is left in the doc, not deleted.
		expect(recordsOf(doc).has(createShapeId('broken'))).toBe(true)
	})

	// Fails today: with an older stored schema the whole snapshot goes through tldraw's
	// migrateStoreSnapshot, where one record a migration cannot handle fails every record, and the
	// board is refused as "saved by a newer version". See the report; flip to `it` once fixed.
	it('a malformed record in a board with an older schema is skipped and the rest migrates', () => {
		vi.spyOn(console, 'warn').mockImplementation(() => {})
		vi.spyOn(console, 'error').mockImplementation(() => {})
		const { props: _props, ...withoutProps } = noteBeforeVersion13('broken')
		const doc = storedBoard(schemaWith(NOTE_SEQUENCE, -1), [page, noteBeforeVersion13('old'), withoutProps as unknown as PlainRecord])
		const store = newStore()
		bindStoreToDoc(store, doc)
		expect(getNote(store, createShapeId('old'))?.props.textLastEditedBy).toBe('user:alice')
		expect(store.has(createShapeId('broken'))).toBe(false)
	})

	it('a malformed record arriving from a peer is skipped while the rest of the change applies', () => {
		vi.spyOn(console, 'warn').mockImplementation(() => {})
		const doc = storedBoard(currentSchema(), [page])
		const store = newStore()
		bindStoreToDoc(store, doc)
		const remote = copyOf(doc)
		const { props: _props, ...withoutProps } = note('broken', 0, 0)
		writeRecordChanges(remote, { put: [withoutProps as unknown as PlainRecord, note('good', 1, 1) as unknown as PlainRecord], removed: [] }, 'peer')
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), 'network')
		expect(getNote(store, createShapeId('good'))).toEqual(note('good', 1, 1))
		expect(store.has(createShapeId('broken'))).toBe(false)
	})

	it("an asset that would make this browser load another host's URL is not loaded, from the stored board or a peer", () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
		const asset = (id: string, src: string): PlainRecord => ({
			id: `asset:${id}`,
			typeName: 'asset',
			type: 'image',
			props: { name: 'pixel.png', src, w: 1, h: 1, mimeType: 'image/png', isAnimated: false },
			meta: {},
		})
		const own = asset('own', `/uploads/${'b'.repeat(64)}.png`)
		const doc = storedBoard(currentSchema(), [page, own, asset('tracker', 'https://evil.example/pixel.png')])
		const store = newStore()
		bindStoreToDoc(store, doc)
		expect(store.has(own.id as TLRecord['id'])).toBe(true)
		expect(store.has('asset:tracker' as TLRecord['id'])).toBe(false)
		const remote = copyOf(doc)
		writeRecordChanges(remote, { put: [asset('later', 'https://evil.example/later.png')], removed: [] }, 'peer')
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), 'network')
		expect(store.has('asset:later' as TLRecord['id'])).toBe(false)
		expect(warn).toHaveBeenCalledWith(expect.stringContaining('asset:tracker'))
	})
})
