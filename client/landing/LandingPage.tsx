import { useState } from 'react'
import { newBoardId } from '../../shared/boardId'
import { LanguageSwitch } from '../board/LanguageSwitch'
import { useTranslation } from '../i18n/locale'
import { boardPath } from '../routes'
import { forgetBoard, readRecentBoards } from './recentBoards'

export function LandingPage() {
	const { t } = useTranslation()
	const [recent, setRecent] = useState(readRecentBoards)

	return (
		<main className="landing">
			<LanguageSwitch />
			<h1>{t('landing.title')}</h1>
			<p className="landing__lead">{t('landing.lead')}</p>
			<button className="landing__create" data-testid="create-board" onClick={() => location.assign(boardPath(newBoardId()))}>
				{t('landing.create')}
			</button>
			<section className="landing__recent" aria-label={t('landing.recent')}>
				<h2>{t('landing.recent')}</h2>
				{recent.length === 0 ? (
					<p className="landing__empty">{t('landing.recentEmpty')}</p>
				) : (
					<ul>
						{recent.map((board) => (
							<li key={board.id}>
								<a href={boardPath(board.id)}>{board.title || t('landing.untitled')}</a>
								<time dateTime={new Date(board.openedAt).toISOString()}>
									{new Date(board.openedAt).toLocaleString()}
								</time>
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
