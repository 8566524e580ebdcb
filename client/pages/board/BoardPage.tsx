import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { useEffect, useMemo, useState } from 'react'
import { Tldraw, useValue, type Editor, type TLComponents } from 'tldraw'
import type { ClientConfig } from '../../../shared/clientConfig'
import { registerBoardRules } from '../../canvas/boardRules'
import { keepCursorColourDistinct } from '../../canvas/cursorColour'
import { markCameraMoving } from '../../canvas/movingCamera'
import { ensureModelTemplate } from '../../canvas/modelTemplate'
import { useOverviewZoom } from '../../canvas/overviewZoom'
import { BOARD_SHAPE_UTILS, boardShapeUtilsFor } from '../../canvas/shapes/boardShapeUtils'
import { showWholeModel } from '../../canvas/showWholeModel'
import { fetchClientConfig } from '../../clientConfig'
import { EditingTags } from '../../features/collaboration/EditingTags'
import { keepOverwrittenTexts } from '../../features/collaboration/overwrittenText'
import { OverwrittenTextNotice } from '../../features/collaboration/OverwrittenTextNotice'
import { FacilitationLayer } from '../../features/facilitation/FacilitationLayer'
import { FACILITATOR_TOOLS_BOX } from '../../features/facilitation/facilitatorToolsBox'
import { SessionTimer } from '../../features/facilitation/SessionTimer'
import { SpotlightMask } from '../../features/facilitation/SpotlightMask'
import { BoardSettingsDialog } from '../../features/panels/BoardSettingsDialog'
import { BoardShortcutsDialog } from '../../features/panels/BoardShortcutsDialog'
import { ConnectionStatus } from '../../features/panels/ConnectionStatus'
import { ContextualStylePanel } from '../../features/panels/ContextualStylePanel'
import { DeletionConfirmDialog } from '../../features/panels/DeletionConfirmDialog'
import { FirstVisitHint } from '../../features/panels/FirstVisitHint'
import { JoinDialog } from '../../features/panels/JoinDialog'
import { NoticeToast } from '../../features/panels/NoticeToast'
import { ParticipantsList } from '../../features/panels/ParticipantsList'
import { ShapeLimitNotice } from '../../features/panels/ShapeLimitNotice'
import { SidePanel } from '../../features/panels/SidePanel'
import { PresentationLayer } from '../../features/presentation/PresentationLayer'
import { NoteBadge } from '../../features/support/NoteBadge'
import { SupportLayer } from '../../features/support/SupportLayer'
import { useTranslation } from '../../i18n/locale'
import { errorText } from '../../i18n/TranslatableError'
import type { BoardLink } from '../../session/boardLink'
import type { BoardSession } from '../../session/BoardSession'
import { BoardSessionProvider } from '../../session/BoardSessionContext'
import { exposeForDebugging } from '../../session/debugHandle'
import { useOpenBoard } from '../../session/useOpenBoard'
import { BoardSchemaError } from '../../sync/bindStoreToDoc'
import { rememberBoard } from '../../session/recentBoards'
import { boardOverrides } from './boardOverrides'

// Fonts, icons and translations are bundled by Vite and served from our own origin.
const assetUrls = getAssetUrlsByImport()

export function BoardPage({ link }: { link: BoardLink }) {
	const { t } = useTranslation()
	const config = useClientConfig()
	const opening = useOpenBoard(link, BOARD_SHAPE_UTILS)
	if (opening.state === 'error') {
		const detail = opening.error instanceof BoardSchemaError ? t('board.newerVersion') : errorText(t, opening.error)
		return <BoardMessage title={t('board.cannotOpen')} detail={detail} />
	}
	if (opening.state === 'loading' || !config) return <BoardMessage title={t('board.opening')} />
	return (
		<BoardSessionProvider session={opening.session}>
			<OpenBoard link={link} session={opening.session} config={config} />
		</BoardSessionProvider>
	)
}

