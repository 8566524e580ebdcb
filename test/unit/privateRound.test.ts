import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import type { PrivateRound } from '../../shared/facilitationDoc'
import { MODEL_LAYOUT, zoneCentre } from '../../shared/model/geometry'
import { staysPrivate, tallyHiddenNotes, zoneOfNoteRecord } from '../../shared/model/privateRound'
import { ZONE_IDS, type ZoneId } from '../../shared/model/zones'
import { noteRecord, type Json, type ShapeRecord } from '../helpers/noteRecord'

const running: PrivateRound = { id: 'round-1', revealed: false, revealedZones: [] }
const ANNA = { authorId: 'user:anna', authorName: 'Anna', department: 'Marketing' }
const BRAM = { authorId: 'user:bram', authorName: 'Bram', department: 'IT' }
const FENNA = { authorId: 'user:fenna', authorName: 'Fenna', department: 'IT' }

/** tldraw's note at scale 1 without growth is 200 by 200: its centre lies 100 right of and below x, y. */
const HALF_NOTE = 100

let lastId = 0
/** A note whose centre lies in the middle of `zone`, carrying `meta` (and, unless given, some text). */
function noteIn(zone: ZoneId, meta: unknown, paragraphs?: string[]): ShapeRecord {
	const { x, y } = zoneCentre(MODEL_LAYOUT, zone)
	lastId += 1
	return { ...noteRecord({ id: `shape:note-${lastId}`, x: x - HALF_NOTE, y: y - HALF_NOTE, paragraphs }), meta: meta as { [k: string]: Json } }
}
const inRound = (zone: ZoneId, author: typeof ANNA, round = 'round-1', paragraphs?: string[]) =>
	noteIn(zone, { ...author, createdAt: '2024-05-01T10:00:00.000Z', privateRound: round }, paragraphs)
/** The same record as another kind of shape (its props left as a note's, which only matters to tldraw). */
const asShape = (record: ShapeRecord, type: string): ShapeRecord => ({ ...record, type })

describe('zoneOfNoteRecord', () => {
	it.each(ZONE_IDS.map((zone) => [zone]))('reads a note placed in the middle of %s as lying there', (zone) => {
		expect(zoneOfNoteRecord(noteIn(zone, {}))).toBe(zone)
	})

	it('reads the centre of the note, not its top-left corner', () => {
		// The corner (-1650, -130) lies beyond the outer circle (radius 1600), in the parking lot; the
		// centre (-1550, -30) lies in the ring, just past 9 o'clock, in stage 7.
		const nearTheEdge = noteRecord({ id: 'shape:edge', x: -1650, y: -130 })
		expect(zoneOfNoteRecord(nearTheEdge)).toBe('stage-7')
	})

	it('moves the centre with the scale', () => {
		// Centre (400, 0) at scale 1: inside the centre circle (radius 440).
		const note = noteRecord({ id: 'shape:scaled', x: 300, y: -100 })
		expect(zoneOfNoteRecord(note)).toBe('centre')
		// Centre (500, 100) at scale 2: in the ring, just past 3 o'clock, in stage 3.
		expect(zoneOfNoteRecord({ ...note, props: { ...note.props, scale: 2 } })).toBe('stage-3')
	})

	it('moves the centre down with growY, by half of the growth', () => {
		// Centre (200, 350): 403 from the middle, inside the centre circle.
		const note = noteRecord({ id: 'shape:grown', x: 100, y: 250 })
		expect(zoneOfNoteRecord(note)).toBe('centre')
		// growY 200 puts the centre at (200, 450): 492 from the middle, at about 156°, in stage 4.
		expect(zoneOfNoteRecord({ ...note, props: { ...note.props, growY: 200 } })).toBe('stage-4')
		// growY 60 lowers it by half of that, to (200, 380): 429 from the middle, still the centre (all of
		// the 60 would take it to 456, out of the circle).
		expect(zoneOfNoteRecord({ ...note, props: { ...note.props, growY: 60 } })).toBe('centre')
	})

	it('scales the growth with the rest of the note', () => {
		// Centre (0, 200) at scale 1.
		const note = noteRecord({ id: 'shape:both', x: -100, y: 100 })
		// Scale 2 alone: (100, 300); growY 200 alone: (0, 300); both within the centre circle.
		expect(zoneOfNoteRecord({ ...note, props: { ...note.props, scale: 2 } })).toBe('centre')
		expect(zoneOfNoteRecord({ ...note, props: { ...note.props, growY: 200 } })).toBe('centre')
		// Both: (100, 500), 510 from the middle, at about 169°, in stage 4.
		expect(zoneOfNoteRecord({ ...note, props: { ...note.props, growY: 200, scale: 2 } })).toBe('stage-4')
	})

	it.each([
		['a scale of 0', { scale: 0 }],
		['a negative scale', { scale: -2 }],
		['a scale that is text', { scale: '2' }],
		['a negative growY', { growY: -400 }],
		['a growY that is text', { growY: '200' }],
		['no props at all', null],
	])('reads a note with %s as a plain note of scale 1', (_label, props) => {
		// Centre (400, 0) at scale 1 is the centre zone; a scale of 2 or a growth of 200 would leave it.
		const note = noteRecord({ id: 'shape:odd', x: 300, y: -100 })
		const odd = { ...note, props: props === null ? undefined : { ...note.props, ...props } }
		expect(zoneOfNoteRecord(odd)).toBe('centre')
	})

	it.each([
		['a geo shape', asShape(noteIn('stage-1', {}), 'geo')],
		['a stage zone', asShape(noteIn('stage-1', {}), 'stage-zone')],
		['a text shape', asShape(noteIn('stage-1', {}), 'text')],
		['an asset named like a note', { ...noteIn('stage-1', {}), typeName: 'asset' }],
		['a page', { id: 'page:page', typeName: 'page', name: 'Page 1', index: 'a1', meta: {} }],
		['null', null],
		['undefined', undefined],
		['a string', 'shape:note'],
		['an array', [noteIn('stage-1', {})]],
	])('reads %s as lying nowhere', (_label, record) => {
		expect(zoneOfNoteRecord(record)).toBeNull()
	})

	it.each([
		['no x', { x: undefined }],
		['no y', { y: undefined }],
		['an x that is text', { x: '0' }],
		['a y that is null', { y: null }],
	])('reads a note with %s as lying nowhere', (_label, fields) => {
		expect(zoneOfNoteRecord({ ...noteIn('centre', {}), ...fields })).toBeNull()
	})
})

