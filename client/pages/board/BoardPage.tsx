import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { useEffect, useMemo, useState } from 'react'
import { Tldraw, useValue, type Editor, type TLComponents } from 'tldraw'
import type { ClientConfig } from '../../../shared/clientConfig'
import { ensureDepartmentList } from '../../../shared/boardSettings'
import { fetchClientConfig } from '../../clientConfig'
import { useTranslation } from '../../i18n/locale'
import { errorText } from '../../i18n/TranslatableError'
import { rememberBoard } from '../landing/recentBoards'
import { keepCursorColourDistinct } from '../../canvas/cursorColour'
import { $participant } from '../../session/participant'
import { BOARD_SHAPE_UTILS } from '../../canvas/shapes/boardShapeUtils'
import { BoardSchemaError } from '../../sync/bindStoreToDoc'
import { useBoardSync, type ReadyBoardSync } from '../../session/useOpenBoard'
import { fetchRole, type BoardLink } from '../../session/boardLink'
import { $canEditBoard, $facilitationDoc, $role } from '../../session/sessionState'
import type { Role } from '../../../shared/roles'
import { NoticeToast } from '../../features/panels/NoticeToast'
import { EditingTags } from '../../features/collaboration/EditingTags'
import { keepOverwrittenTexts } from '../../features/collaboration/overwrittenText'
import { OverwrittenTextNotice } from '../../features/collaboration/OverwrittenTextNotice'
import { FacilitationLayer } from '../../features/facilitation/FacilitationLayer'
import { FACILITATOR_TOOLS_BOX } from '../../features/facilitation/facilitatorToolsBox'
import { SessionTimer } from '../../features/facilitation/SessionTimer'
import { PresentationLayer } from '../../features/presentation/PresentationLayer'
import { $inPresentation } from '../../features/presentation/presentationState'
import { shapeVisibility } from '../../canvas/privateMode'
import { SpotlightMask } from '../../features/facilitation/SpotlightMask'
import { SupportCanvasLayer } from '../../features/support/SupportCanvasLayer'
import { SupportLayer } from '../../features/support/SupportLayer'
import { boardOverrides } from './boardOverrides'
import { registerBoardRules } from '../../canvas/boardRules'
import { $boardSettings, followBoardSettings } from '../../session/boardSettingsState'
import { BoardSettingsDialog } from '../../features/panels/BoardSettingsDialog'
import { BoardShortcutsDialog } from '../../features/panels/BoardShortcutsDialog'
import { ConnectionStatus } from '../../features/panels/ConnectionStatus'
import { ContextualStylePanel } from '../../features/panels/ContextualStylePanel'
import { DeletionConfirmDialog } from '../../features/panels/DeletionConfirmDialog'
import { FirstVisitHint } from '../../features/panels/FirstVisitHint'
import { JoinDialog } from '../../features/panels/JoinDialog'
import { useOverviewZoom } from '../../canvas/overviewZoom'
import { ensureModelTemplate } from '../../canvas/modelTemplate'
import { ParticipantsList } from '../../features/panels/ParticipantsList'
import { ShapeLimitNotice } from '../../features/panels/ShapeLimitNotice'
import { showWholeModel } from '../../canvas/showWholeModel'
import { SidePanel } from '../../features/panels/SidePanel'

// Fonts, icons and translations are bundled by Vite and served from our own origin.
const assetUrls = getAssetUrlsByImport()

export function BoardPage({ link }: { link: BoardLink }) {
	const { t } = useTranslation()
	const config = useClientConfig()
	const role = useRole(link)
	const sync = useBoardSync(link)
	if (role instanceof Error) return <BoardMessage title={t('board.cannotOpen')} detail={errorText(t, role)} />
	if (sync.state === 'error') {
		const detail = sync.error instanceof BoardSchemaError ? t('board.newerVersion') : errorText(t, sync.error)
		return <BoardMessage title={t('board.cannotOpen')} detail={detail} />
	}
	if (sync.state === 'loading' || !config || !role) return <BoardMessage title={t('board.opening')} />
	return <OpenBoard link={link} sync={sync} config={config} />
}

