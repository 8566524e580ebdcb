import { normaliseDepartment, uniqueDepartments } from './departments.js'
import type { PlacedNote } from './zoneSummary.js'
import { STAGE_NUMBERS, type ZoneId } from './zones.js'

/**
 * Draagvlak made countable: per department and zone, who wrote notes and who endorsed them, and
 * where work is done by a single department ("islands", the classic failure of the articles).
 */

/** The zones where the plan is worked out. The parking lot holds what is set aside, so it says nothing about support. */
export type WorkZoneId = Exclude<ZoneId, 'parking'>

/** Centre, then stages 1-8: the order in which the support matrix lists zones. */
export const WORK_ZONE_IDS: readonly WorkZoneId[] = ['centre', ...STAGE_NUMBERS.map((stage) => `stage-${stage}` as const)]

export function isWorkZoneId(value: unknown): value is WorkZoneId {
	return typeof value === 'string' && (WORK_ZONE_IDS as readonly string[]).includes(value)
}

/** One person backing one note; `department` as they joined with (blank means unknown). */
export type Endorsement = { noteId: string; participantId: string; name: string; department: string; at: string }

export type SupportCell = { notes: number; endorsements: number }

export type DepartmentSupport = {
	/** Spelled as in the board's list when listed; `null` is the unknown department. */
	department: string | null
	/** On the board's list (false for a name from an older list, and for the unknown department). */
	listed: boolean
	cells: Record<WorkZoneId, SupportCell>
	notes: number
	endorsements: number
	/** Work zones with a note or endorsement of this department, in WORK_ZONE_IDS order. */
	zonesWorkedIn: WorkZoneId[]
	isIsland: boolean
}

export type ZoneSupport = {
	zone: WorkZoneId
	notes: number
	endorsements: number
	/** Departments with a note or endorsement here, in the order of SupportTally.departments. */
	departmentsInvolved: (string | null)[]
	/** departmentsInvolved.length / length of the board's list, clamped to 0..1. */
	shareOfDepartments: number
	isIsland: boolean
}

export type SupportTally = {
	/** The board's list in its order, then other departments seen on the board by name, then the unknown department if seen. */
	departments: DepartmentSupport[]
	zones: Record<WorkZoneId, ZoneSupport>
	parkingNotes: number
	/** Departments with any contribution in a work zone. */
	departmentsInvolved: (string | null)[]
	islandZones: WorkZoneId[]
	islandDepartments: (string | null)[]
}

/** The normalised name, '' for the unknown department: a blank name is no department either. */
type DepartmentKey = string

type Contribution = { key: DepartmentKey; zone: WorkZoneId; kind: 'notes' | 'endorsements' }

export function tallySupport(notes: readonly PlacedNote[], endorsements: readonly Endorsement[], departments: readonly string[]): SupportTally {
	const listed = uniqueDepartments(departments)
	const spellings = new Map<DepartmentKey, string | null>(listed.map((name) => [normaliseDepartment(name), name]))
	const seen = (department: string | null) => rememberSpelling(spellings, department)
	const zoneOfNote = new Map(notes.map((note) => [note.id, note.zone]))
	const contributions: Contribution[] = []
	let parkingNotes = 0
	for (const note of notes) {
		const key = seen(note.department)
		if (isWorkZoneId(note.zone)) contributions.push({ key, zone: note.zone, kind: 'notes' })
		else parkingNotes++
	}
	for (const endorsement of uniqueEndorsements(endorsements)) {
		const zone = zoneOfNote.get(endorsement.noteId)
		// An endorsement outlives its note when the note is deleted: it then backs nothing.
		if (zone === undefined) continue
		const key = seen(endorsement.department)
		if (isWorkZoneId(zone)) contributions.push({ key, zone, kind: 'endorsements' })
	}
	// A department alone on a board where only one zone is in use is not isolated: nobody works elsewhere.
	const severalZonesActive = new Set(contributions.map((contribution) => contribution.zone)).size > 1
	const rows = rowKeys(listed, spellings).map((key) =>
		departmentRow(key, spellings.get(key) ?? null, key !== '' && isListed(listed, key), contributions, severalZonesActive),
	)
	const zones = zoneSupports(rows, listed.length)
	return {
		departments: rows,
		zones,
		parkingNotes,
		departmentsInvolved: rows.filter((row) => row.zonesWorkedIn.length > 0).map((row) => row.department),
		islandZones: WORK_ZONE_IDS.filter((zone) => zones[zone].isIsland),
		islandDepartments: rows.filter((row) => row.isIsland).map((row) => row.department),
	}
}

