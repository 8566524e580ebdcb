import { useValue, type Editor } from 'tldraw'
import type { ClosedVotingRound, VotingRound } from '../../../shared/facilitationDoc'
import { dotsLeft, roundResults, type RoundRules, type VotableNote, type VoteResult, type Votes } from '../../../shared/model/voting'
import type { ZoneId } from '../../../shared/model/zones'
import { useBoardSession } from '../../session/BoardSessionContext'

/** `zone`: the zone the round is limited to; dots go only on its notes. */
type OwnVotes = { votes: Votes; left: number; zone: ZoneId | null }

/** My dots in the open voting round, live; null when no round is open. */
export function useOwnVotes(editor: Editor): OwnVotes | null {
	const session = useBoardSession()
	return useValue(
		'own votes',
		() => {
			const round = session.voting.get()
			if (!round || round.phase !== 'open') return null
			const votes = session.ownVotesIn(round.id, editor.user.getId())
			return { votes, left: dotsLeft(round.dotsPerPerson, votes), zone: round.zone }
		},
		[editor, session],
	)
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
