import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { MODEL_LAYOUT, centreOf, zoneCentre, zoneOfPoint, type ModelLayout, type Point } from '../../shared/model/geometry'
import { readNoteAuthorship } from '../../shared/model/noteAuthorship'
import { summariseZones, type NoteOnBoard } from '../../shared/model/zoneSummary'
import { ZONE_IDS, type ZoneId } from '../../shared/model/zones'

const NONE = { authorName: null, department: null, createdAt: null }

describe('readNoteAuthorship', () => {
	it.each([
		['undefined', undefined],
		['null', null],
		['a string', 'Marketing'],
		['a number', 42],
		['an array', ['Ann', 'Sales']],
		['an empty object', {}],
	])('reads %s as no authorship', (_label, meta) => {
		expect(readNoteAuthorship(meta)).toEqual(NONE)
	})

	it('ignores fields that are not strings', () => {
		expect(readNoteAuthorship({ department: 42, authorName: { name: 'Ann' }, createdAt: 1_700_000_000 })).toEqual(NONE)
	})

	it('treats blank strings as missing', () => {
		expect(readNoteAuthorship({ department: '  ', authorName: '', createdAt: '\t' })).toEqual(NONE)
	})

	it('reads valid meta, trimmed', () => {
		expect(readNoteAuthorship({ authorName: ' Ann ', department: 'Sales ', createdAt: '2024-05-01T10:00:00.000Z', extra: true })).toEqual({
			authorName: 'Ann',
			department: 'Sales',
			createdAt: '2024-05-01T10:00:00.000Z',
		})
	})

	it('keeps the valid fields of partly malformed meta', () => {
		expect(readNoteAuthorship({ authorName: 'Ann', department: null })).toEqual({ ...NONE, authorName: 'Ann' })
	})
})

const noteAt = (id: string, centre: Point, meta: unknown = {}, size = 200): NoteOnBoard => ({
	id,
	box: { x: centre.x - size / 2, y: centre.y - size / 2, w: size, h: size },
	meta,
	text: `text of ${id}`,
})

const summaryOf = (zone: ZoneId, notes: NoteOnBoard[], layout?: ModelLayout) => summariseZones(notes, layout).find((summary) => summary.zone === zone)!

