import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import 'tldraw/tldraw.css'
import { BoardPage } from './pages/board/BoardPage'
import { useTranslation } from './i18n/locale'
import { LandingPage } from './pages/landing/LandingPage'
import { routeOf } from './routes'
import { adoptFacilitatorKeyFromLink, facilitatorKeyFor } from './session/boardLink'
import './styles.css'
import { applyThemeProperties } from './themeProperties'

function App() {
	const route = routeOf(location.pathname)
	switch (route.page) {
		case 'landing':
			return <LandingPage />
		case 'board':
			return <BoardPage link={{ via: 'board', boardId: route.boardId, key: facilitatorKeyFor(route.boardId) }} />
		case 'view':
			return <BoardPage link={{ via: 'view', viewId: route.viewId }} />
		case 'not-found':
			return <NotFoundPage />
	}
}

function NotFoundPage() {
	const { t } = useTranslation()
	return (
		<main className="landing">
			<h1>{t('notFound.title')}</h1>
			<p>{t('notFound.detail')}</p>
			<a href="/">{t('board.toStart')}</a>
		</main>
	)
}

applyThemeProperties()
const startRoute = routeOf(location.pathname)
if (startRoute.page === 'board') adoptFacilitatorKeyFromLink(startRoute.boardId)

createRoot(document.getElementById('root')!).render(
	<StrictMode>
		<App />
	</StrictMode>,
)
