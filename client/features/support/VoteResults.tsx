import type { Editor } from 'tldraw'
import { useBoardNotes } from '../../canvas/useBoardNotes'
import { useTranslation } from '../../i18n/locale'
import { LastVoteResults } from './LastVoteResults'
import { useRevealedRound, useRoundResults } from './useVoting'
import { VoteRanking } from './VoteRanking'

/** The notes ranked by dots once the facilitator has revealed the round; the last vote's, on request, when none runs. */
export function VoteResults({ editor }: { editor: Editor }) {
	const { t } = useTranslation()
	const notes = useBoardNotes(editor)
	const round = useRevealedRound()
	const results = useRoundResults(round, notes)
	if (!round || !results) return <LastVoteResults notes={notes} />
	return (
		<section className="support-results" data-testid="vote-results" aria-label={t('support.results')}>
			<h3>{t('support.results')}</h3>
			<VoteRanking results={results} notes={notes} zone={round.zone} />
		</section>
	)
}
