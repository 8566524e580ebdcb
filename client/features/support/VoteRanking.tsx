import type { VoteResult } from '../../../shared/model/voting'
import type { ZoneId } from '../../../shared/model/zones'
import type { NoteOnBoard } from '../../../shared/model/zoneSummary'
import { useTranslation } from '../../i18n/locale'
import { countText } from '../../i18n/countText'
import { useZoneLabel } from '../../canvas/shapes/useZoneLabel'

type Props = { results: VoteResult[]; notes: readonly NoteOnBoard[]; zone: ZoneId | null }

/** A round's notes ranked by dots, under the notes it counted: all of them, or one zone's. */
export function VoteRanking({ results, notes, zone }: Props) {
	const { t } = useTranslation()
	const zoneName = useZoneLabel(zone)
	const textOf = new Map(notes.map((note) => [note.id, note.text]))
	return (
		<>
			<p className="support-results__scope" data-testid="vote-scope" data-zone={zone ?? 'all'}>
				{zoneName === null ? t('support.voteScopeAll') : t('support.voteScopeZone', { zone: zoneName })}
			</p>
			{results.length === 0 ? (
				<p>{t('support.noVotes')}</p>
			) : (
				<ol>
					{results.map(({ noteId, dots }) => (
						<li key={noteId} data-testid="vote-result" data-note-id={noteId} data-dots={dots}>
							<span className="support-results__text">{textOf.get(noteId) || '…'}</span>
							<span className="support-results__dots">{countText(t, 'support.voteTotal', dots)}</span>
						</li>
					))}
				</ol>
			)}
		</>
	)
}
