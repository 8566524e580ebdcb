import { useValue } from 'tldraw'
import type * as Y from 'yjs'
import { STAGE_STATUSES, agreedStageCount, setStageStatus, type StageStatus } from '../../../shared/facilitationDoc'
import { WORK_ZONE_IDS } from '../../../shared/model/support'
import { STAGE_NUMBERS } from '../../../shared/model/zones'
import { useTranslation } from '../../i18n/locale'
import { STAGE_STATUS_KEYS } from '../../canvas/shapes/stageStatusText'
import { zoneLabel } from '../../canvas/shapes/WorkZoneOptions'
import { useBoardSession } from '../../session/BoardSessionContext'

/** Per zone: open, in discussion or agreed; folded away until needed, with the agreed count in view. */
export function StageStatusList({ doc }: { doc: Y.Doc }) {
	const session = useBoardSession()
	const { locale, t } = useTranslation()
	const settings = useValue(session.settings)
	const statuses = useValue(session.stageStatuses)

	return (
		<details className="facilitation-tools__statuses">
			<summary data-testid="open-statuses">
				{t('facilitation.statuses', { agreed: agreedStageCount(statuses ?? {}), total: STAGE_NUMBERS.length })}
			</summary>
			<ul>
				{WORK_ZONE_IDS.map((zone) => {
					const label = zoneLabel(zone, locale, settings)
					return (
						<li key={zone}>
							<span className="facilitation-tools__zone">{label}</span>
							<select
								value={statuses?.[zone] ?? 'open'}
								onChange={(event) => setStageStatus(doc, zone, event.target.value as StageStatus)}
								aria-label={t('facilitation.statusOf', { zone: label })}
								data-testid={`status-${zone}`}
							>
								{STAGE_STATUSES.map((status) => (
									<option key={status} value={status}>
										{t(STAGE_STATUS_KEYS[status])}
									</option>
								))}
							</select>
						</li>
					)
				})}
			</ul>
		</details>
	)
}
