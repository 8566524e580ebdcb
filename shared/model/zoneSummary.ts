import { MODEL_LAYOUT, zoneOfPoint, type ModelLayout } from './geometry.js'
import { readNoteAuthorship, type NoteAuthorship } from './noteAuthorship.js'
import { centreOf, type Box } from './geometry.js'
import { ZONE_IDS, type ZoneId } from './zones.js'

/** A note as the summary needs it: where it is, who wrote it, what it says, its colour name. */
export type NoteOnBoard = { id: string; box: Box; meta: unknown; text: string; colour?: string }

export type PlacedNote = NoteOnBoard & NoteAuthorship & { zone: ZoneId }

export type ZoneSummary = {
	zone: ZoneId
	notes: PlacedNote[]
	/** Notes per department; `null` is the unknown department. Largest first. */
	departmentCounts: { department: string | null; count: number }[]
}

/** Groups notes by the zone their centre is in, oldest first, with counts per department. */
export function summariseZones(notes: readonly NoteOnBoard[], layout: ModelLayout = MODEL_LAYOUT): ZoneSummary[] {
	const byZone = new Map<ZoneId, PlacedNote[]>(ZONE_IDS.map((zone) => [zone, []]))
	for (const note of notes) {
		const placed = { ...note, ...readNoteAuthorship(note.meta), zone: zoneOfPoint(centreOf(note.box), layout) }
		byZone.get(placed.zone)!.push(placed)
	}
	return ZONE_IDS.map((zone) => {
		const zoneNotes = byZone.get(zone)!.sort(byCreation)
		return { zone, notes: zoneNotes, departmentCounts: countDepartments(zoneNotes) }
	})
}

function countDepartments(notes: PlacedNote[]) {
	const counts = new Map<string | null, number>()
	for (const note of notes) counts.set(note.department, (counts.get(note.department) ?? 0) + 1)
	return [...counts]
		.map(([department, count]) => ({ department, count }))
		.sort((a, b) => b.count - a.count || (a.department ?? '\uffff').localeCompare(b.department ?? '\uffff'))
}

function byCreation(a: PlacedNote, b: PlacedNote) {
	return (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a.id.localeCompare(b.id)
}
