import type * as Y from 'yjs'
import { writeRecordChanges } from '../../shared/recordDoc'
import { fractionalIndex } from '../bench/noteRecords'
import { noteRecord } from '../helpers/noteRecord'

/**
 * Writes `count` notes into a board document from outside any page, in a row left of the model.
 * They carry no authorship, so to every page they are other people's notes: enough of them make a
 * select-all and Delete ask first (see deletionGuard).
 */
export function writeOthersNotes(doc: Y.Doc, count: number): string[] {
	const notes = Array.from({ length: count }, (_, index) =>
		noteRecord({ id: `shape:others-${index}`, x: -2_000, y: index * 220, index: fractionalIndex(index) }),
	)
	writeRecordChanges(doc, { put: notes, removed: [] }, 'test')
	return notes.map((note) => note.id)
}
