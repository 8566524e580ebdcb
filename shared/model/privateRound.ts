import type { PrivateRound } from '../facilitationDoc.js'
import { readNoteAuthorship } from './noteAuthorship.js'
import { ZONE_IDS, type ZoneId } from './zones.js'

/**
 * What a private round hides from whom, and what the facilitator may know of it meanwhile: how
 * many notes each person keeps hidden and where. Notes come in without their text, so no tally
 * can leak it.
 */

/** A note as private mode reads it: its meta (author, round) and the zone its centre is in. */
export type RoundNote = { meta: unknown; zone: ZoneId }

/** `authorId` null: notes whose meta names no author (not written by this app), counted together. */
export type HiddenAuthor = { authorId: string | null; name: string | null; department: string | null; count: number }

export type HiddenNotesTally = {
	/** By name, so a row does not jump while its count grows. */
	authors: HiddenAuthor[]
	/** Zones holding hidden notes, in ZONE_IDS order. */
	zones: { zone: ZoneId; count: number }[]
}

/** Hidden: written by someone else in the running round, in a zone not revealed yet. */
export function isHiddenFrom(round: PrivateRound | null, note: RoundNote, viewerId: string): boolean {
	if (round === null || round.revealed || round.revealedZones.includes(note.zone)) return false
	const meta = recordOf(note.meta)
	return meta.privateRound === round.id && meta.authorId !== viewerId
}

/** The notes hidden from this viewer, counted per author and per zone. */
export function tallyHiddenNotes(round: PrivateRound | null, notes: readonly RoundNote[], viewerId: string): HiddenNotesTally {
	const hidden = notes.filter((note) => isHiddenFrom(round, note, viewerId))
	const authors = new Map<string | null, HiddenAuthor>()
	for (const note of hidden) {
		const authorId = authorIdOf(note.meta)
		const { authorName, department } = readNoteAuthorship(note.meta)
		const author = authors.get(authorId) ?? { authorId, name: authorName, department, count: 0 }
		authors.set(authorId, { ...author, count: author.count + 1 })
	}
	const zones = ZONE_IDS.map((zone) => ({ zone, count: hidden.filter((note) => note.zone === zone).length }))
	return { authors: [...authors.values()].sort(byName), zones: zones.filter(({ count }) => count > 0) }
}

function recordOf(meta: unknown): Record<string, unknown> {
	return typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>) : {}
}

function authorIdOf(meta: unknown): string | null {
	const { authorId } = recordOf(meta)
	return typeof authorId === 'string' && authorId !== '' ? authorId : null
}

/** Nameless authors last; namesakes in a fixed order by id. */
function byName(a: HiddenAuthor, b: HiddenAuthor): number {
	return (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') || (a.authorId ?? '').localeCompare(b.authorId ?? '')
}
