import { useMemo } from 'react'
import type { Editor } from 'tldraw'
import { useBoardNotes } from '../board/useBoardNotes'
import { useTranslation } from '../i18n/locale'
import { countText } from './countText'
import { useVoteResults } from './useVoting'

/** The notes ranked by dots, once the facilitator has revealed the voting round. */
export function VoteResults({ editor }: { editor: Editor }) {
	const { t } = useTranslation()
	const notes = useBoardNotes(editor)
	const results = useVoteResults(useMemo(() => notes.map((note) => note.id), [notes]))
	if (!results) return null
	const textOf = new Map(notes.map((note) => [note.id, note.text]))
	return (
		<section className="support-results" data-testid="vote-results" aria-label={t('support.results')}>
			<h3>{t('support.results')}</h3>
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
		</section>
	)
}
