import { useValue } from 'tldraw'
import type { StageStatus } from '../../../shared/facilitationDoc'
import type { WorkZoneId } from '../../../shared/model/support'
import { useTranslation } from '../../i18n/locale'
import { STAGE_STATUS_KEYS } from './stageStatusText'
import { useBoardSession } from '../../session/BoardSessionContext'

/** The zone's status as the facilitator set it. */
export function useZoneStatus(zone: WorkZoneId): StageStatus {
	const session = useBoardSession()
	return useValue('zone status', () => session.stageStatuses.get()[zone] ?? 'open', [session, zone])
}

/** The zone's status as the facilitator set it, on the zone itself for everyone. */
export function ZoneStatusBadge({ zone }: { zone: WorkZoneId }) {
	const { t } = useTranslation()
	const status = useZoneStatus(zone)
	return (
		<span className={`zone-status zone-status--${status}`} data-testid="zone-status" data-status={status}>
			{t(STAGE_STATUS_KEYS[status])}
		</span>
	)
}