describe('staysPrivate', () => {
	it('keeps a note of the running round private in a zone not revealed yet', () => {
		expect(staysPrivate(running, inRound('stage-1', ANNA))).toBe(true)
	})

	it('keeps a note of the round that names no author private too', () => {
		expect(staysPrivate(running, noteIn('parking', { privateRound: 'round-1' }))).toBe(true)
	})

	it('lets the notes of a revealed zone go, and keeps the other zones private', () => {
		const round = { ...running, revealedZones: ['stage-1' as const] }
		expect(staysPrivate(round, inRound('stage-1', ANNA))).toBe(false)
		expect(staysPrivate(round, inRound('stage-3', ANNA))).toBe(true)
	})

	it('goes by where the note lies now, not where it was written', () => {
		const round = { ...running, revealedZones: ['stage-1' as const] }
		const note = inRound('stage-3', ANNA)
		const { x, y } = zoneCentre(MODEL_LAYOUT, 'stage-1')
		expect(staysPrivate(round, { ...note, x: x - HALF_NOTE, y: y - HALF_NOTE })).toBe(false)
	})

	it('keeps nothing private without a round, or once the round is revealed', () => {
		const anna = inRound('stage-1', ANNA)
		expect(staysPrivate(null, anna)).toBe(false)
		expect(staysPrivate({ ...running, revealed: true }, anna)).toBe(false)
	})

	it('leaves notes written outside the round, or in another round, alone', () => {
		expect(staysPrivate(running, noteIn('stage-1', { ...ANNA }))).toBe(false)
		expect(staysPrivate(running, inRound('stage-1', ANNA, 'round-0'))).toBe(false)
		expect(staysPrivate({ ...running, id: 'round-2' }, inRound('stage-1', ANNA))).toBe(false)
	})

	it.each([
		['undefined', undefined],
		['null', null],
		['a string', 'round-1'],
		['an empty object', {}],
		['a round id in a list', { privateRound: ['round-1'] }],
		['a round id in an object', { privateRound: { id: 'round-1' } }],
	])('reads meta that is %s as a note outside the round', (_label, meta) => {
		expect(staysPrivate(running, noteIn('stage-1', meta))).toBe(false)
	})

	it('keeps only notes private, whatever another record says in its meta', () => {
		expect(staysPrivate(running, asShape(inRound('stage-1', ANNA), 'geo'))).toBe(false)
		expect(staysPrivate(running, { ...inRound('stage-1', ANNA), x: 'far' })).toBe(false)
		expect(staysPrivate(running, { meta: { privateRound: 'round-1' } })).toBe(false)
	})
})

