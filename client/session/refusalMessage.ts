import type { Role } from '../../shared/roles'
import type { RefusalCode } from '../../shared/wire/refusals'
import type { MessageKey } from '../i18n/en'

const BY_CODE: Record<RefusalCode, MessageKey> = {
	'not-ready': 'notice.refused',
	'view-only': 'notice.viewOnly',
	'facilitator-only': 'notice.facilitatorOnly',
	locked: 'notice.locked',
	'lock-unknown': 'notice.locked',
	'presence-too-large': 'notice.presenceTooLarge',
	'presence-not-yours': 'notice.presenceNotYours',
	'model-facilitator-only': 'notice.modelFacilitatorOnly',
	'not-your-entry': 'notice.notYourEntry',
	'voting-closed': 'notice.votingClosed',
	'over-dot-budget': 'notice.overDotBudget',
	authorship: 'notice.authorship',
	'off-origin': 'notice.offOrigin',
	malformed: 'notice.malformed',
}

/**
 * What to tell the person about a change the server dropped: by the refusal's code, or, from a
 * server that sends none, by what this page knows of itself (a view link, a locked board).
 */
export function refusalMessage(code: RefusalCode | null, here: { role: Role; locked: boolean }): MessageKey {
	if (code !== null) return BY_CODE[code]
	if (here.role === 'viewer') return 'notice.viewOnly'
	if (here.role === 'participant' && here.locked) return 'notice.locked'
	return 'notice.refused'
}
