import { useValue, type Editor } from 'tldraw'
import { dotsLeft, voteResults, type VoteResult, type Votes } from '../../shared/model/voting'
import { readOwnVotes, readVotes } from '../../shared/supportDoc'
import { $documents, $facilitation, $supportVersion } from '../session/sessionState'

type OwnVotes = { votes: Votes; left: number }

/** My dots in the open voting round, live; null when no round is open. */
export function useOwnVotes(editor: Editor): OwnVotes | null {
	return useValue(
		'own votes',
		() => {
			// Votes live in the support document: the version says when to read them again.
			$supportVersion.get()
			const round = $facilitation.get()?.voting
			const documents = $documents.get()
			if (!round || round.phase !== 'open' || !documents) return null
			const votes = readOwnVotes(documents.support, round.id, editor.user.getId())
			return { votes, left: dotsLeft(round.dotsPerPerson, votes) }
		},
		[editor],
	)
}

/**
 * Dots per note once the facilitator has revealed the round, most first; null before that.
 * Only the given notes count: dots on deleted (or, to me, hidden) notes are no result.
 */
export function useVoteResults(noteIds: readonly string[]): VoteResult[] | null {
	const key = noteIds.join('\n')
	return useValue(
		'vote results',
		() => {
			$supportVersion.get()
			const round = $facilitation.get()?.voting
			const documents = $documents.get()
			if (!round || round.phase !== 'revealed' || !documents) return null
			return voteResults(readVotes(documents.support, round.id), key ? key.split('\n') : [], round.dotsPerPerson)
		},
		[key],
	)
}