function OpenBoard({ link, session, config }: { link: BoardLink; session: BoardSession; config: ClientConfig }) {
	const { locale, t } = useTranslation()
	const [editor, setEditor] = useState<Editor | null>(null)
	const [editingIdentity, setEditingIdentity] = useState(false)
	const [settingsOpen, setSettingsOpen] = useState(false)
	const me = useValue(session.me)
	const role = useValue(session.role)
	const canEdit = useValue(session.canEditBoard)
	const title = useValue(session.settings).title
	const overview = useOverviewZoom(editor)
	const presenting = useValue(session.inPresentation)

	useEffect(() => {
		if (!editor) return
		// The facilitator's tools open over the canvas's left part; the model starts clear of them.
		showWholeModel(editor, role === 'facilitator' ? FACILITATOR_TOOLS_BOX.left + FACILITATOR_TOOLS_BOX.width : 0)
	}, [editor, role])
	// tldraw's own UI speaks the board's language.
	useEffect(() => editor?.user.updateUserPreferences({ locale }), [editor, locale])
	useEffect(() => (editor ? keepCursorColourDistinct(editor) : undefined), [editor])
	useEffect(() => (editor ? keepOverwrittenTexts(editor, session.overwrittenTexts) : undefined), [editor, session])
	// Viewers, and participants while the board is locked, look but do not touch.
	useEffect(() => {
		editor?.updateInstanceState({ isReadonly: !canEdit })
	}, [editor, canEdit])
	useEffect(() => {
		document.title = `${title || t('landing.untitled')} · Strategy Board`
		if (link.via === 'board') rememberBoard(link.boardId, title)
	}, [link, title, t])

	const status = session.status
	const components = useMemo<TLComponents>(
		() => ({
			SharePanel: () => <BoardPanel status={status} />,
			TopPanel: BoardTopPanel,
			StylePanel: ContextualStylePanel,
			OnTheCanvas: CanvasLayers,
			KeyboardShortcutsDialog: BoardShortcutsDialog,
		}),
		[status],
	)
	const shapeUtils = useMemo(() => boardShapeUtilsFor(session, NoteBadge), [session])
	const overrides = useMemo(() => boardOverrides(session), [session])

	return (
		<div className="board" data-role={role} data-overview={overview} data-presenting={presenting}>
			{editor && <SidePanel editor={editor} onChangeIdentity={() => setEditingIdentity(true)} onOpenSettings={() => setSettingsOpen(true)} />}
			<div className="board__canvas">
				<Tldraw
					store={session.store}
					shapeUtils={shapeUtils}
					overrides={overrides}
					licenseKey={config.tldrawLicenseKey ?? undefined}
					assetUrls={assetUrls}
					components={components}
					onMount={(mounted) => {
						setEditor(mounted)
						exposeForDebugging({ editor: mounted })
						return prepareEditor(mounted, session)
					}}
				/>
			</div>
			{role !== 'viewer' && (me === null || editingIdentity) && <JoinDialog onClose={() => setEditingIdentity(false)} dismissible={me !== null} />}
			{settingsOpen && <BoardSettingsDialog onClose={() => setSettingsOpen(false)} />}
			<DeletionConfirmDialog />
			{role !== 'viewer' && me !== null && !editingIdentity && <FirstVisitHint />}
			{editor && <FacilitationLayer editor={editor} />}
			{editor && <SupportLayer editor={editor} />}
			{editor && <PresentationLayer editor={editor} />}
			{editor && <OverwrittenTextNotice editor={editor} />}
			<NoticeToast />
		</div>
	)
}

/** House rules, the camera's motion for the stylesheet, and the model drawn on the board by whoever may write it. */
function prepareEditor(editor: Editor, session: BoardSession): () => void {
	const stopRules = registerBoardRules(editor, session)
	const stopMarking = markCameraMoving(editor)
	if (session.canEditBoard.get()) ensureModelTemplate(editor)
	return () => {
		stopRules()
		stopMarking()
	}
}

function BoardTopPanel() {
	return (
		<div className="board-top-panel">
			<SessionTimer />
			<ShapeLimitNotice />
		</div>
	)
}

function BoardPanel({ status }: Pick<BoardSession, 'status'>) {
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

/** What the board draws in page space over tldraw's shapes: who is editing which note, and the spotlight's veil above them. */
function CanvasLayers() {
	return (
		<>
			<EditingTags />
			<SpotlightMask />
		</>
	)
}
