import { computed, type Computed, type Editor, type TLNoteShape } from 'tldraw'
import type { Box } from '../../shared/model/geometry'

/** A tldraw note is 200 x 200 page units at scale 1; what sits on a note grows and shrinks with it. */
export const NOTE_SIZE = 200

export type NoteOnPage = { note: TLNoteShape; box: Box }

/**
 * One computed value per editor, so the panels, badges and the centre that all read it share one
 * walk over the page per change instead of each doing its own.
 */
export function perEditor<T>(name: string, read: (editor: Editor) => T): (editor: Editor) => T {
	const values = new WeakMap<Editor, Computed<T>>()
	return (editor) => {
		let value = values.get(editor)
		if (!value) values.set(editor, (value = computed(name, () => read(editor))))
		return value.get()
	}
}

/** The notes on the current page with their boxes on the page, live when read in a reactive context. */
export const notesOnPage = perEditor('notes on page', (editor): NoteOnPage[] =>
	editor.getCurrentPageShapes().flatMap((shape) => {
		if (shape.type !== 'note') return []
		const bounds = editor.getShapePageBounds(shape)
		return bounds ? [{ note: shape as TLNoteShape, box: { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h } }] : []
	}),
)
