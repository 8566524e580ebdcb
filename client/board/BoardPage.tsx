import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { useEffect, useMemo, useState } from 'react'
import { Box, Tldraw, useValue, type Atom, type Editor, type TLComponents } from 'tldraw'
import type { ClientConfig } from '../../shared/clientConfig'
import { ensureDepartmentList } from '../../shared/boardSettings'
import { MODEL_LAYOUT } from '../../shared/model/geometry'
import { fetchClientConfig } from '../clientConfig'
import { useTranslation } from '../i18n/locale'
import { rememberBoard } from '../landing/recentBoards'
import { $participant } from '../participant/participant'
import { BOARD_SHAPE_UTILS } from '../shapes/boardShapeUtils'
import type { SyncStatus } from '../sync/syncStatus'
import { useBoardSync } from '../sync/useBoardSync'
import { boardOverrides } from './boardOverrides'
import { registerBoardRules } from './boardRules'
import { $boardSettings, followBoardSettings } from './boardSettingsState'
import { BoardSettingsDialog } from './BoardSettingsDialog'
import { ConnectionStatus } from './ConnectionStatus'
import { ContextualStylePanel } from './ContextualStylePanel'
import { JoinDialog } from './JoinDialog'
import { ensureModelTemplate } from './modelTemplate'
import { ParticipantsList } from './ParticipantsList'
import { ShapeLimitNotice } from './ShapeLimitNotice'
import { SidePanel } from './SidePanel'

// Fonts, icons and translations are bundled by Vite and served from our own origin.
const assetUrls = getAssetUrlsByImport()

export function BoardPage({ boardId }: { boardId: string }) {
	const { locale, t } = useTranslation()
	const config = useClientConfig()
	const sync = useBoardSync(boardId)
	const [editor, setEditor] = useState<Editor | null>(null)
	const [editingIdentity, setEditingIdentity] = useState(false)
	const [settingsOpen, setSettingsOpen] = useState(false)
	const participant = useValue($participant)
	const title = useValue($boardSettings).title
	const doc = sync.state === 'ready' ? sync.doc : null

	useEffect(() => {
		if (!doc) return
		ensureDepartmentList(doc)
		return followBoardSettings(doc)
	}, [doc])
	useEffect(() => {
		if (editor) showWholeModel(editor)
	}, [editor])
	// tldraw's own UI speaks the board's language.
	useEffect(() => editor?.user.updateUserPreferences({ locale }), [editor, locale])
	useEffect(() => {
		document.title = `${title || t('landing.untitled')} · Strategy Board`
		rememberBoard(boardId, title)
	}, [boardId, title, t])

	const status = sync.state === 'ready' ? sync.status : null
	const components = useMemo<TLComponents>(
		() => ({
			SharePanel: () => status && <BoardPanel status={status} />,
			TopPanel: ShapeLimitNotice,
			StylePanel: ContextualStylePanel,
		}),
		[status],
	)

	if (sync.state === 'error') return <BoardMessage title={t('board.cannotOpen')} detail={sync.error.message} />
	if (sync.state === 'loading' || !config) return <BoardMessage title={t('board.opening')} />
	return (
		<div className="board">
			{editor && (
				<SidePanel editor={editor} onChangeIdentity={() => setEditingIdentity(true)} onOpenSettings={() => setSettingsOpen(true)} />
			)}
			<div className="board__canvas">
				<Tldraw
					store={sync.store}
					shapeUtils={BOARD_SHAPE_UTILS}
					overrides={boardOverrides}
					licenseKey={config.tldrawLicenseKey ?? undefined}
					assetUrls={assetUrls}
					components={components}
					onMount={(mounted) => {
						setEditor(mounted)
						return prepareEditor(mounted)
					}}
				/>
			</div>
			{(participant === null || editingIdentity) && sync.doc && (
				<JoinDialog doc={sync.doc} onDone={() => setEditingIdentity(false)} />
			)}
			{settingsOpen && <BoardSettingsDialog doc={sync.doc} onClose={() => setSettingsOpen(false)} />}
		</div>
	)
}

/** House rules and the model on the board. */
function prepareEditor(editor: Editor): () => void {
	const stopRules = registerBoardRules(editor)
	ensureModelTemplate(editor)
	return stopRules
}

/** The whole model in view, once the side panel has taken its share of the window. */
function showWholeModel(editor: Editor) {
	editor.updateViewportScreenBounds(editor.getContainer())
	const { outerRadius, centre } = MODEL_LAYOUT
	const model = new Box(centre.x - outerRadius, centre.y - outerRadius, 2 * outerRadius, 2 * outerRadius)
	// The inset is split over both sides and must clear tldraw's toolbar at the bottom.
	editor.zoomToBounds(model, { inset: 150 })
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
	const { t } = useTranslation()
	return (
		<main className="landing" role="status">
			<h1>{title}</h1>
			{detail && <p>{detail}</p>}
			<a href="/">{t('board.toStart')}</a>
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
