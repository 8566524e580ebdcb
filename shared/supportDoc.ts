import * as Y from 'yjs'
import type { Endorsement } from './model/support.js'
import type { Votes } from './model/voting.js'

/**
 * A board's support data (endorsements and dot votes) in its own Y.Doc, apart from the board's
 * records: the server can then let participants write support while the board itself is locked.
 *
 * Every entry has its own key per person, `${noteId}|${participantId}` and
 * `${roundId}|${participantId}`, so two people acting at the same moment write different keys and
 * never overwrite each other. Participant and round ids never contain '|'; note ids may contain
 * anything (they look like 'shape:abc'), so keys are split at their LAST '|'.
 */
export const ENDORSEMENTS_MAP = 'endorsements'
export const VOTES_MAP = 'votes'

export type SupportParticipant = { id: string; name: string; department: string }

type StoredEndorsement = { name: string; department: string; at: string }

const endorsementsOf = (doc: Y.Doc) => doc.getMap<unknown>(ENDORSEMENTS_MAP)
const votesOf = (doc: Y.Doc) => doc.getMap<unknown>(VOTES_MAP)

/** All well-formed endorsements; entries some other client wrote wrongly are skipped, not fatal. */
export function readEndorsements(doc: Y.Doc): Endorsement[] {
	const endorsements: Endorsement[] = []
	for (const [key, value] of endorsementsOf(doc)) {
		const ids = splitKey(key)
		if (ids !== null && isStoredEndorsement(value)) {
			endorsements.push({ noteId: ids.head, participantId: ids.participantId, name: value.name, department: value.department, at: value.at })
		}
	}
	return endorsements
}

/** Endorses the note, or withdraws the endorsement if there is one; returns whether it is now endorsed. */
export function toggleEndorsement(doc: Y.Doc, noteId: string, participant: SupportParticipant, at: string = new Date().toISOString()): boolean {
	const key = keyOf(noteId, participant.id)
	const map = endorsementsOf(doc)
	// A malformed entry under our own key counts as not endorsed, and is replaced by a good one.
	if (isStoredEndorsement(map.get(key))) {
		map.delete(key)
		return false
	}
	const stored: StoredEndorsement = { name: participant.name, department: participant.department, at }
	map.set(key, stored)
	return true
}

export function isEndorsedBy(doc: Y.Doc, noteId: string, participantId: string): boolean {
	return isStoredEndorsement(endorsementsOf(doc).get(keyOf(noteId, participantId)))
}

/** Calls onChange after every change to endorsements or votes, local or remote; returns the unsubscribe. */
export function observeSupport(doc: Y.Doc, onChange: () => void): () => void {
	const notify = () => onChange()
	const types = [endorsementsOf(doc), votesOf(doc)]
	for (const type of types) type.observe(notify)
	return () => {
		for (const type of types) type.unobserve(notify)
	}
}

/** Every round's votes, by participant id; cleaned as readVotes describes. */
export type VoteBook = ReadonlyMap<string, ReadonlyMap<string, Votes>>

export function readVoteBook(doc: Y.Doc): VoteBook {
	const book = new Map<string, Map<string, Votes>>()
	for (const [key, value] of votesOf(doc)) {
		const ids = splitKey(key)
		const votes = cleanVotes(value)
		if (ids === null || Object.keys(votes).length === 0) continue
		const round = book.get(ids.head) ?? new Map<string, Votes>()
		book.set(ids.head, round.set(ids.participantId, votes))
	}
	return book
}

/**
 * The votes of every participant who voted in the round, cleaned: only positive whole dot counts
 * survive, and an entry left with none is no voter (so the length counts who voted).
 */
export const votesInRound = (book: VoteBook, roundId: string): Votes[] => [...(book.get(roundId)?.values() ?? [])]

export const readVotes = (doc: Y.Doc, roundId: string): Votes[] => votesInRound(readVoteBook(doc), roundId)

export function readOwnVotes(doc: Y.Doc, roundId: string, participantId: string): Votes {
	return cleanVotes(votesOf(doc).get(keyOf(roundId, participantId)))
}

/** Replaces the participant's votes in the round; no votes left means no key, so old rounds stay small. */
export function writeOwnVotes(doc: Y.Doc, roundId: string, participantId: string, votes: Votes): void {
	const key = keyOf(roundId, participantId)
	const clean = cleanVotes(votes)
	if (Object.keys(clean).length === 0) votesOf(doc).delete(key)
	else votesOf(doc).set(key, clean)
}

/** The key of a person's entry; refuses a participant id with '|', which would make the key ambiguous. */
function keyOf(head: string, participantId: string): string {
	if (participantId.includes('|')) throw new Error(`participant id must not contain '|': ${participantId}`)
	return `${head}|${participantId}`
}

function splitKey(key: string): { head: string; participantId: string } | null {
	const bar = key.lastIndexOf('|')
	if (bar <= 0 || bar === key.length - 1) return null
	return { head: key.slice(0, bar), participantId: key.slice(bar + 1) }
}

function isStoredEndorsement(value: unknown): value is StoredEndorsement {
	if (typeof value !== 'object' || value === null) return false
	const record = value as Record<string, unknown>
	return typeof record.name === 'string' && typeof record.department === 'string' && typeof record.at === 'string'
}

/** Positive whole dot counts only: a malformed or forged entry must not break or skew the count. */
function cleanVotes(value: unknown): Votes {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return {}
	const entries = Object.entries(value).filter(([, dots]) => typeof dots === 'number' && Number.isSafeInteger(dots) && dots > 0)
	return Object.fromEntries(entries)
}
