import fc from 'fast-check'
import * as Y from 'yjs'

/**
 * Random honest editing by a few docs that now and then sync with each other, for property tests
 * of what the relay reads: maps of records, nested values, lists and formatted text, with
 * deletions and concurrent edits.
 */
export type Edit =
	| { kind: 'set'; doc: number; key: string; value: fc.JsonValue }
	| { kind: 'record'; doc: number; key: string; field: string; value: fc.JsonValue }
	| { kind: 'remove'; doc: number; key: string }
	| { kind: 'insertList'; doc: number; at: number; values: fc.JsonValue[] }
	| { kind: 'deleteList'; doc: number; at: number; length: number }
	| { kind: 'insertText'; doc: number; at: number; text: string; bold: boolean }
	| { kind: 'deleteText'; doc: number; at: number; length: number }
	| { kind: 'sync'; doc: number; to: number }

const key = fc.constantFrom('shape:a', 'shape:b', 'shape:c', 'page:page')
const field = fc.constantFrom('x', 'y', 'props', 'meta')
const value = fc.jsonValue({ maxDepth: 3 })
// One to four UTF-8 bytes per character, and the byte order mark, which a decoder may drop.
const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', 'é', '€', '😀', '\uFEFF'), minLength: 1, maxLength: 6 })

export function editArbitrary(docCount: number): fc.Arbitrary<Edit> {
	const doc = fc.nat({ max: docCount - 1 })
	return fc.oneof(
		fc.record({ kind: fc.constant('set' as const), doc, key, value }),
		fc.record({ kind: fc.constant('record' as const), doc, key, field, value }),
		fc.record({ kind: fc.constant('remove' as const), doc, key }),
		fc.record({ kind: fc.constant('insertList' as const), doc, at: fc.nat(), values: fc.array(value, { minLength: 1, maxLength: 3 }) }),
		fc.record({ kind: fc.constant('deleteList' as const), doc, at: fc.nat(), length: fc.integer({ min: 1, max: 3 }) }),
		fc.record({ kind: fc.constant('insertText' as const), doc, at: fc.nat(), text, bold: fc.boolean() }),
		fc.record({ kind: fc.constant('deleteText' as const), doc, at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }),
		fc.record({ kind: fc.constant('sync' as const), doc, to: doc }),
	)
}

export function applyEdit(docs: Y.Doc[], edit: Edit): void {
	const doc = docs[edit.doc]!
	const records = doc.getMap<unknown>('records')
	const list = doc.getArray<unknown>('list')
	const note = doc.getText('note')
	switch (edit.kind) {
		case 'set':
			records.set(edit.key, edit.value)
			return
		case 'record': {
			const existing = records.get(edit.key)
			if (existing instanceof Y.Map) existing.set(edit.field, edit.value)
			else records.set(edit.key, new Y.Map([[edit.field, edit.value]]))
			return
		}
		case 'remove':
			records.delete(edit.key)
			return
		case 'insertList':
			list.insert(edit.at % (list.length + 1), edit.values)
			return
		case 'deleteList': {
			if (list.length === 0) return
			const at = edit.at % list.length
			list.delete(at, Math.min(edit.length, list.length - at))
			return
		}
		case 'insertText':
			note.insert(edit.at % (note.length + 1), edit.text, edit.bold ? { bold: true } : {})
			return
		case 'deleteText': {
			if (note.length === 0) return
			const at = edit.at % note.length
			note.delete(at, Math.min(edit.length, note.length - at))
			return
		}
		case 'sync': {
			const to = docs[edit.to]!
			if (to !== doc) Y.applyUpdate(to, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(to)))
			return
		}
	}
}

/** Docs with fixed client ids (so failures replay), and every update they emitted while `edits` ran. */
export function runEdits(docCount: number, edits: Edit[]): { docs: Y.Doc[]; updates: Uint8Array[] } {
	const docs = Array.from({ length: docCount }, (_, index) => {
		const doc = new Y.Doc()
		doc.clientID = 1000 + index
		return doc
	})
	const updates: Uint8Array[] = []
	for (const doc of docs) doc.on('update', (update: Uint8Array) => updates.push(update))
	for (const edit of edits) applyEdit(docs, edit)
	return { docs, updates }
}
