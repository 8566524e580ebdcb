import { useState, type FormEvent } from 'react'
import { useValue } from 'tldraw'
import { MAX_TITLE_LENGTH, addDepartment, removeDepartment, setBoardTitle, setPromptOverride } from '../../../shared/boardSettings'
import { checkDepartmentName } from '../../../shared/model/departments'
import { ZONE_IDS } from '../../../shared/model/zones'
import { useTranslation } from '../../i18n/locale'
import { zoneTexts } from '../../canvas/shapes/zoneTexts'
import { Dialog } from '../../ui/Dialog'
import { departmentProblemText } from './departmentProblem'
import { useBoardSession } from '../../session/BoardSessionContext'

/**
 * Title, department list and guiding questions of this board; every change is live for everyone.
 * Who may not change the board (a view link, a locked board) sees them read-only.
 */
export function BoardSettingsDialog({ onClose }: { onClose: () => void }) {
	const session = useBoardSession()
	const doc = session.documents.board
	const { locale, t } = useTranslation()
	const settings = useValue(session.settings)
	const readOnly = !useValue(session.canEditBoard)
	const [newDepartment, setNewDepartment] = useState('')
	const [problem, setProblem] = useState<string | null>(null)

	const add = (event: FormEvent) => {
		event.preventDefault()
		const check = checkDepartmentName(newDepartment)
		if (!check.ok) return setProblem(departmentProblemText(check.problem, t))
		addDepartment(doc, check.name)
		setNewDepartment('')
		setProblem(null)
	}

	return (
		<Dialog title={t('settings.title')} onClose={onClose} wide testId="settings-dialog">
			{readOnly && (
				<p className="dialog__intro" data-testid="settings-read-only">
					{t('settings.readOnly')}
				</p>
			)}
			<label>
				{t('settings.boardTitle')}
				<input
					defaultValue={settings.title}
					readOnly={readOnly}
					maxLength={MAX_TITLE_LENGTH}
					onBlur={(event) => setBoardTitle(doc, event.target.value)}
					data-testid="settings-board-title"
				/>
			</label>
			<h3>{t('settings.departments')}</h3>
			<ul className="settings__departments">
				{settings.departments.map((department) => (
					<li key={department}>
						{department}
						{!readOnly && (
							<button
								type="button"
								aria-label={t('settings.removeDepartment', { name: department })}
								onClick={() => removeDepartment(doc, department)}
							>
								×
							</button>
						)}
					</li>
				))}
			</ul>
			{!readOnly && (
				<form className="settings__add" onSubmit={add} noValidate>
					<input value={newDepartment} onChange={(event) => setNewDepartment(event.target.value)} data-testid="settings-new-department" />
					<button type="submit">{t('settings.addDepartment')}</button>
				</form>
			)}
			{problem && (
				<p className="dialog__problem" role="alert">
					{problem}
				</p>
			)}
			<h3>{t('settings.prompts')}</h3>
			{!readOnly && <p className="dialog__intro">{t('settings.promptsHelp')}</p>}
			{ZONE_IDS.map((zone) => {
				const texts = zoneTexts(zone, locale, settings)
				return (
					<label key={`${zone}.${locale}`} className="settings__prompt">
						{texts.title}
						<textarea
							rows={2}
							readOnly={readOnly}
							defaultValue={texts.prompts.join('\n')}
							onBlur={(event) => setPromptOverride(doc, zone, locale, event.target.value.split('\n'))}
						/>
					</label>
				)
			})}
			<button type="button" className="dialog__primary" onClick={onClose}>
				{t('settings.close')}
			</button>
		</Dialog>
	)
}
