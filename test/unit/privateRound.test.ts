import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import type { PrivateRound } from '../../shared/facilitationDoc'
import { isHiddenFrom, tallyHiddenNotes, type RoundNote } from '../../shared/model/privateRound'
import { ZONE_IDS, type ZoneId } from '../../shared/model/zones'

const running: PrivateRound = { id: 'round-1', revealed: false, revealedZones: [] }
const ANNA = { authorId: 'user:anna', authorName: 'Anna', department: 'Marketing' }
const BRAM = { authorId: 'user:bram', authorName: 'Bram', department: 'IT' }
const FENNA_ID = 'user:fenna'

const note = (zone: ZoneId, meta: unknown): RoundNote => ({ meta, zone })
const inRound = (zone: ZoneId, author: typeof ANNA, round = 'round-1') => note(zone, { ...author, createdAt: '2024-05-01T10:00:00.000Z', privateRound: round })

describe('isHiddenFrom', () => {
	it("hides another person's note of the running round", () => {
		expect(isHiddenFrom(running, inRound('stage-1', ANNA), BRAM.authorId)).toBe(true)
	})

	it('never hides my own notes', () => {
		expect(isHiddenFrom(running, inRound('stage-1', ANNA), ANNA.authorId)).toBe(false)
	})

	it('hides nothing without a round, or once the round is revealed', () => {
		const anna = inRound('stage-1', ANNA)
		expect(isHiddenFrom(null, anna, BRAM.authorId)).toBe(false)
		expect(isHiddenFrom({ ...running, revealed: true }, anna, BRAM.authorId)).toBe(false)
	})

	it('shows the notes of a revealed zone to everyone, and keeps the other zones hidden', () => {
		const round = { ...running, revealedZones: ['stage-1' as const] }
		expect(isHiddenFrom(round, inRound('stage-1', ANNA), BRAM.authorId)).toBe(false)
		expect(isHiddenFrom(round, inRound('stage-1', ANNA), FENNA_ID)).toBe(false)
		expect(isHiddenFrom(round, inRound('stage-3', ANNA), BRAM.authorId)).toBe(true)
	})

	it('leaves notes written outside the round, or in an earlier round, alone', () => {
		expect(isHiddenFrom(running, note('stage-1', { ...ANNA }), BRAM.authorId)).toBe(false)
		expect(isHiddenFrom(running, inRound('stage-1', ANNA, 'round-0'), BRAM.authorId)).toBe(false)
	})

	it.each([
		['undefined', undefined],
		['null', null],
		['a string', 'round-1'],
		['an empty object', {}],
	])('reads meta that is %s as a note outside the round', (_label, meta) => {
		expect(isHiddenFrom(running, note('stage-1', meta), BRAM.authorId)).toBe(false)
	})

	it('hides a note of the round that names no author from everyone', () => {
		const authorless = note('stage-1', { privateRound: 'round-1' })
		for (const viewer of [ANNA.authorId, BRAM.authorId, FENNA_ID]) expect(isHiddenFrom(running, authorless, viewer)).toBe(true)
	})
})

describe('tallyHiddenNotes', () => {
	it('counts the hidden notes per author, by name, and per zone in board order', () => {
		const notes = [inRound('stage-3', BRAM), inRound('stage-1', ANNA), inRound('stage-1', ANNA), inRound('centre', BRAM)]
		expect(tallyHiddenNotes(running, notes, FENNA_ID)).toEqual({
			authors: [
				{ authorId: ANNA.authorId, name: 'Anna', department: 'Marketing', count: 2 },
				{ authorId: BRAM.authorId, name: 'Bram', department: 'IT', count: 2 },
			],
			zones: [
				{ zone: 'centre', count: 1 },
				{ zone: 'stage-1', count: 2 },
				{ zone: 'stage-3', count: 1 },
			],
		})
	})

	it("leaves out the viewer's own notes, notes outside the round and the revealed zones", () => {
		const round = { ...running, revealedZones: ['stage-1' as const] }
		const notes = [inRound('stage-1', ANNA), inRound('stage-3', ANNA), inRound('stage-3', BRAM), note('stage-3', { ...ANNA })]
		expect(tallyHiddenNotes(round, notes, BRAM.authorId)).toEqual({
			authors: [{ authorId: ANNA.authorId, name: 'Anna', department: 'Marketing', count: 1 }],
			zones: [{ zone: 'stage-3', count: 1 }],
		})
	})

	it('tells namesakes apart by their id', () => {
		const otherAnna = { ...ANNA, authorId: 'user:other-anna', department: 'Sales' }
		const { authors } = tallyHiddenNotes(running, [inRound('stage-2', otherAnna), inRound('stage-2', ANNA)], FENNA_ID)
		expect(authors.map((author) => [author.authorId, author.count])).toEqual([
			[ANNA.authorId, 1],
			[otherAnna.authorId, 1],
		])
	})

	it('counts notes without an author together, after the named authors', () => {
		const nameless = note('parking', { privateRound: 'round-1', authorName: '  ' })
		const { authors } = tallyHiddenNotes(running, [nameless, note('parking', { privateRound: 'round-1' }), inRound('parking', BRAM)], FENNA_ID)
		expect(authors).toEqual([
			{ authorId: BRAM.authorId, name: 'Bram', department: 'IT', count: 1 },
			{ authorId: null, name: null, department: null, count: 2 },
		])
	})

	it('is empty without a round and once the round is revealed', () => {
		const notes = [inRound('stage-1', ANNA)]
		const empty = { authors: [], zones: [] }
		expect(tallyHiddenNotes(null, notes, FENNA_ID)).toEqual(empty)
		expect(tallyHiddenNotes({ ...running, revealed: true }, notes, FENNA_ID)).toEqual(empty)
	})

	it('never carries a note text: it is built from meta and zone alone', () => {
		const withText = { ...inRound('stage-1', ANNA), text: 'Secret idea' } as RoundNote
		expect(JSON.stringify(tallyHiddenNotes(running, [withText], FENNA_ID))).not.toContain('Secret idea')
	})

	it('per author and per zone, the counts add up to the notes hidden from the viewer', () => {
		const people = [ANNA, BRAM, { ...BRAM, authorId: FENNA_ID, authorName: 'Fenna' }]
		const arbitraryNote = fc.record({
			zone: fc.constantFrom(...ZONE_IDS),
			author: fc.constantFrom(...people),
			round: fc.constantFrom('round-1', 'round-0'),
		})
		fc.assert(
			fc.property(fc.array(arbitraryNote), fc.subarray([...ZONE_IDS]), (drawn, revealedZones) => {
				const round = { ...running, revealedZones }
				const notes = drawn.map(({ zone, author, round }) => inRound(zone, author, round))
				const hidden = notes.filter((candidate) => isHiddenFrom(round, candidate, FENNA_ID)).length
				const tally = tallyHiddenNotes(round, notes, FENNA_ID)
				const sum = (counts: { count: number }[]) => counts.reduce((total, { count }) => total + count, 0)
				expect(sum(tally.authors)).toBe(hidden)
				expect(sum(tally.zones)).toBe(hidden)
				expect(tally.zones.some(({ zone }) => revealedZones.includes(zone))).toBe(false)
			}),
		)
	})
})
