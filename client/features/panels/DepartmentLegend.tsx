import { useValue, type Editor } from 'tldraw'
import { departmentColour, normaliseDepartment } from '../../../shared/model/departments'
import { useTranslation } from '../../i18n/locale'
import { departmentSwatch } from '../../theme'
import { usePresentDepartments } from './usePresentDepartments'
import { useBoardSession } from '../../session/BoardSessionContext'

/** The board's departments with their note colour and how many of their people are here now. */
export function DepartmentLegend({ editor }: { editor: Editor }) {
	const session = useBoardSession()
	const { t } = useTranslation()
	const departments = useValue(session.settings).departments
	const present = usePresentDepartments(editor)
	return (
		<section className="legend" aria-label={t('legend.title')} data-testid="legend">
			<h3>{t('legend.title')}</h3>
			<ul>
				{departments.map((department) => {
					const swatch = departmentSwatch(departmentColour(departments, department))
					const count = present.get(normaliseDepartment(department)) ?? 0
					return (
						<li key={department} data-testid="legend-department" data-department={department} data-present={count}>
							<span className="swatch" style={{ background: swatch.fill }} aria-hidden />
							<span className="legend__name">{department}</span>
							{count > 0 && <span className="legend__present">{t('legend.present', { count })}</span>}
						</li>
					)
				})}
			</ul>
		</section>
	)
}
