import type { StageStatus } from '../../../shared/facilitationDoc'
import type { MessageKey } from '../../i18n/en'

/** How a stage status reads, on the zone's badge and in the facilitator's list alike. */
export const STAGE_STATUS_KEYS: Record<StageStatus, MessageKey> = {
	open: 'facilitation.status.open',
	discussion: 'facilitation.status.discussion',
	agreed: 'facilitation.status.agreed',
}
