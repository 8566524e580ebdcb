import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { endorsersOf, isWorkZoneId, tallySupport, WORK_ZONE_IDS, type Endorsement, type WorkZoneId } from '../../shared/model/support'
import type { PlacedNote } from '../../shared/model/zoneSummary'
import { ZONE_IDS, type ZoneId } from '../../shared/model/zones'

const DEPARTMENTS = ['Marketing', 'IT', 'Sales', 'HR']

const note = (id: string, zone: ZoneId, department: string | null): PlacedNote => ({
	id,
	zone,
	department,
	box: { x: 0, y: 0, w: 200, h: 200 },
	meta: {},
	text: id,
	authorName: null,
	createdAt: null,
})

const endorsement = (noteId: string, participantId: string, department: string, at = '2024-05-01T10:00:00.000Z'): Endorsement => ({
	noteId,
	participantId,
	name: participantId,
	department,
	at,
})

const rowOf = (tally: ReturnType<typeof tallySupport>, department: string | null) => tally.departments.find((row) => row.department === department)!

describe('WORK_ZONE_IDS', () => {
	it('lists the centre and the eight stages, without the parking lot', () => {
		expect(WORK_ZONE_IDS).toEqual(ZONE_IDS.filter((zone) => zone !== 'parking'))
		expect(isWorkZoneId('parking')).toBe(false)
		expect(isWorkZoneId('stage-3')).toBe(true)
		// @ts-expect-error the parking lot is not a work zone (checked by tsc)
		const parking: WorkZoneId = 'parking'
		expect(isWorkZoneId(parking)).toBe(false)
	})
})

