import type { Editor, TLShapeId } from 'tldraw'
import type { VotingRound } from '../../../shared/facilitationDoc'
import { castDot, isInRoundZone, takeBackDot, type Votes } from '../../../shared/model/voting'
import { readOwnVotes, toggleEndorsement, writeOwnVotes } from '../../../shared/supportDoc'
import type { BoardSession } from '../../session/BoardSession'

/**
 * This person's writes to the support document. They go to the support document, not the board,
 * so they keep working while the facilitator has locked the board. The person is their tldraw
 * user id: stable in this browser, whatever name they go by.
 */
export function toggleOwnEndorsement(session: BoardSession, editor: Editor, noteId: string): void {
	const me = session.me.get()
	if (me) toggleEndorsement(session.documents.support, noteId, { id: editor.user.getId(), ...me })
}

/**
 * A dot only on a note the round counts. The results drop dots on other notes anyway (see
 * roundResults); refusing them here keeps my dots from being spent on nothing.
 */
export function castOwnDot(session: BoardSession, editor: Editor, noteId: string): void {
	changeOwnVotes(session, editor, (round, votes) => (isNoteInRound(editor, noteId, round) ? castDot(round.dotsPerPerson, votes, noteId) : null))
}

/** Also from a note outside the round (moved out after the dot was cast), to win that dot back. */
export function takeBackOwnDot(session: BoardSession, editor: Editor, noteId: string): void {
	changeOwnVotes(session, editor, (_round, votes) => takeBackDot(votes, noteId))
}

/** Applies a change to my votes in the open round; a change that returns null (refused, or budget spent) writes nothing. */
function changeOwnVotes(session: BoardSession, editor: Editor, change: (round: VotingRound, votes: Votes) => Votes | null): void {
	const round = session.voting.get()
	if (!round || round.phase !== 'open') return
	// Into my own document, which reaches nobody else until the facilitator reveals the votes.
	const { own } = session.documents
	const votes = change(round, readOwnVotes(own, round.id, editor.user.getId()))
	if (votes !== null) writeOwnVotes(own, round.id, editor.user.getId(), votes)
}

function isNoteInRound(editor: Editor, noteId: string, round: VotingRound): boolean {
	const bounds = editor.getShapePageBounds(noteId as TLShapeId)
	return bounds !== undefined && isInRoundZone(bounds, round.zone)
}
