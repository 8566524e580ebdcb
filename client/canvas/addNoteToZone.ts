import { Box, createShapeId, startEditingShapeWithRichText, type Editor, type TLNoteShape, type TLShapeId } from 'tldraw'
import { freeSpotInZone } from '../../shared/model/placement'
import { stageOf, type ZoneId } from '../../shared/model/zones'
import { NOTE_SIZE, notesOnPage } from './notesOnPage'
import { MODEL_CENTRE_ID, stageZoneId } from './modelShapeIds'

/**
 * Adds a note in the first free spot of a zone and starts editing it, so the person can type at
 * once. Authorship and colour are stamped by the note-authoring side effect, like any new note.
 * The camera stays where it is when the note is in view, so the next "+" is where it was; a note
 * out of view brings its whole zone into view, never just the note.
 */
export function addNoteToZone(editor: Editor, zone: ZoneId): void {
	// Hidden notes (a private round) take up room too: a new note must not land on one.
	const occupied = notesOnPage(editor).map(({ box }) => box)
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
	const stage = stageOf(zone)
	return stage === null ? null : stageZoneId(stage)
}
