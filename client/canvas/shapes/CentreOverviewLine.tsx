import { useMemo } from 'react'
import { computed, useEditor, useValue } from 'tldraw'
import { STAGE_NUMBERS } from '../../../shared/model/zones'
import { useTranslation } from '../../i18n/locale'
import { useBoardSession } from '../../session/BoardSessionContext'
import { readCentreOverview, sameOverview } from './centreOverview'

/** In the centre of the model, live for everyone: departments involved, stages agreed, islands. */
export function CentreOverviewLine() {
	const editor = useEditor()
	const { t } = useTranslation()
	const session = useBoardSession()
	// Compared by value, so moving a note re-renders the centre only when a number changes.
	const $overview = useMemo(() => computed('centre overview', () => readCentreOverview(editor, session), { isEqual: sameOverview }), [editor, session])
	const { departments, agreed, islands } = useValue($overview)
	return (
		<div className="facilitation-overview" data-testid="centre-overview" data-departments={departments} data-agreed={agreed} data-islands={islands}>
			<span>{t('facilitation.overviewDepartments', { count: departments })}</span>
			<span>{t('facilitation.overviewAgreed', { count: agreed, total: STAGE_NUMBERS.length })}</span>
			<span className={islands > 0 ? 'facilitation-overview__warning' : undefined}>{t('facilitation.overviewIslands', { count: islands })}</span>
		</div>
	)
}
