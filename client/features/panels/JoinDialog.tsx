import { useState, type FormEvent } from 'react'
import { useValue } from 'tldraw'
import { addDepartment } from '../../../shared/boardSettings'
import { checkDepartmentName, normaliseDepartment } from '../../../shared/model/departments'
import { useTranslation } from '../../i18n/locale'
import { MAX_NAME_LENGTH } from '../../session/participant'
import { Dialog } from '../../ui/Dialog'
import { departmentProblemText } from './departmentProblem'
import { useBoardSession } from '../../session/BoardSessionContext'

const NEW_DEPARTMENT = '__new__'

type Props = {
	/** After joining, and on Escape or the backdrop when `dismissible`. */
	onClose: () => void
	/** False before a first join: the board needs a name and department before anything else. */
	dismissible: boolean
}

/** Asks for a display name and a department: from the board's list, or a new one added to it. */
export function JoinDialog({ onClose, dismissible }: Props) {
	const session = useBoardSession()
	const { t } = useTranslation()
	const departments = useValue(session.settings).departments
	const current = session.me.get()
	const [name, setName] = useState(current?.name ?? '')
	const currentIsListed = current !== null && departments.includes(current.department)
	const [selected, setSelected] = useState(currentIsListed ? current.department : current ? NEW_DEPARTMENT : '')
	const [typed, setTyped] = useState(current && !currentIsListed ? current.department : '')
	const [problem, setProblem] = useState<string | null>(null)

	const submit = (event: FormEvent) => {
		event.preventDefault()
		const trimmedName = name.trim()
		if (!trimmedName) return setProblem(t('join.nameEmpty'))
		if (trimmedName.length > MAX_NAME_LENGTH) return setProblem(t('join.nameTooLong', { max: MAX_NAME_LENGTH }))
		const raw = selected === NEW_DEPARTMENT ? typed : selected
		const check = checkDepartmentName(raw)
		if (!check.ok) return setProblem(departmentProblemText(check.problem, t))
		const existing = departments.find((department) => normaliseDepartment(department) === normaliseDepartment(check.name))
		if (!existing) addDepartment(session.documents.board, check.name)
		session.join({ name: trimmedName, department: existing ?? check.name })
		onClose()
	}

	return (
		<Dialog title={t('join.title')} onClose={onClose} dismissible={dismissible} testId="join-dialog">
			<form className="dialog__form" onSubmit={submit} noValidate>
				<p className="dialog__intro">{t('join.intro')}</p>
				<label>
					{t('join.name')}
					<input autoFocus value={name} maxLength={MAX_NAME_LENGTH + 20} onChange={(event) => setName(event.target.value)} data-testid="join-name" />
				</label>
				<label>
					{t('join.department')}
					<select value={selected} onChange={(event) => setSelected(event.target.value)} data-testid="join-department">
						<option value="" disabled>
							—
						</option>
						{departments.map((department) => (
							<option key={department} value={department}>
								{department}
							</option>
						))}
						<option value={NEW_DEPARTMENT}>{t('join.newDepartment')}…</option>
					</select>
				</label>
				{selected === NEW_DEPARTMENT && (
					<label>
						{t('join.newDepartment')}
						<input
							value={typed}
							placeholder={t('join.newDepartmentPlaceholder')}
							onChange={(event) => setTyped(event.target.value)}
							data-testid="join-new-department"
						/>
					</label>
				)}
				{problem && (
					<p className="dialog__problem" role="alert" data-testid="join-problem">
						{problem}
					</p>
				)}
				<button type="submit" className="dialog__primary" data-testid="join-submit">
					{t('join.submit')}
				</button>
			</form>
		</Dialog>
	)
}