describe('tallySupport', () => {
	it("lists the board's departments in order with empty cells on an empty board", () => {
		const tally = tallySupport([], [], DEPARTMENTS)
		expect(tally.departments.map((row) => row.department)).toEqual(DEPARTMENTS)
		for (const row of tally.departments) {
			expect(row.listed).toBe(true)
			for (const zone of WORK_ZONE_IDS) expect(row.cells[zone]).toEqual({ notes: 0, endorsements: 0 })
		}
		for (const zone of WORK_ZONE_IDS)
			expect(tally.zones[zone]).toMatchObject({ zone, notes: 0, endorsements: 0, departmentsInvolved: [], shareOfDepartments: 0, isIsland: false })
		expect(tally).toMatchObject({ parkingNotes: 0, departmentsInvolved: [], islandZones: [], islandDepartments: [] })
	})

	it('counts notes and endorsements per department and zone', () => {
		const notes = [note('a', 'stage-1', 'Sales'), note('b', 'stage-1', 'Sales'), note('c', 'stage-2', 'IT'), note('d', 'centre', 'Sales')]
		const endorsements = [endorsement('a', 'p1', 'IT'), endorsement('c', 'p2', 'Sales'), endorsement('c', 'p3', 'Sales'), endorsement('b', 'p4', 'HR')]
		const tally = tallySupport(notes, endorsements, DEPARTMENTS)
		expect(rowOf(tally, 'Sales').cells['stage-1']).toEqual({ notes: 2, endorsements: 0 })
		expect(rowOf(tally, 'Sales').cells['stage-2']).toEqual({ notes: 0, endorsements: 2 })
		expect(rowOf(tally, 'Sales').cells.centre).toEqual({ notes: 1, endorsements: 0 })
		expect(rowOf(tally, 'IT').cells['stage-1']).toEqual({ notes: 0, endorsements: 1 })
		expect(rowOf(tally, 'IT').cells['stage-2']).toEqual({ notes: 1, endorsements: 0 })
		expect(rowOf(tally, 'HR').cells['stage-1']).toEqual({ notes: 0, endorsements: 1 })
		expect(rowOf(tally, 'Sales')).toMatchObject({ notes: 3, endorsements: 2, zonesWorkedIn: ['centre', 'stage-1', 'stage-2'] })
		expect(tally.zones['stage-1']).toMatchObject({ notes: 2, endorsements: 2, departmentsInvolved: ['IT', 'Sales', 'HR'] })
		expect(tally.departmentsInvolved).toEqual(['IT', 'Sales', 'HR'])
	})

	it("gives each zone the share of the board's departments involved there", () => {
		const notes = [note('a', 'stage-1', 'Sales'), note('b', 'stage-1', 'IT'), note('c', 'stage-2', 'HR')]
		const tally = tallySupport(notes, [], DEPARTMENTS)
		expect(tally.zones['stage-1'].shareOfDepartments).toBe(0.5)
		expect(tally.zones['stage-2'].shareOfDepartments).toBe(0.25)
		expect(tally.zones['stage-3'].shareOfDepartments).toBe(0)
	})

	it('clamps the share at 1 when departments from outside the list take part', () => {
		const notes = [note('a', 'centre', 'Sales'), note('b', 'centre', 'Legal'), note('c', 'centre', null)]
		expect(tallySupport(notes, [], ['Sales', 'IT']).zones.centre.shareOfDepartments).toBe(1)
	})

	it('flags a stage whose notes all come from one department as an island', () => {
		const notes = [note('a', 'stage-4', 'IT'), note('b', 'stage-4', 'IT'), note('c', 'stage-5', 'Sales'), note('d', 'stage-5', 'HR')]
		const tally = tallySupport(notes, [], DEPARTMENTS)
		expect(tally.zones['stage-4'].isIsland).toBe(true)
		expect(tally.zones['stage-5'].isIsland).toBe(false)
		expect(tally.islandZones).toEqual(['stage-4'])
	})

	it('does not flag an empty zone as an island', () => {
		const tally = tallySupport([note('a', 'stage-4', 'IT')], [], DEPARTMENTS)
		expect(tally.zones['stage-3'].isIsland).toBe(false)
	})

	it('does not flag a stage with notes from two departments', () => {
		const tally = tallySupport([note('a', 'stage-2', 'IT'), note('b', 'stage-2', 'HR')], [], DEPARTMENTS)
		expect(tally.zones['stage-2'].isIsland).toBe(false)
	})

	it('lets an endorsement from another department break an island', () => {
		const notes = [note('a', 'stage-6', 'Marketing'), note('b', 'stage-6', 'Marketing')]
		expect(tallySupport(notes, [endorsement('a', 'p1', 'Marketing')], DEPARTMENTS).zones['stage-6'].isIsland).toBe(true)
		expect(tallySupport(notes, [endorsement('a', 'p2', 'IT')], DEPARTMENTS).zones['stage-6'].isIsland).toBe(false)
	})

	it('flags a department that contributed to only one zone while others work in several', () => {
		const notes = [note('a', 'stage-1', 'IT'), note('b', 'stage-1', 'Sales'), note('c', 'stage-2', 'Sales')]
		const tally = tallySupport(notes, [], DEPARTMENTS)
		expect(rowOf(tally, 'IT').isIsland).toBe(true)
		expect(rowOf(tally, 'Sales').isIsland).toBe(false)
		expect(rowOf(tally, 'HR').isIsland).toBe(false)
		expect(tally.islandDepartments).toEqual(['IT'])
	})

	it("counts a department's endorsements elsewhere as working in that zone too", () => {
		const notes = [note('a', 'stage-1', 'IT'), note('b', 'stage-2', 'Sales')]
		const tally = tallySupport(notes, [endorsement('b', 'p1', 'IT')], DEPARTMENTS)
		expect(rowOf(tally, 'IT')).toMatchObject({ zonesWorkedIn: ['stage-1', 'stage-2'], isIsland: false })
	})

	it('does not flag departments as islands when the whole board has only one active zone', () => {
		const notes = [note('a', 'stage-1', 'IT'), note('b', 'stage-1', 'Sales')]
		const tally = tallySupport(notes, [], DEPARTMENTS)
		expect(tally.islandDepartments).toEqual([])
		expect(tallySupport([note('a', 'centre', 'IT')], [], DEPARTMENTS).islandDepartments).toEqual([])
	})

	it('does not let parking-lot notes make the board count as having several active zones', () => {
		const notes = [note('a', 'stage-1', 'IT'), note('b', 'parking', 'Sales')]
		expect(tallySupport(notes, [], DEPARTMENTS).islandDepartments).toEqual([])
	})

	it('counts parking-lot notes apart, outside the matrix', () => {
		const notes = [note('a', 'parking', 'IT'), note('b', 'parking', null), note('c', 'stage-1', 'IT')]
		const tally = tallySupport(notes, [endorsement('a', 'p1', 'Sales')], DEPARTMENTS)
		expect(tally.parkingNotes).toBe(2)
		expect(rowOf(tally, 'IT').notes).toBe(1)
		expect(rowOf(tally, 'Sales').endorsements).toBe(0)
		expect(tally.departmentsInvolved).toEqual(['IT'])
	})

	it('counts notes without a department under the unknown department, listed last', () => {
		const notes = [note('a', 'stage-3', null), note('b', 'stage-3', 'Sales')]
		const tally = tallySupport(notes, [endorsement('a', 'p1', '  ')], DEPARTMENTS)
		expect(tally.departments.map((row) => row.department)).toEqual([...DEPARTMENTS, null])
		expect(rowOf(tally, null)).toMatchObject({ listed: false, notes: 1, endorsements: 1, zonesWorkedIn: ['stage-3'] })
		expect(tally.zones['stage-3'].departmentsInvolved).toEqual(['Sales', null])
	})

	it('adds departments that are not on the list, after the listed ones, alphabetically', () => {
		const notes = [note('a', 'centre', 'Legal'), note('b', 'centre', 'Facilities'), note('c', 'centre', 'IT')]
		const tally = tallySupport(notes, [], DEPARTMENTS)
		expect(tally.departments.map((row) => row.department)).toEqual([...DEPARTMENTS, 'Facilities', 'Legal'])
		expect(rowOf(tally, 'Legal').listed).toBe(false)
	})

	it('ignores endorsements of notes that are no longer on the board', () => {
		const tally = tallySupport([note('a', 'stage-1', 'IT')], [endorsement('gone', 'p1', 'Sales'), endorsement('gone', 'p2', 'Legal')], DEPARTMENTS)
		expect(rowOf(tally, 'Sales').endorsements).toBe(0)
		expect(tally.departments.map((row) => row.department)).toEqual(DEPARTMENTS)
		expect(tally.zones['stage-1'].isIsland).toBe(true)
	})

	it("counts a person's endorsement of a note once even if the data lists it twice", () => {
		const tally = tallySupport([note('a', 'stage-1', 'IT')], [endorsement('a', 'p1', 'Sales'), endorsement('a', 'p1', 'Sales')], DEPARTMENTS)
		expect(tally.zones['stage-1'].endorsements).toBe(1)
	})

	it("matches departments case- and space-insensitively and reports the board's spelling", () => {
		const notes = [note('a', 'stage-1', 'sales'), note('b', 'stage-1', ' SALES ')]
		const tally = tallySupport(notes, [endorsement('a', 'p1', 'Sales  '), endorsement('a', 'p2', 'klanten  service')], ['Sales', 'Klanten service'])
		expect(tally.departments.map((row) => row.department)).toEqual(['Sales', 'Klanten service'])
		expect(rowOf(tally, 'Sales').cells['stage-1']).toEqual({ notes: 2, endorsements: 1 })
		expect(rowOf(tally, 'Klanten service').cells['stage-1']).toEqual({ notes: 0, endorsements: 1 })
	})

	it('merges differently spelled departments that are not on the list into one row', () => {
		const notes = [note('a', 'centre', 'Legal'), note('b', 'centre', 'LEGAL ')]
		const tally = tallySupport(notes, [], DEPARTMENTS)
		expect(tally.departments.filter((row) => !row.listed).map((row) => row.department)).toEqual(['Legal'])
		expect(rowOf(tally, 'Legal').notes).toBe(2)
	})

	it("gives no share when the board's list is empty", () => {
		expect(tallySupport([note('a', 'centre', 'IT')], [], []).zones.centre.shareOfDepartments).toBe(0)
	})

	it('counts every note exactly once, in the matrix or as a parking-lot note', () => {
		const department = fc.constantFrom<string | null>('Sales', 'sales', 'IT', 'Legal', ' hr ', null)
		const draft = fc.record({ zone: fc.constantFrom(...ZONE_IDS), department })
		const endorsementDraft = fc.record({
			noteIndex: fc.nat(40),
			participantId: fc.constantFrom('p1', 'p2', 'p3'),
			department: fc.constantFrom('Sales', 'IT', 'x', ''),
		})
		fc.assert(
			fc.property(fc.array(draft, { maxLength: 40 }), fc.array(endorsementDraft, { maxLength: 40 }), (drafts, endorsementDrafts) => {
				const notes = drafts.map((d, i) => note(`shape:${i}`, d.zone, d.department))
				const endorsements = endorsementDrafts.map((e) => endorsement(`shape:${e.noteIndex}`, e.participantId, e.department))
				const tally = tallySupport(notes, endorsements, DEPARTMENTS)
				const inMatrix = tally.departments.reduce((sum, row) => sum + WORK_ZONE_IDS.reduce((s, zone) => s + row.cells[zone].notes, 0), 0)
				expect(inMatrix + tally.parkingNotes).toBe(notes.length)
				expect(tally.parkingNotes).toBe(notes.filter((n) => n.zone === 'parking').length)
				for (const zone of WORK_ZONE_IDS) {
					expect(tally.zones[zone].notes).toBe(notes.filter((n) => n.zone === zone).length)
					const share = tally.zones[zone].shareOfDepartments
					expect(share).toBeGreaterThanOrEqual(0)
					expect(share).toBeLessThanOrEqual(1)
				}
			}),
		)
	})

	it('keeps island flags consistent with the matrix for arbitrary boards', () => {
		const department = fc.constantFrom<string | null>('Sales', 'IT', 'Legal', null)
		const draft = fc.record({ zone: fc.constantFrom(...ZONE_IDS), department })
		fc.assert(
			fc.property(fc.array(draft, { maxLength: 30 }), (drafts) => {
				const tally = tallySupport(
					drafts.map((d, i) => note(`n${i}`, d.zone, d.department)),
					[],
					DEPARTMENTS,
				)
				const activeZones = WORK_ZONE_IDS.filter((zone) => tally.zones[zone].notes > 0)
				for (const zone of WORK_ZONE_IDS) {
					const departments = new Set(drafts.filter((d) => d.zone === zone).map((d) => d.department?.toLowerCase() ?? null))
					expect(tally.zones[zone].isIsland).toBe(departments.size === 1)
				}
				for (const row of tally.departments) expect(row.isIsland).toBe(row.zonesWorkedIn.length === 1 && activeZones.length > 1)
			}),
		)
	})
})

describe('endorsersOf', () => {
	it('lists the endorsers of one note, earliest first', () => {
		const endorsements = [
			endorsement('a', 'p2', 'IT', '2024-05-01T10:05:00.000Z'),
			endorsement('b', 'p3', 'IT', '2024-05-01T10:00:00.000Z'),
			endorsement('a', 'p1', 'Sales', '2024-05-01T10:01:00.000Z'),
		]
		expect(endorsersOf('a', endorsements).map((e) => e.participantId)).toEqual(['p1', 'p2'])
		expect(endorsersOf('none', endorsements)).toEqual([])
	})

	it('lists a person once, with their first endorsement', () => {
		const endorsements = [endorsement('a', 'p1', 'IT', '2024-05-01T10:05:00.000Z'), endorsement('a', 'p1', 'IT', '2024-05-01T10:01:00.000Z')]
		expect(endorsersOf('a', endorsements)).toEqual([endorsement('a', 'p1', 'IT', '2024-05-01T10:01:00.000Z')])
	})
})
