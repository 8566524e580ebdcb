import { describe, it, expect } from 'vitest'
import * as Y from 'yjs'
import {
	ENDORSEMENTS_MAP,
	isEndorsedBy,
	observeSupport,
	readEndorsements,
	readOwnVotes,
	readVotes,
	toggleEndorsement,
	VOTES_MAP,
	writeOwnVotes,
} from '../../shared/supportDoc'

const ann = { id: 'p-ann', name: 'Ann', department: 'Sales' }
const bob = { id: 'p-bob', name: 'Bob', department: 'IT' }
const AT = '2024-05-01T10:00:00.000Z'

/** Two replicas that exchange their full states both ways, as after reconnecting. */
function exchange(a: Y.Doc, b: Y.Doc) {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

const byParticipant = (doc: Y.Doc) => readEndorsements(doc).sort((x, y) => x.participantId.localeCompare(y.participantId))

describe('endorsements', () => {
	it('reads none from an empty document', () => {
		expect(readEndorsements(new Y.Doc())).toEqual([])
	})

	it('endorses a note and reads the endorsement back with its note id containing a colon', () => {
		const doc = new Y.Doc()
		expect(toggleEndorsement(doc, 'shape:abc', ann, AT)).toBe(true)
		expect(readEndorsements(doc)).toEqual([{ noteId: 'shape:abc', participantId: 'p-ann', name: 'Ann', department: 'Sales', at: AT }])
		expect(isEndorsedBy(doc, 'shape:abc', 'p-ann')).toBe(true)
		expect(isEndorsedBy(doc, 'shape:abc', 'p-bob')).toBe(false)
		expect(isEndorsedBy(doc, 'shape:other', 'p-ann')).toBe(false)
	})

	it('splits keys at the last bar, so a note id with a bar still reads back whole', () => {
		const doc = new Y.Doc()
		toggleEndorsement(doc, 'shape:a|b', ann, AT)
		expect(readEndorsements(doc).map((e) => [e.noteId, e.participantId])).toEqual([['shape:a|b', 'p-ann']])
	})

	it('stamps the endorsement with the current time when none is given', () => {
		const doc = new Y.Doc()
		const before = new Date().toISOString()
		toggleEndorsement(doc, 'shape:a', ann)
		const [endorsement] = readEndorsements(doc)
		expect(endorsement!.at >= before).toBe(true)
		expect(Number.isNaN(Date.parse(endorsement!.at))).toBe(false)
	})

	it('withdraws the endorsement when toggled a second time', () => {
		const doc = new Y.Doc()
		toggleEndorsement(doc, 'shape:a', ann, AT)
		expect(toggleEndorsement(doc, 'shape:a', ann, AT)).toBe(false)
		expect(readEndorsements(doc)).toEqual([])
		expect(isEndorsedBy(doc, 'shape:a', 'p-ann')).toBe(false)
	})

	it('keeps both endorsements when two people endorse the same note concurrently', () => {
		const a = new Y.Doc()
		const b = new Y.Doc()
		toggleEndorsement(a, 'shape:n', ann, AT)
		toggleEndorsement(b, 'shape:n', bob, AT)
		exchange(a, b)
		const expected = [
			{ noteId: 'shape:n', participantId: 'p-ann', name: 'Ann', department: 'Sales', at: AT },
			{ noteId: 'shape:n', participantId: 'p-bob', name: 'Bob', department: 'IT', at: AT },
		]
		expect(byParticipant(a)).toEqual(expected)
		expect(byParticipant(b)).toEqual(expected)
	})

	it('skips malformed entries and keeps the good ones', () => {
		const doc = new Y.Doc()
		const map = doc.getMap<unknown>(ENDORSEMENTS_MAP)
		map.set('shape:a|p1', 'yes')
		map.set('shape:a|p2', null)
		map.set('shape:a|p3', { name: 'C', department: 7, at: AT })
		map.set('shape:a|p4', { name: 'D', department: 'IT' })
		map.set('no-bar', { name: 'E', department: 'IT', at: AT })
		map.set('|p6', { name: 'F', department: 'IT', at: AT })
		map.set('shape:a|', { name: 'G', department: 'IT', at: AT })
		map.set('shape:a|p8', { name: 'H', department: 'IT', at: AT })
		expect(readEndorsements(doc)).toEqual([{ noteId: 'shape:a', participantId: 'p8', name: 'H', department: 'IT', at: AT }])
	})

	it("replaces a malformed entry under the participant's own key with an endorsement", () => {
		const doc = new Y.Doc()
		doc.getMap<unknown>(ENDORSEMENTS_MAP).set('shape:a|p-ann', 'garbage')
		expect(isEndorsedBy(doc, 'shape:a', 'p-ann')).toBe(false)
		expect(toggleEndorsement(doc, 'shape:a', ann, AT)).toBe(true)
		expect(isEndorsedBy(doc, 'shape:a', 'p-ann')).toBe(true)
	})

	it('refuses a participant id with a bar, which would make keys ambiguous', () => {
		expect(() => toggleEndorsement(new Y.Doc(), 'shape:a', { ...ann, id: 'p|x' }, AT)).toThrow()
	})
})

describe('votes', () => {
	it('reads no votes from an empty document', () => {
		const doc = new Y.Doc()
		expect(readVotes(doc, 'r1')).toEqual([])
		expect(readOwnVotes(doc, 'r1', 'p-ann')).toEqual({})
	})

	it("writes and reads back a participant's own votes per round", () => {
		const doc = new Y.Doc()
		writeOwnVotes(doc, 'r1', 'p-ann', { 'shape:a': 2, 'shape:b': 1 })
		writeOwnVotes(doc, 'r2', 'p-ann', { 'shape:c': 1 })
		expect(readOwnVotes(doc, 'r1', 'p-ann')).toEqual({ 'shape:a': 2, 'shape:b': 1 })
		expect(readVotes(doc, 'r1')).toEqual([{ 'shape:a': 2, 'shape:b': 1 }])
		expect(readVotes(doc, 'r2')).toEqual([{ 'shape:c': 1 }])
		expect(readVotes(doc, 'r3')).toEqual([])
	})

	it("removes the participant's entry when all their dots are taken back", () => {
		const doc = new Y.Doc()
		writeOwnVotes(doc, 'r1', 'p-ann', { 'shape:a': 1 })
		writeOwnVotes(doc, 'r1', 'p-ann', {})
		expect(doc.getMap(VOTES_MAP).size).toBe(0)
		expect(readVotes(doc, 'r1')).toEqual([])
	})

	it("keeps every participant's votes when they vote concurrently", () => {
		const a = new Y.Doc()
		const b = new Y.Doc()
		writeOwnVotes(a, 'r1', 'p-ann', { 'shape:x': 3 })
		writeOwnVotes(b, 'r1', 'p-bob', { 'shape:x': 1, 'shape:y': 2 })
		exchange(a, b)
		for (const doc of [a, b]) {
			expect(readOwnVotes(doc, 'r1', 'p-ann')).toEqual({ 'shape:x': 3 })
			expect(readOwnVotes(doc, 'r1', 'p-bob')).toEqual({ 'shape:x': 1, 'shape:y': 2 })
			expect(readVotes(doc, 'r1')).toHaveLength(2)
		}
	})

	it('cleans malformed votes when reading and skips entries left without dots', () => {
		const doc = new Y.Doc()
		const map = doc.getMap<unknown>(VOTES_MAP)
		map.set('r1|p1', { 'shape:a': 2, 'shape:b': -1, 'shape:c': 1.5, 'shape:d': '3' })
		map.set('r1|p2', 'garbage')
		map.set('r1|p3', [1, 2])
		map.set('r1|p4', { 'shape:a': 0 })
		map.set('no-bar', { 'shape:a': 1 })
		expect(readVotes(doc, 'r1')).toEqual([{ 'shape:a': 2 }])
		expect(readOwnVotes(doc, 'r1', 'p1')).toEqual({ 'shape:a': 2 })
	})
})

describe('observeSupport', () => {
	it('reports endorsement and vote changes until unsubscribed', () => {
		const doc = new Y.Doc()
		let calls = 0
		const stop = observeSupport(doc, () => calls++)
		toggleEndorsement(doc, 'shape:a', ann, AT)
		writeOwnVotes(doc, 'r1', 'p-ann', { 'shape:a': 1 })
		expect(calls).toBe(2)
		stop()
		toggleEndorsement(doc, 'shape:a', ann, AT)
		expect(calls).toBe(2)
	})

	it('reports changes that arrive from another replica', () => {
		const a = new Y.Doc()
		const b = new Y.Doc()
		let calls = 0
		observeSupport(b, () => calls++)
		toggleEndorsement(a, 'shape:a', ann, AT)
		exchange(a, b)
		expect(calls).toBe(1)
		expect(isEndorsedBy(b, 'shape:a', 'p-ann')).toBe(true)
	})
})
