import type { Editor } from 'tldraw'
import { castDot, takeBackDot, type Votes } from '../../shared/model/voting'
import { readOwnVotes, toggleEndorsement, writeOwnVotes } from '../../shared/supportDoc'
import { $participant } from '../participant/participant'
import { $documents, $facilitation } from '../session/sessionState'

/**
 * This person's writes to the support document. They go to the support document, not the board,
 * so they keep working while the facilitator has locked the board. The person is their tldraw
 * user id: stable in this browser, whatever name they go by.
 */
export function toggleOwnEndorsement(editor: Editor, noteId: string): void {
	const documents = $documents.get()
	const participant = $participant.get()
	if (!documents || !participant) return
	toggleEndorsement(documents.support, noteId, { id: editor.user.getId(), ...participant })
}

export function castOwnDot(editor: Editor, noteId: string): void {
	changeOwnVotes(editor, (budget, votes) => castDot(budget, votes, noteId))
}

export function takeBackOwnDot(editor: Editor, noteId: string): void {
	changeOwnVotes(editor, (_budget, votes) => takeBackDot(votes, noteId))
}

/** Applies a change to my votes in the open round; a change that returns null (budget spent) writes nothing. */
function changeOwnVotes(editor: Editor, change: (budget: number, votes: Votes) => Votes | null): void {
	const documents = $documents.get()
	const round = $facilitation.get()?.voting
	if (!documents || !round || round.phase !== 'open') return
	const votes = change(round.dotsPerPerson, readOwnVotes(documents.support, round.id, editor.user.getId()))
	if (votes !== null) writeOwnVotes(documents.support, round.id, editor.user.getId(), votes)
}