function OpenBoard({ link, sync, config }: { link: BoardLink; sync: ReadyBoardSync; config: ClientConfig }) {
	const { locale, t } = useTranslation()
	const [editor, setEditor] = useState<Editor | null>(null)
	const [editingIdentity, setEditingIdentity] = useState(false)
	const [settingsOpen, setSettingsOpen] = useState(false)
	const participant = useValue($participant)
	const role = useValue($role)
	const canEdit = useValue($canEditBoard)
	const title = useValue($boardSettings).title
	const overview = useOverviewZoom(editor)
	const presenting = useValue($inPresentation)
	const facilitationDoc = useValue($facilitationDoc)
	const { doc, status } = sync

	useEffect(() => {
		if (role !== 'viewer') ensureDepartmentList(doc)
		return followBoardSettings(doc)
	}, [doc, role])
	useEffect(() => {
		if (!editor) return
		// The facilitator's tools open over the canvas's left part; the model starts clear of them.
		showWholeModel(editor, role === 'facilitator' ? FACILITATOR_TOOLS_BOX.left + FACILITATOR_TOOLS_BOX.width : 0)
	}, [editor, role])
	// tldraw's own UI speaks the board's language.
	useEffect(() => editor?.user.updateUserPreferences({ locale }), [editor, locale])
	useEffect(() => (editor ? keepCursorColourDistinct(editor) : undefined), [editor])
	useEffect(() => (editor ? keepOverwrittenTexts(editor) : undefined), [editor])
	// Viewers, and participants while the board is locked, look but do not touch.
	useEffect(() => {
		editor?.updateInstanceState({ isReadonly: !canEdit })
	}, [editor, canEdit])
	useEffect(() => {
		document.title = `${title || t('landing.untitled')} · Strategy Board`
		if (link.via === 'board') rememberBoard(link.boardId, title)
	}, [link, title, t])

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

	return (
		<div className="board" data-role={role} data-overview={overview} data-presenting={presenting}>
			{editor && <SidePanel editor={editor} onChangeIdentity={() => setEditingIdentity(true)} onOpenSettings={() => setSettingsOpen(true)} />}
			<div className="board__canvas">
				<Tldraw
					store={sync.store}
					shapeUtils={BOARD_SHAPE_UTILS}
					overrides={boardOverrides}
					licenseKey={config.tldrawLicenseKey ?? undefined}
					assetUrls={assetUrls}
					components={components}
					getShapeVisibility={shapeVisibility}
					onMount={(mounted) => {
						setEditor(mounted)
						return prepareEditor(mounted)
					}}
				/>
			</div>
			{role !== 'viewer' && (participant === null || editingIdentity) && (
				<JoinDialog doc={doc} onClose={() => setEditingIdentity(false)} dismissible={participant !== null} />
			)}
			{settingsOpen && <BoardSettingsDialog doc={doc} onClose={() => setSettingsOpen(false)} />}
			<DeletionConfirmDialog />
			{role !== 'viewer' && participant !== null && !editingIdentity && <FirstVisitHint />}
			{editor && <FacilitationLayer editor={editor} />}
			{editor && <SupportLayer editor={editor} />}
			{editor && <PresentationLayer editor={editor} doc={facilitationDoc} />}
			{editor && <OverwrittenTextNotice editor={editor} />}
			<NoticeToast />
		</div>
	)
}

/** The role this link gives, from the server; an Error when the link is not valid. */
function useRole(link: BoardLink): Role | Error | null {
	const [role, setRole] = useState<Role | Error | null>(null)
	const linkKey = JSON.stringify(link)
	useEffect(() => {
		let current = true
		fetchRole(link).then(
			(resolved) => {
				if (!current) return
				$role.set(resolved)
				setRole(resolved)
			},
			(error: Error) => current && setRole(error),
		)
		return () => {
			current = false
		}
		// The link is compared by value: a new object for the same link must not ask again.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [linkKey])
	return role
}

/** House rules, and the model drawn on the board by whoever may write it. */
function prepareEditor(editor: Editor): () => void {
	const stopRules = registerBoardRules(editor)
	if ($canEditBoard.get()) ensureModelTemplate(editor)
	return stopRules
}

function BoardTopPanel() {
	return (
		<div className="board-top-panel">
			<SessionTimer />
			<ShapeLimitNotice />
		</div>
	)
}

function BoardPanel({ status }: Pick<ReadyBoardSync, 'status'>) {
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

/** What the board draws in page space over tldraw's shapes: the notes' badges and who is editing them, and the spotlight's veil above them. */
function CanvasLayers() {
	return (
		<>
			<SupportCanvasLayer />
			<EditingTags />
			<SpotlightMask />
		</>
	)
}
