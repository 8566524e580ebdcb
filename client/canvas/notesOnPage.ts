import type { Editor, TLNoteShape } from 'tldraw'
import type { Box } from '../../shared/model/geometry'

/** A tldraw note is 200 x 200 page units at scale 1; what sits on a note grows and shrinks with it. */
export const NOTE_SIZE = 200

export type NoteOnPage = { note: TLNoteShape; box: Box }

/**
 * The notes on the current page with their boxes on the page, live when read in a reactive
 * context. `visibleOnly` leaves out the notes this person does not see (others' notes in a
 * private round): what counts for what they see, not for where a new note may go.
 */
export function notesOnPage(editor: Editor, { visibleOnly }: { visibleOnly: boolean }): NoteOnPage[] {
	return editor.getCurrentPageShapes().flatMap((shape) => {
		if (shape.type !== 'note' || (visibleOnly && editor.isShapeHidden(shape))) return []
		const bounds = editor.getShapePageBounds(shape)
		return bounds ? [{ note: shape as TLNoteShape, box: { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h } }] : []
	})
}
