import { renderPlaintextFromRichText, useValue, type Editor, type TLRichText } from 'tldraw'
import type { NoteOnBoard } from '../../shared/model/zoneSummary'
import { notesOnPage, perEditor } from './notesOnPage'

/** Records are immutable, so a note whose text did not change keeps its rich text object, and its plain text. */
const plainTexts = new WeakMap<TLRichText, string>()

function plainTextOf(editor: Editor, richText: TLRichText): string {
	let text = plainTexts.get(richText)
	if (text === undefined) plainTexts.set(richText, (text = renderPlaintextFromRichText(editor, richText)))
	return text
}

const boardNotes = perEditor('board notes', (editor): NoteOnBoard[] =>
	notesOnPage(editor).map(({ note, box }) => ({
		id: note.id,
		box,
		meta: note.meta,
		text: plainTextOf(editor, note.props.richText),
		colour: note.props.color,
	})),
)

/** The notes on the current page as the shared model code reads them; live. */
export function useBoardNotes(editor: Editor): NoteOnBoard[] {
	return useValue('board notes', () => boardNotes(editor), [editor])
}
