import { useState } from 'react'
import { newBoardId } from '../../shared/boardId'
import { boardPath } from '../routes'
import { forgetBoard, readRecentBoards } from './recentBoards'

export function LandingPage() {
	const [recent, setRecent] = useState(readRecentBoards)

	return (
		<main className="landing">
			<h1>Strategy Board</h1>
			<p className="landing__lead">
				A live workshop board for the SocialStrategyModel: every department on one canvas, building support for the
				plan together.
			</p>
			<button className="landing__create" data-testid="create-board" onClick={() => location.assign(boardPath(newBoardId()))}>
				Create a new board
			</button>
			<section className="landing__recent" aria-label="Recently opened boards">
				<h2>Recently opened</h2>
				{recent.length === 0 ? (
					<p className="landing__empty">Boards you open appear here (kept in this browser only).</p>
				) : (
					<ul>
						{recent.map((board) => (
							<li key={board.id}>
								<a href={boardPath(board.id)}>{board.title || 'Untitled board'}</a>
								<time dateTime={new Date(board.openedAt).toISOString()}>
									{new Date(board.openedAt).toLocaleString()}
								</time>
								<button
									className="landing__forget"
									aria-label={`Remove ${board.title || 'Untitled board'} from this list`}
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
