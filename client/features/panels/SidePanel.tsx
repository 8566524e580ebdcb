import { useValue, type Editor } from 'tldraw'
import { useTranslation } from '../../i18n/locale'
import { DepartmentLegend } from './DepartmentLegend'
import { LanguageSwitch } from '../../ui/LanguageSwitch'
import { StagePanel } from './StagePanel'
import { useBoardSession } from '../../session/BoardSessionContext'

type Props = { editor: Editor; onChangeIdentity: () => void; onOpenSettings: () => void }

/** The board's left column: title, who I am, language, the stages with their notes, the legend. */
export function SidePanel({ editor, onChangeIdentity, onOpenSettings }: Props) {
	const session = useBoardSession()
	const { t } = useTranslation()
	const title = useValue(session.settings).title
	const participant = useValue(session.me)
	return (
		<aside className="side-panel" aria-label={t('panel.title')}>
			<header className="side-panel__header">
				<h1 className="side-panel__title" data-testid="board-title">
					{title || t('landing.untitled')}
				</h1>
				<div className="side-panel__tools">
					<LanguageSwitch />
					<button onClick={onOpenSettings} data-testid="open-settings">
						{t('settings.open')}
					</button>
				</div>
				{participant && (
					<button className="side-panel__me" onClick={onChangeIdentity} title={t('join.change')} data-testid="change-identity">
						{participant.name} · {participant.department}
					</button>
				)}
			</header>
			<StagePanel editor={editor} />
			<DepartmentLegend editor={editor} />
		</aside>
	)
}