describe('summariseZones', () => {
	it('lists all ten zones in ZONE_IDS order, empty on an empty board', () => {
		const summaries = summariseZones([])
		expect(summaries.map((summary) => summary.zone)).toEqual(ZONE_IDS)
		for (const summary of summaries) {
			expect(summary.notes).toEqual([])
			expect(summary.departmentCounts).toEqual([])
		}
	})

	it('puts each note in the zone of its box centre', () => {
		const notes = ZONE_IDS.map((zone) => noteAt(zone, zoneCentre(MODEL_LAYOUT, zone)))
		for (const summary of summariseZones(notes)) {
			expect(summary.notes.map((note) => note.id)).toEqual([summary.zone])
			expect(summary.notes[0]!.zone).toBe(summary.zone)
		}
	})

	it('uses the box centre, not its top-left corner', () => {
		// Top-left corner (-100, -560) lies in stage 8; the centre (0, -460) lies in stage 1.
		const note: NoteOnBoard = { id: 'n', box: { x: -100, y: -560, w: 200, h: 200 }, meta: {}, text: '' }
		expect(zoneOfPoint({ x: -100, y: -560 })).toBe('stage-8')
		expect(summaryOf('stage-1', [note]).notes.map((placed) => placed.id)).toEqual(['n'])
		expect(summaryOf('stage-8', [note]).notes).toEqual([])
	})

	it('honours the layout it is given', () => {
		const layout: ModelLayout = { centre: { x: 10_000, y: 10_000 }, innerRadius: 100, outerRadius: 300 }
		const note = noteAt('n', { x: 10_000, y: 9_800 })
		expect(summaryOf('stage-1', [note], layout).notes).toHaveLength(1)
		expect(summaryOf('parking', [note]).notes).toHaveLength(1)
	})

	it('carries the note and its authorship into the summary', () => {
		const meta = { authorName: 'Ann', department: 'Sales', createdAt: '2024-05-01T10:00:00.000Z' }
		const [placed] = summaryOf('centre', [noteAt('n', { x: 0, y: 0 }, meta)]).notes
		expect(placed).toMatchObject({ id: 'n', text: 'text of n', zone: 'centre', authorName: 'Ann', department: 'Sales', createdAt: meta.createdAt })
	})

	it('counts notes per department, largest first, with null for notes without a department', () => {
		const centre = { x: 0, y: 0 }
		const notes = [
			noteAt('1', centre, { department: 'Sales' }),
			noteAt('2', centre, { department: 'IT' }),
			noteAt('3', centre, undefined),
			noteAt('4', centre, { department: 'Sales' }),
			noteAt('5', centre, { department: 42 }),
			noteAt('6', centre, { department: 'Sales' }),
			noteAt('7', centre, { department: 'HR' }),
			noteAt('8', centre, 'garbage'),
		]
		expect(summaryOf('centre', notes).departmentCounts).toEqual([
			{ department: 'Sales', count: 3 },
			{ department: null, count: 3 },
			{ department: 'HR', count: 1 },
			{ department: 'IT', count: 1 },
		])
	})

	it('orders equal counts by department name with the unknown department last', () => {
		const centre = { x: 0, y: 0 }
		const notes = [noteAt('1', centre, null), noteAt('2', centre, { department: 'Sales' }), noteAt('3', centre, { department: 'HR' })]
		expect(summaryOf('centre', notes).departmentCounts.map((count) => count.department)).toEqual(['HR', 'Sales', null])
	})

	it("sorts each zone's notes by creation time, notes without a time first, then by id", () => {
		const centre = { x: 0, y: 0 }
		const notes = [
			noteAt('c', centre, { createdAt: '2024-05-03T09:00:00.000Z' }),
			noteAt('a', centre, { createdAt: '2024-05-01T09:00:00.000Z' }),
			noteAt('z', centre, {}),
			noteAt('b', centre, { createdAt: '2024-05-02T09:00:00.000Z' }),
			noteAt('y', centre, { createdAt: '2024-05-01T09:00:00.000Z' }),
			noteAt('x', centre, null),
		]
		expect(summaryOf('centre', notes).notes.map((note) => note.id)).toEqual(['x', 'z', 'a', 'y', 'b', 'c'])
	})

	it('does not reorder the input array', () => {
		const notes = [noteAt('b', { x: 0, y: 0 }, { createdAt: '2' }), noteAt('a', { x: 0, y: 0 }, { createdAt: '1' })]
		summariseZones(notes)
		expect(notes.map((note) => note.id)).toEqual(['b', 'a'])
	})

	it('never throws for arbitrary meta and puts every note in exactly one zone, the zone of its centre', () => {
		const coordinate = fc.double({ min: -3000, max: 3000, noNaN: true })
		const size = fc.double({ min: 0, max: 400, noNaN: true })
		const noteArb = fc.record({
			box: fc.record({ x: coordinate, y: coordinate, w: size, h: size }),
			meta: fc.anything(),
			text: fc.string(),
		})
		fc.assert(
			fc.property(fc.array(noteArb, { maxLength: 30 }), (drafts) => {
				const notes: NoteOnBoard[] = drafts.map((draft, i) => ({ ...draft, id: `note-${i}` }))
				const summaries = summariseZones(notes)
				const seen = new Map<string, ZoneId>()
				for (const summary of summaries) {
					expect(summary.departmentCounts.reduce((sum, count) => sum + count.count, 0)).toBe(summary.notes.length)
					for (const note of summary.notes) {
						expect(seen.has(note.id)).toBe(false)
						seen.set(note.id, summary.zone)
						expect(note.zone).toBe(summary.zone)
					}
				}
				expect(seen.size).toBe(notes.length)
				for (const note of notes) expect(seen.get(note.id)).toBe(zoneOfPoint(centreOf(note.box)))
			}),
			{ numRuns: 200 },
		)
	})
})
