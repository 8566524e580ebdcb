import { describe, expect, it } from 'vitest'
import { clampWhole } from '../../client/ui/clampWhole'

describe('clampWhole', () => {
	it('rounds a typed number to a whole one within the range', () => {
		expect(clampWhole('7', 1, 60)).toBe(7)
		expect(clampWhole('2.6', 1, 60)).toBe(3)
		expect(clampWhole(' 12 ', 1, 60)).toBe(12)
	})

	it('clamps numbers outside the range to its ends', () => {
		expect(clampWhole('0', 1, 60)).toBe(1)
		expect(clampWhole('-5', 1, 60)).toBe(1)
		expect(clampWhole('600', 1, 60)).toBe(60)
		expect(clampWhole('1e9', 1, 60)).toBe(60)
	})

	it('turns an empty field or text that is not a number into the minimum', () => {
		expect(clampWhole('', 3, 10)).toBe(3)
		expect(clampWhole('   ', 3, 10)).toBe(3)
		expect(clampWhole('five', 3, 10)).toBe(3)
		expect(clampWhole('Infinity', 3, 10)).toBe(3)
	})
})
