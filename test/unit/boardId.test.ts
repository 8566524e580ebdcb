import { describe, it, expect } from 'vitest'
import { BOARD_ID_PATTERN, isValidBoardId, newBoardId } from '../../shared/boardId'

describe('newBoardId', () => {
	it('gives 22 URL-safe characters matching BOARD_ID_PATTERN', () => {
		for (let i = 0; i < 200; i++) {
			const id = newBoardId()
			expect(id).toHaveLength(22)
			expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/)
			expect(id).toMatch(BOARD_ID_PATTERN)
			expect(isValidBoardId(id)).toBe(true)
			expect(encodeURIComponent(id)).toBe(id)
		}
	})

	it('1000 ids are all different', () => {
		const ids = new Set(Array.from({ length: 1000 }, () => newBoardId()))
		expect(ids.size).toBe(1000)
	})

	it('ids carry 128 random bits: over many ids every position takes many values', () => {
		const ids = Array.from({ length: 2000 }, () => newBoardId())
		for (let position = 0; position < 21; position++) {
			const seen = new Set(ids.map((id) => id[position]))
			expect(seen.size).toBeGreaterThan(40)
		}
		// The last character holds the final 2 bits of the 16 bytes (plus 4 zero bits): 4 values.
		expect(new Set(ids.map((id) => id[21])).size).toBe(4)
	})

	it('ids decode back to 16 bytes', () => {
		const id = newBoardId()
		const bytes = Buffer.from(id, 'base64url')
		expect(bytes).toHaveLength(16)
		expect(bytes.toString('base64url')).toBe(id)
	})
})

describe('isValidBoardId', () => {
	it.each([
		['../x', 'a path traversal'],
		['%2e%2e', 'an encoded path traversal'],
		['', 'the empty string'],
		['a'.repeat(65), '65 characters'],
		['é', 'a non-ASCII letter'],
		['a b', 'a space'],
		['a/b', 'a slash'],
		['a\\b', 'a backslash'],
		['a.b', 'a dot'],
		['a!b', 'the storage key separator'],
		['abc\n', 'a trailing newline'],
		['\nabc', 'a leading newline'],
		['a\u0000b', 'a NUL character'],
	])('rejects %j (%s)', (candidate) => {
		expect(isValidBoardId(candidate)).toBe(false)
	})

	it.each([
		['a'.repeat(64), '64 characters'],
		['a', 'one character'],
		['Board_2024-Q1', 'letters, digits, underscore and dash'],
		['-', 'a lone dash'],
	])('accepts %j (%s)', (candidate) => {
		expect(isValidBoardId(candidate)).toBe(true)
	})
})
