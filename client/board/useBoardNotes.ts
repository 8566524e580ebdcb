import { renderPlaintextFromRichText, useValue, type Editor, type TLNoteShape } from 'tldraw'
import type { NoteOnBoard } from '../../shared/model/zoneSummary'

/** The notes on the current page that this person sees (not others' notes of a private round), as the shared model code reads them; live. */
export function useBoardNotes(editor: Editor): NoteOnBoard[] {
	return useValue(
		'board notes',
		() =>
			editor
				.getCurrentPageShapes()
				.filter((shape): shape is TLNoteShape => shape.type === 'note' && !editor.isShapeHidden(shape))
				.flatMap((note) => {
					const bounds = editor.getShapePageBounds(note)
					if (!bounds) return []
					return [
						{
							id: note.id,
							box: { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h },
							meta: note.meta,
							text: renderPlaintextFromRichText(editor, note.props.richText),
							colour: note.props.color,
						},
					]
				}),
		[editor],
	)
}
