import type { Editor, TLShape } from 'tldraw'
import { centreOf, zoneOfPoint } from '../../shared/model/geometry'
import type { NoteMeta } from '../../shared/model/noteAuthorship'
import { isHiddenFrom, type RoundNote } from '../../shared/model/privateRound'
import { notesOnPage } from './notesOnPage'
import type { BoardSession } from '../session/BoardSession'

/**
 * Private rounds: everyone writes without seeing the others' new notes, so the first idea on the
 * board does not steer the rest. Hiding is a courtesy of each browser, not a secret: the notes
 * travel to everyone as usual and appear the moment the facilitator reveals their zone, or
 * reveals or ends the round.
 */

/** A note placed in the zone of its centre; null for a note without bounds, which tldraw cannot draw anyway. */
function roundNoteOf(editor: Editor, shape: TLShape): RoundNote | null {
	const bounds = editor.getShapePageBounds(shape)
	return bounds ? { meta: shape.meta, zone: zoneOfPoint(bounds.center) } : null
}

/** The notes on the current page, hidden ones included, as private mode reads them: meta and zone, no text. */
export function roundNotes(editor: Editor): RoundNote[] {
	return notesOnPage(editor, { visibleOnly: false }).map(({ note, box }) => ({ meta: note.meta, zone: zoneOfPoint(centreOf(box)) }))
}

/** Which shapes this person sees: during a private round, others' new notes stay hidden until revealed. */
export function shapeVisibility(session: BoardSession, shape: TLShape, editor: Editor): 'visible' | 'hidden' | 'inherit' {
	const round = session.hidingRound.get()
	// Without a round nothing is hidden, so no note's place needs working out.
	if (shape.type !== 'note' || round === null) return 'inherit'
	const note = roundNoteOf(editor, shape)
	return note !== null && isHiddenFrom(round, note, editor.user.getId()) ? 'hidden' : 'inherit'
}

/** What a note created now carries for private mode: its author's id, and the running round if any. */
export function privacyMeta(session: BoardSession, editor: Editor): Pick<NoteMeta, 'authorId' | 'privateRound'> {
	const round = session.hidingRound.get()
	return round === null ? { authorId: editor.user.getId() } : { authorId: editor.user.getId(), privateRound: round.id }
}
