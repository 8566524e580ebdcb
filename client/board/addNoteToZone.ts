import { Box, createShapeId, startEditingShapeWithRichText, type Editor, type TLNoteShape, type TLShapeId } from 'tldraw'
import { freeSpotInZone, type Box as ZoneBox } from '../../shared/model/placement'
import { stageNumberOf, type ZoneId } from '../../shared/model/zones'
import { MODEL_CENTRE_ID, stageZoneId } from './modelTemplate'

/** A tldraw note is 200 x 200 page units at scale 1. */
export const NOTE_SIZE = 200

/**
 * Adds a note in the first free spot of a zone and starts editing it, so the person can type at
 * once. Authorship and colour are stamped by the note-authoring side effect, like any new note.
 * The camera stays where it is when the note is in view, so the next "+" is where it was; a note
 * out of view brings its whole zone into view, never just the note.
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
	const noteBox = new Box(spot.x, spot.y, NOTE_SIZE, NOTE_SIZE)
	if (!editor.getViewportPageBounds().contains(noteBox)) {
		const zoneShape = zoneShapeIdOf(zone)
		const zoneBounds = zoneShape && editor.getShapePageBounds(zoneShape)
		editor.zoomToBounds(zoneBounds ?? noteBox.clone().expandBy(NOTE_SIZE * 1.5), { animation: { duration: 200 }, inset: 40 })
	}
	startEditingShapeWithRichText(editor, id)
}

function zoneShapeIdOf(zone: ZoneId): TLShapeId | null {
	if (zone === 'centre') return MODEL_CENTRE_ID
	const stage = stageNumberOf(zone)
	return stage === null ? null : stageZoneId(stage)
}
