import { MAX_DEPARTMENT_NAME_LENGTH, type DepartmentNameCheck } from '../../../shared/model/departments'
import type { Translate } from '../../i18n/translate'

type DepartmentProblem = Extract<DepartmentNameCheck, { ok: false }>['problem']

/** What the join and settings dialogs say about a department name the rules refuse. */
export function departmentProblemText(problem: DepartmentProblem, t: Translate): string {
	return problem === 'empty' ? t('join.departmentEmpty') : t('join.departmentTooLong', { max: MAX_DEPARTMENT_NAME_LENGTH })
}
