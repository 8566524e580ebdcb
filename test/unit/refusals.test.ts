import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { REFUSAL_CODES, refusalCodeOf, refusalReason } from '../../shared/wire/refusals'

describe('refusal codes on the wire', () => {
	it.each(REFUSAL_CODES)('%s reads back from the text the relay sends, whatever the detail says', (code) => {
		fc.assert(fc.property(fc.string(), (detail) => refusalCodeOf(refusalReason(code, detail)) === code))
	})

	it('the text starts with the code and keeps the English detail for the console', () => {
		expect(refusalReason('locked', 'the facilitator has locked the board: changes are not saved')).toBe(
			'locked: the facilitator has locked the board: changes are not saved',
		)
	})

	it.each([
		['the free text of an older server', 'the facilitator has locked the board: changes are not saved'],
		['a code this client does not know', 'board-on-fire: evacuate'],
		['a known code without its separator', 'locked'],
		['a known code not at the start', 'not locked: yes'],
		['a code in other letters', 'LOCKED: shouting'],
		['an empty reason', ''],
		['a prototype key', 'constructor: hostile'],
	])('%s reads as no code', (_what, reason) => {
		expect(refusalCodeOf(reason)).toBeNull()
	})
})
