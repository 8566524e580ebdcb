import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { MODEL_LAYOUT, zoneCentre } from '../../shared/model/geometry'
import {
	castDot,
	clampToBudget,
	dotsLeft,
	dotsUsed,
	isInRoundZone,
	roundResults,
	takeBackDot,
	voteResults,
	type VotableNote,
	type Votes,
} from '../../shared/model/voting'
import type { ZoneId } from '../../shared/model/zones'

describe('dot budget', () => {
	it('counts the dots used and left', () => {
		expect(dotsUsed({})).toBe(0)
		expect(dotsUsed({ a: 2, b: 1 })).toBe(3)
		expect(dotsLeft(5, { a: 2, b: 1 })).toBe(2)
		expect(dotsLeft(3, { a: 2, b: 1 })).toBe(0)
	})

	it('never reports a negative number of dots left', () => {
		expect(dotsLeft(2, { a: 5 })).toBe(0)
		expect(dotsLeft(-1, {})).toBe(0)
		expect(dotsLeft(Number.NaN, {})).toBe(0)
	})

	it('counts only whole, positive dots of malformed votes', () => {
		const votes = { a: 2, b: -3, c: 1.5, d: Number.NaN, e: Number.POSITIVE_INFINITY, f: '4' } as unknown as Votes
		expect(dotsUsed(votes)).toBe(2)
	})

	it('casts a dot, several on the same note if wanted', () => {
		const once = castDot(3, {}, 'a')
		expect(once).toEqual({ a: 1 })
		expect(castDot(3, once!, 'a')).toEqual({ a: 2 })
		expect(castDot(3, { a: 2 }, 'b')).toEqual({ a: 2, b: 1 })
	})

	it('refuses a dot when the budget is spent', () => {
		expect(castDot(3, { a: 2, b: 1 }, 'c')).toBeNull()
		expect(castDot(0, {}, 'a')).toBeNull()
	})

	it('does not change the votes it is given', () => {
		const votes = { a: 1 }
		castDot(3, votes, 'a')
		takeBackDot(votes, 'a')
		expect(votes).toEqual({ a: 1 })
	})

	it('takes back a dot and removes the note when it reaches zero', () => {
		expect(takeBackDot({ a: 2, b: 1 }, 'a')).toEqual({ a: 1, b: 1 })
		expect(takeBackDot({ a: 1, b: 1 }, 'a')).toEqual({ b: 1 })
	})

	it('takes back nothing from a note without dots', () => {
		expect(takeBackDot({ b: 1 }, 'a')).toEqual({ b: 1 })
		expect(takeBackDot({ a: -2 } as Votes, 'a')).toEqual({})
	})

	it('treats note ids that name Object.prototype members as ordinary notes', () => {
		expect(castDot(3, {}, 'constructor')).toEqual({ constructor: 1 })
		expect(takeBackDot({}, 'toString')).toEqual({})
	})
})

describe('clampToBudget', () => {
	it('keeps votes within the budget as they are', () => {
		expect(clampToBudget(5, { a: 2, b: 3 })).toEqual({ a: 2, b: 3 })
	})

	it('cuts over-budget votes to the budget, notes in id order, whatever the key order', () => {
		expect(clampToBudget(4, { c: 2, a: 3, b: 2 })).toEqual({ a: 3, b: 1 })
	})

	it('drops malformed counts', () => {
		expect(clampToBudget(10, { a: 1, b: -1, c: 0.5 } as Votes)).toEqual({ a: 1 })
	})
})

describe('voteResults', () => {
	it('sums dots per note over participants, most first, ties by note id', () => {
		const results = voteResults([{ b: 2, c: 1 }, { a: 1, b: 1 }, { c: 2 }])
		expect(results).toEqual([
			{ noteId: 'b', dots: 3 },
			{ noteId: 'c', dots: 3 },
			{ noteId: 'a', dots: 1 },
		])
	})

	it('ignores negative, fractional, non-finite and non-numeric counts', () => {
		const forged = { a: -5, b: 2.5, c: Number.NaN, d: Number.POSITIVE_INFINITY, e: 'x', f: 1 } as unknown as Votes
		expect(voteResults([forged, { a: 1 }])).toEqual([
			{ noteId: 'a', dots: 1 },
			{ noteId: 'f', dots: 1 },
		])
	})

	it('ignores participants whose votes are not an object', () => {
		expect(voteResults([null, 'x', [3], { a: 1 }] as unknown as Votes[])).toEqual([{ noteId: 'a', dots: 1 }])
	})

	it('counts only notes in noteIds when given', () => {
		expect(voteResults([{ a: 1, gone: 3 }], ['a', 'b'])).toEqual([{ noteId: 'a', dots: 1 }])
	})

	it('clamps each participant to the budget when one is given', () => {
		const results = voteResults([{ a: 50 }, { a: 1, b: 2 }], undefined, 3)
		expect(results).toEqual([
			{ noteId: 'a', dots: 4 },
			{ noteId: 'b', dots: 2 },
		])
	})

	it('drops dots on deleted notes before applying the budget', () => {
		expect(voteResults([{ a: 2, gone: 2 }], ['b', 'a'], 2)).toEqual([{ noteId: 'a', dots: 2 }])
	})

	it('never spends more than budget × participants for arbitrary forged votes', () => {
		const votesArb = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.oneof(fc.integer({ min: -5, max: 100 }), fc.double()))
		fc.assert(
			fc.property(fc.array(votesArb, { maxLength: 10 }), fc.integer({ min: 0, max: 20 }), (allVotes, budget) => {
				const total = voteResults(allVotes, undefined, budget).reduce((sum, result) => sum + result.dots, 0)
				expect(total).toBeLessThanOrEqual(budget * allVotes.length)
			}),
		)
	})
})

