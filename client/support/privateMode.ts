import type { Editor, TLShape } from 'tldraw'
import type { NoteMeta } from '../../shared/model/noteAuthorship'
import { $facilitation } from '../session/sessionState'

/**
 * Private rounds: everyone writes without seeing the others' new notes, so the first idea on the
 * board does not steer the rest. Hiding is a courtesy of each browser, not a secret: the notes
 * travel to everyone as usual and appear the moment the facilitator reveals or ends the round.
 */

/** The round new notes belong to right now: a running, unrevealed private round. */
function openRoundId(): string | null {
	const round = $facilitation.get()?.privateRound
	return round && !round.revealed ? round.id : null
}

/** Which shapes this person sees: during a private round, others' new notes stay hidden until revealed. */
export function shapeVisibility(shape: TLShape, editor: Editor): 'visible' | 'hidden' | 'inherit' {
	if (shape.type !== 'note') return 'inherit'
	const roundId = openRoundId()
	if (roundId === null) return 'inherit'
	const meta = shape.meta as Partial<Record<keyof NoteMeta, unknown>>
	return meta.privateRound === roundId && meta.authorId !== editor.user.getId() ? 'hidden' : 'inherit'
}

/** What a note created now carries for private mode: its author's id, and the open round if any. */
export function privacyMeta(editor: Editor): Pick<NoteMeta, 'authorId' | 'privateRound'> {
	const roundId = openRoundId()
	return roundId === null ? { authorId: editor.user.getId() } : { authorId: editor.user.getId(), privateRound: roundId }
}