/** Everyone who endorsed the note, earliest first; a person counts once (their first endorsement). */
export function endorsersOf(noteId: string, endorsements: readonly Endorsement[]): Endorsement[] {
	return uniqueEndorsements([...endorsements].filter((endorsement) => endorsement.noteId === noteId).sort(byTime))
}

/** Stores the first spelling of a department not on the list, and returns its key. */
function rememberSpelling(spellings: Map<DepartmentKey, string | null>, department: string | null): DepartmentKey {
	const key = department === null ? '' : normaliseDepartment(department)
	if (!spellings.has(key)) spellings.set(key, key === '' ? null : department!.trim().replace(/\s+/g, ' '))
	return key
}

/** A person backs a note once, however often malformed or replayed data lists it. */
function uniqueEndorsements(endorsements: readonly Endorsement[]): Endorsement[] {
	const seen = new Set<string>()
	return endorsements.filter((endorsement) => {
		const key = `${endorsement.noteId}|${endorsement.participantId}`
		if (seen.has(key)) return false
		seen.add(key)
		return true
	})
}

function byTime(a: Endorsement, b: Endorsement) {
	return a.at.localeCompare(b.at) || a.participantId.localeCompare(b.participantId)
}

/** Listed departments first, in the board's order, then the others alphabetically, the unknown one last. */
function rowKeys(listed: readonly string[], spellings: Map<DepartmentKey, string | null>): DepartmentKey[] {
	const listedKeys = listed.map(normaliseDepartment)
	const others = [...spellings.keys()].filter((key) => key !== '' && !listedKeys.includes(key)).sort((a, b) => a.localeCompare(b, 'nl'))
	return [...listedKeys, ...others, ...(spellings.has('') ? [''] : [])]
}

function isListed(listed: readonly string[], key: DepartmentKey): boolean {
	return listed.some((name) => normaliseDepartment(name) === key)
}

function departmentRow(
	key: DepartmentKey,
	department: string | null,
	listed: boolean,
	contributions: readonly Contribution[],
	severalZonesActive: boolean,
): DepartmentSupport {
	const cells = emptyCells()
	for (const contribution of contributions) if (contribution.key === key) cells[contribution.zone][contribution.kind]++
	const zonesWorkedIn = WORK_ZONE_IDS.filter((zone) => cells[zone].notes + cells[zone].endorsements > 0)
	return {
		department,
		listed,
		cells,
		notes: sumOf(WORK_ZONE_IDS.map((zone) => cells[zone].notes)),
		endorsements: sumOf(WORK_ZONE_IDS.map((zone) => cells[zone].endorsements)),
		zonesWorkedIn,
		isIsland: zonesWorkedIn.length === 1 && severalZonesActive,
	}
}

function zoneSupports(rows: readonly DepartmentSupport[], listedCount: number): Record<WorkZoneId, ZoneSupport> {
	const entries = WORK_ZONE_IDS.map((zone): [WorkZoneId, ZoneSupport] => {
		const involved = rows.filter((row) => row.cells[zone].notes + row.cells[zone].endorsements > 0)
		return [
			zone,
			{
				zone,
				notes: sumOf(rows.map((row) => row.cells[zone].notes)),
				endorsements: sumOf(rows.map((row) => row.cells[zone].endorsements)),
				departmentsInvolved: involved.map((row) => row.department),
				shareOfDepartments: shareOf(involved.length, listedCount),
				// One department alone, even if others endorse nothing there: an endorsement from elsewhere breaks it.
				isIsland: involved.length === 1,
			},
		]
	})
	return Object.fromEntries(entries) as Record<WorkZoneId, ZoneSupport>
}

/** Departments from outside the list (an older list, the unknown one) can push the count past the list: clamp. */
function shareOf(involved: number, listedCount: number): number {
	if (listedCount === 0) return 0
	return Math.min(1, involved / listedCount)
}

function emptyCells(): Record<WorkZoneId, SupportCell> {
	return Object.fromEntries(WORK_ZONE_IDS.map((zone) => [zone, { notes: 0, endorsements: 0 }])) as Record<WorkZoneId, SupportCell>
}

function sumOf(values: readonly number[]): number {
	return values.reduce((sum, value) => sum + value, 0)
}
