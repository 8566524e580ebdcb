import { useState } from 'react'
import type { NoteOnBoard } from '../../../shared/model/zoneSummary'
import type { Locale } from '../../../shared/model/modelTexts'
import { useTranslation } from '../../i18n/locale'
import { useLastVote, useRoundResults } from './useVoting'
import { VoteRanking } from './VoteRanking'

/** The round closed last, for everyone to look up again; folded behind a button, so it only covers the board on request. */
export function LastVoteResults({ notes }: { notes: readonly NoteOnBoard[] }) {
	const { t, locale } = useTranslation()
	const [open, setOpen] = useState(false)
	const round = useLastVote()
	const results = useRoundResults(round, notes)
	if (!round || !results) return null
	return (
		<>
			<button type="button" className="support-layer__open" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="last-vote-toggle">
				{t('support.lastVote')}
			</button>
			{open && (
				<section className="support-results" data-testid="last-vote-results" data-round-id={round.id} aria-label={t('support.lastVote')}>
					<h3>{t('support.lastVote')}</h3>
					<p className="last-vote__closed">{t('support.lastVoteClosed', { when: closedWhen(round.closedAt, locale) })}</p>
					<VoteRanking results={results} notes={notes} zone={round.zone} />
				</section>
			)}
		</>
	)
}

/** With the date: a board is often opened again days after its workshop. */
function closedWhen(closedAt: number, locale: Locale): string {
	return new Date(closedAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })
}
