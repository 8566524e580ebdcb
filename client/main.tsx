import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import 'tldraw/tldraw.css'
import { BoardPage } from './board/BoardPage'
import { LandingPage } from './landing/LandingPage'
import { routeOf } from './routes'
import './styles.css'

function App() {
	const route = routeOf(location.pathname)
	switch (route.page) {
		case 'landing':
			return <LandingPage />
		case 'board':
			return <BoardPage boardId={route.boardId} />
		case 'not-found':
			return (
				<main className="landing">
					<h1>Board not found</h1>
					<p>This address is not a board link. Board links look like /b/ followed by the board's id.</p>
					<a href="/">Go to the start page</a>
				</main>
			)
	}
}

createRoot(document.getElementById('root')!).render(
	<StrictMode>
		<App />
	</StrictMode>,
)
