import { renderPlaintextFromRichText, useValue, type Editor } from 'tldraw'
import type { NoteOnBoard } from '../../shared/model/zoneSummary'
import { notesOnPage } from './notesOnPage'

/** The notes on the current page that this person sees (not others' notes of a private round), as the shared model code reads them; live. */
export function useBoardNotes(editor: Editor): NoteOnBoard[] {
	return useValue(
		'board notes',
		() =>
			notesOnPage(editor, { visibleOnly: true }).map(({ note, box }) => ({
				id: note.id,
				box,
				meta: note.meta,
				text: renderPlaintextFromRichText(editor, note.props.richText),
				colour: note.props.color,
			})),
		[editor],
	)
}
