import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { useEffect, useMemo, useState } from 'react'
import { Tldraw, getUserPreferences, setUserPreferences, type Atom, type TLComponents } from 'tldraw'
import type { ClientConfig } from '../../shared/clientConfig'
import { fetchClientConfig } from '../clientConfig'
import { rememberBoard } from '../landing/recentBoards'
import type { SyncStatus } from '../sync/syncStatus'
import { useBoardSync } from '../sync/useBoardSync'
import { ConnectionStatus } from './ConnectionStatus'
import { ParticipantsList } from './ParticipantsList'

// Fonts, icons and translations are bundled by Vite and served from our own origin.
const assetUrls = getAssetUrlsByImport()

export function BoardPage({ boardId }: { boardId: string }) {
	const config = useClientConfig()
	const sync = useBoardSync(boardId)
	useEffect(() => {
		ensureDisplayName()
		rememberBoard(boardId, '')
	}, [boardId])

	const status = sync.state === 'ready' ? sync.status : null
	const components = useMemo<TLComponents>(() => ({ SharePanel: () => status && <BoardPanel status={status} /> }), [status])

	if (sync.state === 'error') return <BoardMessage title="This board cannot be opened" detail={sync.error.message} />
	if (sync.state === 'loading' || !config) return <BoardMessage title="Opening the board…" />
	return (
		<div className="board">
			<Tldraw store={sync.store} licenseKey={config.tldrawLicenseKey ?? undefined} assetUrls={assetUrls} components={components} />
		</div>
	)
}

function BoardPanel({ status }: { status: Atom<SyncStatus> }) {
	return (
		<div className="board-panel">
			<ConnectionStatus status={status} />
			<ParticipantsList />
		</div>
	)
}

function BoardMessage({ title, detail }: { title: string; detail?: string }) {
	return (
		<main className="landing" role="status">
			<h1>{title}</h1>
			{detail && <p>{detail}</p>}
			<a href="/">Go to the start page</a>
		</main>
	)
}

function useClientConfig(): ClientConfig | null {
	const [config, setConfig] = useState<ClientConfig | null>(null)
	useEffect(() => {
		// Without the runtime config the board still works; only a licence key would be missing.
		fetchClientConfig().then(setConfig, () => setConfig({ tldrawLicenseKey: null }))
	}, [])
	return config
}

/** Cursors show names, so a first-time visitor gets a readable one they can change in the menu. */
function ensureDisplayName() {
	const preferences = getUserPreferences()
	if (preferences.name) return
	setUserPreferences({ ...preferences, name: `Guest ${Math.floor(100 + Math.random() * 900)}` })
}
