import { describe, expect, it } from 'vitest'
import { en } from '../../client/i18n/en'
import { nl } from '../../client/i18n/nl'
import { refusalMessage } from '../../client/session/refusalMessage'
import { disconnectMessage } from '../../client/sync/disconnectMessage'
import { CLOSE_CODES } from '../../shared/closeCodes'
import { REFUSAL_CODES, refusalCodeOf, refusalReason } from '../../shared/wire/refusals'

describe('what the person is told when the relay closes the connection', () => {
	it('each close code of the relay has a message of its own, in English and Dutch', () => {
		const keys = Object.values(CLOSE_CODES).map(disconnectMessage)
		expect(new Set(keys).size).toBe(keys.length)
		for (const key of keys) {
			expect(key).not.toBe('disconnect.unknown')
			expect(en[key]).not.toBe(nl[key])
		}
	})

	it('a code the relay does not use gets the message that names the code', () => {
		expect(disconnectMessage(4999)).toBe('disconnect.unknown')
		expect(en['disconnect.unknown']).toContain('{code}')
	})
})

describe('what the person is told when the relay refuses a change', () => {
	const participant = { role: 'participant', locked: false } as const

	it('each refusal code has a message of its own meaning, in English and Dutch', () => {
		for (const code of REFUSAL_CODES) {
			const key = refusalMessage(refusalCodeOf(refusalReason(code, 'the English detail')), participant)
			expect(en[key]).not.toBe(nl[key])
		}
		expect(refusalMessage('view-only', participant)).toBe('notice.viewOnly')
		expect(refusalMessage('locked', participant)).toBe('notice.locked')
		expect(refusalMessage('facilitator-only', participant)).toBe('notice.facilitatorOnly')
		expect(refusalMessage('presence-too-large', participant)).toBe('notice.presenceTooLarge')
	})

	it('without a code (an older server), the page says what it knows of itself', () => {
		expect(refusalMessage(null, { role: 'viewer', locked: false })).toBe('notice.viewOnly')
		expect(refusalMessage(null, { role: 'participant', locked: true })).toBe('notice.locked')
		expect(refusalMessage(null, { role: 'facilitator', locked: true })).toBe('notice.refused')
		expect(refusalMessage(null, participant)).toBe('notice.refused')
	})
})
