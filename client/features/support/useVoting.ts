import { useValue, type Editor } from 'tldraw'
import type { ClosedVotingRound, VotingRound } from '../../../shared/facilitationDoc'
import { dotsLeft, roundResults, type RoundRules, type VotableNote, type VoteResult, type Votes } from '../../../shared/model/voting'
import type { ZoneId } from '../../../shared/model/zones'
import { readOwnVotes, readVotes } from '../../../shared/supportDoc'
import { $documents, $facilitation, $supportVersion } from '../../session/sessionState'

/** `zone`: the zone the round is limited to; dots go only on its notes. */
type OwnVotes = { votes: Votes; left: number; zone: ZoneId | null }

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
			return { votes, left: dotsLeft(round.dotsPerPerson, votes), zone: round.zone }
		},
		[editor],
	)
}

/** The running round once the facilitator has revealed its results; null before that. */
export function useRevealedRound(): VotingRound | null {
	return useValue(
		'revealed round',
		() => {
			const round = $facilitation.get()?.voting
			return round?.phase === 'revealed' ? round : null
		},
		[],
	)
}

/**
 * The round closed last, while no other round runs: its totals would otherwise sit beside a
 * running vote and sway it.
 */
export function useLastVote(): ClosedVotingRound | null {
	return useValue(
		'last vote',
		() => {
			const facilitation = $facilitation.get()
			return facilitation && !facilitation.voting ? facilitation.lastVoting : null
		},
		[],
	)
}

/**
 * Dots per note in the round, most first, live; null without a round. Only the given notes count
 * (dots on deleted or, to me, hidden notes are no result), and of those only the round's zone.
 */
export function useRoundResults(round: ({ id: string } & RoundRules) | null, notes: readonly VotableNote[]): VoteResult[] | null {
	return useValue(
		'vote results',
		() => {
			$supportVersion.get()
			const documents = $documents.get()
			if (!round || !documents) return null
			return roundResults(readVotes(documents.support, round.id), notes, round)
		},
		[round, notes],
	)
}
