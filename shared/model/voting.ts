import { zoneOfPoint } from './geometry.js'
import { centreOf, type Box } from './geometry.js'
import type { ZoneId } from './zones.js'

/**
 * Dot voting: each participant has a budget of dots to spread over notes, several on one note if
 * they like. Votes arrive from other clients' documents, so everything that reads them treats
 * them as untrusted: a count that is not a whole number of dots is no dots.
 */

/** noteId -> dots of ONE participant. */
export type Votes = Record<string, number>

export type VoteResult = { noteId: string; dots: number }

/** A note as a round sees it: the zone of its centre decides whether a round limited to a zone counts it. */
export type VotableNote = { id: string; box: Box }

/** What a round's count depends on: the dots per person and the one zone it counts (null: every note). */
export type RoundRules = { dotsPerPerson: number; zone: ZoneId | null }

export function dotsUsed(votes: Votes): number {
	return validEntries(votes).reduce((sum, [, dots]) => sum + dots, 0)
}

export function dotsLeft(budget: number, votes: Votes): number {
	return Math.max(0, wholeDots(budget) - dotsUsed(votes))
}

/** The votes with one more dot on the note, or null when the budget is spent. */
export function castDot(budget: number, votes: Votes, noteId: string): Votes | null {
	if (dotsLeft(budget, votes) === 0) return null
	const clean = validVotes(votes)
	return { ...clean, [noteId]: dotsOn(clean, noteId) + 1 }
}

/** The votes with one dot fewer on the note; a note at zero dots loses its key, so votes stay small. */
export function takeBackDot(votes: Votes, noteId: string): Votes {
	const clean = validVotes(votes)
	const dots = dotsOn(clean, noteId)
	if (dots <= 1) {
		delete clean[noteId]
		return clean
	}
	return { ...clean, [noteId]: dots - 1 }
}

/**
 * Votes cut down to the budget, for data written by an old or forged client. Notes are taken in
 * id order, so every client cuts the same dots whatever order the keys arrived in.
 */
export function clampToBudget(budget: number, votes: Votes): Votes {
	let left = wholeDots(budget)
	const kept: [string, number][] = []
	for (const [noteId, dots] of validEntries(votes).sort(([a], [b]) => compareIds(a, b))) {
		const dotsKept = Math.min(dots, left)
		if (dotsKept > 0) kept.push([noteId, dotsKept])
		left -= dotsKept
	}
	return Object.fromEntries(kept)
}

/**
 * Dots per note over all participants, most first, ties by note id; notes without dots are left
 * out. With `noteIds`, dots on other notes (deleted ones, say) are dropped before the budget is
 * applied, so they never crowd out a participant's dots on notes that still exist.
 */
export function voteResults(allVotes: readonly Votes[], noteIds?: readonly string[], budget?: number): VoteResult[] {
	const onBoard = noteIds === undefined ? null : new Set(noteIds)
	const totals = new Map<string, number>()
	for (const votes of allVotes) {
		const counted = validEntries(votes).filter(([noteId]) => onBoard === null || onBoard.has(noteId))
		const kept = budget === undefined ? Object.fromEntries(counted) : clampToBudget(budget, Object.fromEntries(counted))
		for (const [noteId, dots] of Object.entries(kept)) totals.set(noteId, (totals.get(noteId) ?? 0) + dots)
	}
	return [...totals].map(([noteId, dots]) => ({ noteId, dots })).sort((a, b) => b.dots - a.dots || compareIds(a.noteId, b.noteId))
}

/** Whether a round limited to the zone counts a note with this box; a round without a zone counts every note. */
export function isInRoundZone(box: Box, zone: ZoneId | null): boolean {
	return zone === null || zoneOfPoint(centreOf(box)) === zone
}

/**
 * A round's results over the notes on the board that it counts. Clients offer dots only on those
 * notes, but the server cannot check where a note is, so a raw client may write dots anywhere:
 * dots on notes outside the round's zone are dropped before the budget, so they gain nothing.
 * A note counts by where it is now: moved out of the zone after the vote, it leaves the results.
 */
export function roundResults(allVotes: readonly Votes[], notes: readonly VotableNote[], round: RoundRules): VoteResult[] {
	const counted = notes.filter((note) => isInRoundZone(note.box, round.zone)).map((note) => note.id)
	return voteResults(allVotes, counted, round.dotsPerPerson)
}

/** Only entries with a positive whole number of dots; anything else (negative, 1.5, NaN, '3') is no vote. */
function validEntries(votes: unknown): [string, number][] {
	if (typeof votes !== 'object' || votes === null || Array.isArray(votes)) return []
	return Object.entries(votes).filter((entry): entry is [string, number] => isDotCount(entry[1]) && entry[1] > 0)
}

/** Own keys only: a note id like 'constructor' must not read Object.prototype. */
function dotsOn(votes: Votes, noteId: string): number {
	return Object.hasOwn(votes, noteId) ? votes[noteId]! : 0
}

function validVotes(votes: Votes): Votes {
	return Object.fromEntries(validEntries(votes))
}

function isDotCount(value: unknown): value is number {
	return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

/** A budget of 2.7 dots allows 2; a negative or NaN budget allows none. */
function wholeDots(budget: number): number {
	return Number.isFinite(budget) ? Math.max(0, Math.floor(budget)) : 0
}

/** Code-unit order, not locale order: every client must sort the same way. */
function compareIds(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0
}
