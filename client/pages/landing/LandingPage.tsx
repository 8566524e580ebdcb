import { useState } from 'react'
import { BOARDS_PATH, createdBoardBody, readBody } from '../../../shared/wire/http'
import { LanguageSwitch } from '../../ui/LanguageSwitch'
import { useTranslation } from '../../i18n/locale'
import { errorText } from '../../i18n/TranslatableError'
import { boardPath } from '../../routes'
import { rememberFacilitatorKey } from '../../session/boardLink'
import { forgetBoard, readRecentBoards } from '../../session/recentBoards'

export function LandingPage() {
	const { t } = useTranslation()
	const [recent, setRecent] = useState(readRecentBoards)
	const [creating, setCreating] = useState(false)
	const [problem, setProblem] = useState<string | null>(null)

	// The creator becomes the facilitator: the server hands out the key once, this browser keeps it.
	const create = async () => {
		setCreating(true)
		try {
			const response = await fetch(BOARDS_PATH, { method: 'POST' })
			if (!response.ok) throw new Error(`HTTP ${response.status}`)
			const { boardId, facilitatorKey } = await readBody(response, BOARDS_PATH, createdBoardBody)
			rememberFacilitatorKey(boardId, facilitatorKey)
			location.assign(boardPath(boardId))
		} catch (error) {
			setProblem(t('landing.createFailed', { reason: errorText(t, error as Error) }))
			setCreating(false)
		}
	}

	return (
		<main className="landing">
			<LanguageSwitch />
			<h1>{t('landing.title')}</h1>
			<p className="landing__lead">{t('landing.lead')}</p>
			<button className="landing__create" data-testid="create-board" disabled={creating} onClick={create}>
				{t('landing.create')}
			</button>
			{problem && (
				<p className="dialog__problem" role="alert">
					{problem}
				</p>
			)}
			<section className="landing__recent" aria-label={t('landing.recent')}>
				<h2>{t('landing.recent')}</h2>
				{recent.length === 0 ? (
					<p className="landing__empty">{t('landing.recentEmpty')}</p>
				) : (
					<ul>
						{recent.map((board) => (
							<li key={board.id}>
								<a href={boardPath(board.id)}>{board.title || t('landing.untitled')}</a>
								<time dateTime={new Date(board.openedAt).toISOString()}>{new Date(board.openedAt).toLocaleString()}</time>
								<button
									className="landing__forget"
									aria-label={t('landing.forget', { title: board.title || t('landing.untitled') })}
									onClick={() => {
										forgetBoard(board.id)
										setRecent(readRecentBoards())
									}}
								>
									×
								</button>
							</li>
						))}
					</ul>
				)}
			</section>
		</main>
	)
}
