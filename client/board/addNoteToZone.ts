import { Box, createShapeId, startEditingShapeWithRichText, type Editor, type TLNoteShape } from 'tldraw'
import { freeSpotInZone, type Box as ZoneBox } from '../../shared/model/placement'
import type { ZoneId } from '../../shared/model/zones'

/** A tldraw note is 200 x 200 page units at scale 1. */
export const NOTE_SIZE = 200
const READABLE_ZOOM = 0.6

/**
 * Adds a note in the first free spot of a zone and starts editing it, so the person can type at
 * once. Authorship and colour are stamped by the note-authoring side effect, like any new note.
 */
export function addNoteToZone(editor: Editor, zone: ZoneId): void {
	const occupied = editor
		.getCurrentPageShapes()
		.filter((shape): shape is TLNoteShape => shape.type === 'note')
		.flatMap((note): ZoneBox[] => {
			const bounds = editor.getShapePageBounds(note)
			return bounds ? [{ x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h }] : []
		})
	const spot = freeSpotInZone(zone, occupied, NOTE_SIZE)
	const id = createShapeId()
	editor.markHistoryStoppingPoint('add note to zone')
	editor.createShape<TLNoteShape>({ id, type: 'note', x: spot.x, y: spot.y })
	if (!editor.getShape(id)) return
	editor.select(id)
	// Typing into a note too small to read helps nobody: come close enough to read it.
	if (editor.getZoomLevel() < READABLE_ZOOM) {
		const around = new Box(spot.x, spot.y, NOTE_SIZE, NOTE_SIZE).expandBy(NOTE_SIZE * 1.5)
		editor.zoomToBounds(around, { animation: { duration: 200 } })
	}
	startEditingShapeWithRichText(editor, id)
}
