import type { PrivateRound } from '../facilitationDoc.js'
import { readNoteAuthorship } from './noteAuthorship.js'
import { zoneOfPoint } from './geometry.js'
import { ZONE_IDS, type ZoneId } from './zones.js'

/**
 * What a private round keeps out of the board, and what the facilitator may know of it meanwhile:
 * how many notes each person keeps private and where. The tally reads notes whole on the server,
 * and gives out counts only.
 */

/** `authorId` null: notes whose meta names no author (not written by this app), counted together. */
export type HiddenAuthor = { authorId: string | null; name: string | null; department: string | null; count: number }

export type HiddenNotesTally = {
	/** By name, so a row does not jump while its count grows. */
	authors: HiddenAuthor[]
	/** Zones holding hidden notes, in ZONE_IDS order. */
	zones: { zone: ZoneId; count: number }[]
}

/** The records that stay private (see staysPrivate), counted per author and per zone. */
export function tallyHiddenNotes(round: PrivateRound | null, records: readonly unknown[]): HiddenNotesTally {
	const hidden = records.flatMap((record) => {
		const zone = zoneOfNoteRecord(record)
		return zone !== null && staysPrivate(round, record) ? [{ meta: recordOf(record).meta, zone }] : []
	})
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

/** tldraw's note is 200 by 200 page units at scale 1, taller by `growY` when its text needs it. */
const NOTE_SIZE = 200

/**
 * The zone a note record lies in, read from the record alone (server and browser agree without a
 * tldraw editor): the centre of its unrotated box. A record that is no note lies nowhere.
 */
export function zoneOfNoteRecord(record: unknown): ZoneId | null {
	const { typeName, type, x, y, props } = recordOf(record)
	if (typeName !== 'shape' || type !== 'note' || typeof x !== 'number' || typeof y !== 'number') return null
	const { scale, growY } = recordOf(props)
	const size = typeof scale === 'number' && scale > 0 ? scale : 1
	const grown = typeof growY === 'number' && growY > 0 ? growY : 0
	return zoneOfPoint({ x: x + (NOTE_SIZE / 2) * size, y: y + ((NOTE_SIZE + grown) / 2) * size })
}

/**
 * Whether a note is kept out of the board for now: a note of the running round, in a zone not
 * revealed yet. Such notes live in their writer's private document (server/relay/PrivateDocuments.ts),
 * which the relay serves only to that person and the facilitator, and move onto the board when
 * this turns false.
 */
export function staysPrivate(round: PrivateRound | null, record: unknown): boolean {
	if (round === null || round.revealed) return false
	const zone = zoneOfNoteRecord(record)
	return zone !== null && recordOf(recordOf(record).meta).privateRound === round.id && !round.revealedZones.includes(zone)
}
