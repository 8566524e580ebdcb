import { useValue, type Editor } from 'tldraw'
import type { ClosedVotingRound, VotingRound } from '../../../shared/facilitationDoc'
import { roundResults, type RoundRules, type VotableNote, type VoteResult } from '../../../shared/model/voting'
import { useBoardSession } from '../../session/BoardSessionContext'
import { ownVotesOf, type OwnVotes } from './noteSupport'

/** My dots in the open voting round, live; null when no round is open. */
export function useOwnVotes(editor: Editor): OwnVotes | null {
	const session = useBoardSession()
	return useValue('own votes', () => ownVotesOf(editor, session), [editor, session])
}

/** The running round once the facilitator has revealed its results; null before that. */
export function useRevealedRound(): VotingRound | null {
	const session = useBoardSession()
	return useValue(
		'revealed round',
		() => {
			const round = session.voting.get()
			return round?.phase === 'revealed' ? round : null
		},
		[session],
	)
}

/**
 * The round closed last, while no other round runs: its totals would otherwise sit beside a
 * running vote and sway it.
 */
export function useLastVote(): ClosedVotingRound | null {
	const session = useBoardSession()
	return useValue('last vote', () => (session.voting.get() ? null : session.lastVoting.get()), [session])
}

/**
 * Dots per note in the round, most first, live; null without a round. Only the given notes count
 * (dots on deleted or, to me, hidden notes are no result), and of those only the round's zone.
 */
export function useRoundResults(round: ({ id: string } & RoundRules) | null, notes: readonly VotableNote[]): VoteResult[] | null {
	const session = useBoardSession()
	return useValue('vote results', () => (round ? roundResults(session.votesIn(round.id), notes, round) : null), [round, notes, session])
}