describe('tallyHiddenNotes', () => {
	it('counts the notes that stay private per author, by name, and per zone in board order', () => {
		const notes = [inRound('stage-3', BRAM), inRound('stage-1', ANNA), inRound('stage-1', ANNA), inRound('centre', BRAM)]
		expect(tallyHiddenNotes(running, notes)).toEqual({
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

	it('leaves out notes outside the round, of another round, in the revealed zones, and what is no note', () => {
		const round = { ...running, revealedZones: ['stage-1' as const] }
		const records = [
			inRound('stage-1', ANNA),
			inRound('stage-3', ANNA),
			inRound('stage-3', BRAM, 'round-0'),
			noteIn('stage-3', { ...BRAM }),
			asShape(inRound('stage-3', BRAM), 'geo'),
			{ id: 'page:page', typeName: 'page', name: 'Page 1', index: 'a1', meta: { privateRound: 'round-1' } },
			null,
		]
		expect(tallyHiddenNotes(round, records)).toEqual({
			authors: [{ authorId: ANNA.authorId, name: 'Anna', department: 'Marketing', count: 1 }],
			zones: [{ zone: 'stage-3', count: 1 }],
		})
	})

	it('tells namesakes apart by their id', () => {
		const otherAnna = { ...ANNA, authorId: 'user:other-anna', department: 'Sales' }
		const { authors } = tallyHiddenNotes(running, [inRound('stage-2', otherAnna), inRound('stage-2', ANNA)])
		expect(authors.map((author) => [author.authorId, author.department, author.count])).toEqual([
			[ANNA.authorId, 'Marketing', 1],
			[otherAnna.authorId, 'Sales', 1],
		])
	})

	it('counts notes without an author together, after the named authors', () => {
		const nameless = noteIn('parking', { privateRound: 'round-1', authorName: '  ' })
		const emptyId = noteIn('parking', { privateRound: 'round-1', authorId: '' })
		const { authors } = tallyHiddenNotes(running, [nameless, emptyId, noteIn('parking', { privateRound: 'round-1' }), inRound('parking', BRAM)])
		expect(authors).toEqual([
			{ authorId: BRAM.authorId, name: 'Bram', department: 'IT', count: 1 },
			{ authorId: null, name: null, department: null, count: 3 },
		])
	})

	it('is empty without a round and once the round is revealed', () => {
		const notes = [inRound('stage-1', ANNA)]
		const empty = { authors: [], zones: [] }
		expect(tallyHiddenNotes(running, notes)).not.toEqual(empty)
		expect(tallyHiddenNotes(null, notes)).toEqual(empty)
		expect(tallyHiddenNotes({ ...running, revealed: true }, notes)).toEqual(empty)
	})

	it('never carries a note text, though it reads the notes whole', () => {
		const secret = inRound('stage-1', ANNA, 'round-1', ['Secret idea'])
		expect(JSON.stringify(secret)).toContain('Secret idea')
		const tally = tallyHiddenNotes(running, [secret])
		expect(tally.authors).toHaveLength(1)
		expect(JSON.stringify(tally)).not.toContain('Secret idea')
	})

	it('per author and per zone, the counts add up to the records that stay private', () => {
		const people = [ANNA, BRAM, FENNA]
		const arbitraryRecord = fc.record({
			zone: fc.constantFrom(...ZONE_IDS),
			author: fc.constantFrom(...people),
			round: fc.constantFrom('round-1', 'round-0', null),
			type: fc.constantFrom('note', 'note', 'geo'),
		})
		fc.assert(
			fc.property(fc.array(arbitraryRecord), fc.subarray([...ZONE_IDS]), fc.boolean(), (drawn, revealedZones, revealed) => {
				const round = { ...running, revealed, revealedZones }
				const records = drawn.map(({ zone, author, round, type }) =>
					asShape(round === null ? noteIn(zone, { ...author }) : inRound(zone, author, round), type),
				)
				const kept = drawn.filter(({ zone, round, type }) => !revealed && type === 'note' && round === 'round-1' && !revealedZones.includes(zone))
				expect(records.filter((record) => staysPrivate(round, record))).toHaveLength(kept.length)

				const tally = tallyHiddenNotes(round, records)
				const sum = (counts: { count: number }[]) => counts.reduce((total, { count }) => total + count, 0)
				expect(sum(tally.authors)).toBe(kept.length)
				expect(sum(tally.zones)).toBe(kept.length)
				for (const { zone, count } of tally.zones) expect(count).toBe(kept.filter((each) => each.zone === zone).length)
				for (const { authorId, count } of tally.authors) expect(count).toBe(kept.filter((each) => each.author.authorId === authorId).length)
				expect(tally.zones.some(({ zone }) => revealedZones.includes(zone))).toBe(false)
			}),
		)
	})
})