/** A note-sized box centred in the zone. */
const boxIn = (zone: ZoneId) => {
	const { x, y } = zoneCentre(MODEL_LAYOUT, zone)
	return { x: x - 100, y: y - 100, w: 200, h: 200 }
}
const noteIn = (id: string, zone: ZoneId): VotableNote => ({ id, box: boxIn(zone) })

describe('a round limited to a zone', () => {
	const notes = [noteIn('costs', 'stage-1'), noteIn('webcare', 'stage-3'), noteIn('budget', 'stage-3'), noteIn('parked', 'parking')]

	it('a note is in the round when its centre is in the zone, and in every round without one', () => {
		expect(isInRoundZone(boxIn('stage-3'), 'stage-3')).toBe(true)
		expect(isInRoundZone(boxIn('stage-1'), 'stage-3')).toBe(false)
		expect(isInRoundZone(boxIn('parking'), null)).toBe(true)
		// Partly over the inner circle's edge, but centred inside it: the centre decides.
		const { x, y } = MODEL_LAYOUT.centre
		expect(isInRoundZone({ x: x + MODEL_LAYOUT.innerRadius - 150, y: y - 100, w: 200, h: 200 }, 'centre')).toBe(true)
	})

	it('counts only the dots on notes in the zone', () => {
		const allVotes: Votes[] = [{ costs: 2, webcare: 1 }, { budget: 3 }]
		expect(roundResults(allVotes, notes, { dotsPerPerson: 3, zone: 'stage-3' })).toEqual([
			{ noteId: 'budget', dots: 3 },
			{ noteId: 'webcare', dots: 1 },
		])
	})

	it('counts every note on the board when the round has no zone', () => {
		const allVotes = [{ costs: 1, parked: 1, gone: 1 }]
		expect(roundResults(allVotes, notes, { dotsPerPerson: 3, zone: null })).toEqual([
			{ noteId: 'costs', dots: 1 },
			{ noteId: 'parked', dots: 1 },
		])
	})

	it('gives a client that put dots outside the zone nothing for them: the budget applies to the dots inside', () => {
		// 'costs' sorts before 'webcare', so without the zone the budget would be spent on it.
		const forged = { costs: 2, webcare: 2 }
		expect(roundResults([forged], notes, { dotsPerPerson: 2, zone: 'stage-3' })).toEqual([{ noteId: 'webcare', dots: 2 }])
		expect(roundResults([{ costs: 5 }], notes, { dotsPerPerson: 2, zone: 'stage-3' })).toEqual([])
	})
})

describe('any sequence of casting and taking back', () => {
	it('never exceeds the budget or goes negative', () => {
		const action = fc.record({ cast: fc.boolean(), noteId: fc.constantFrom('a', 'b', 'c', 'constructor', '__proto__') })
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 20 }), fc.array(action, { maxLength: 60 }), (budget, actions) => {
				let votes: Votes = {}
				for (const { cast, noteId } of actions) {
					const before = dotsUsed(votes)
					if (cast) {
						const next = castDot(budget, votes, noteId)
						if (next === null) expect(before).toBe(budget)
						else {
							expect(dotsUsed(next)).toBe(before + 1)
							votes = next
						}
					} else votes = takeBackDot(votes, noteId)
					expect(dotsUsed(votes)).toBeLessThanOrEqual(budget)
					expect(dotsLeft(budget, votes)).toBe(budget - dotsUsed(votes))
					for (const dots of Object.values(votes)) expect(dots).toBeGreaterThan(0)
				}
			}),
		)
	})
})
