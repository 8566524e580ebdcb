import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
	endPrivateRound,
	isBoardLocked,
	readVoting,
	revealPrivateRoundZone,
	revealVoting,
	setBoardLocked,
	startPrivateRound,
	startVoting,
} from '../../shared/facilitationDoc'
import { MODEL_LAYOUT, zoneCentre } from '../../shared/model/geometry'
import type { ZoneId } from '../../shared/model/zones'
import { CLOSE_CODES } from '../../shared/closeCodes'
import { recordsOf, writeRecordChanges, type PlainRecord } from '../../shared/recordDoc'
import { readEndorsements, readOwnVotes, readVotes, toggleEndorsement, writeOwnVotes } from '../../shared/supportDoc'
import { FACILITATOR_KEY_HEADER, privateRoundTallyBody, privateRoundTallyPath, readBody } from '../../shared/wire/http'
import { boardPeople, type BoardPerson, type OpenDocument } from '../helpers/boardPeople'
import { noteRecord } from '../helpers/noteRecord'
import { removeDataDir, startServer, type RunningServer } from '../helpers/serverProcess'
import { waitFor } from '../helpers/waitFor'

let server: RunningServer
beforeAll(async () => {
	server = await startServer({ env: { ROOM_IDLE_MS: '200' } })
})
afterAll(async () => {
	await server.stop()
	removeDataDir(server)
})
const { createBoard, person } = boardPeople(() => server)

const ROUND = 'round-1'
const put = (doc: Y.Doc, ...records: object[]) => writeRecordChanges(doc, { put: records as PlainRecord[], removed: [] }, null)
const recordIn = (doc: Y.Doc, id: string) => recordsOf(doc).get(id)?.toJSON() as PlainRecord | undefined

/** A note of the round in the middle of `zone`, written by `author`. */
function privateNote(author: BoardPerson, id: string, zone: ZoneId, text: string) {
	const { x, y } = zoneCentre(MODEL_LAYOUT, zone)
	return {
		...noteRecord({ id, x: x - 100, y: y - 100, paragraphs: [text] }),
		meta: { authorName: 'Anna', department: 'IT', createdAt: '2026-01-05T10:00:00.000Z', authorId: author.participantId, privateRound: ROUND },
	}
}

/** Every frame the relay sends this document's socket from now on, as text where it is text. */
function wireOf({ provider }: OpenDocument): () => string {
	const frames: Buffer[] = []
	provider.ws!.addEventListener('message', (event: { data: unknown }) => frames.push(Buffer.from(event.data as ArrayBuffer)))
	return () => Buffer.concat(frames).toString('latin1')
}

/** A board in a private round: the facilitator, Anna who writes, Bram beside her, a viewer link. */
async function privateRound() {
	const board = await createBoard()
	const fay = await person(board.boardId, board.facilitatorKey)
	const facilitation = await fay.open('facilitation')
	startPrivateRound(facilitation.doc, ROUND)
	const anna = await person(board.boardId)
	const bram = await person(board.boardId)
	const bramBoard = await bram.open('board')
	const bramSees = [wireOf(bramBoard), wireOf(await bram.open('support')), wireOf(await bram.open('facilitation'))]
	return { ...board, fay, facilitation, anna, bram, bramBoard, bramSees: () => bramSees.map((wire) => wire()).join('') }
}

async function tallyFor(boardId: string, key: string | null) {
	const path = privateRoundTallyPath(boardId)
	const response = await fetch(server.httpUrl + path, { headers: key === null ? {} : { [FACILITATOR_KEY_HEADER]: key } })
	return { status: response.status, body: response.ok ? await readBody(response, path, privateRoundTallyBody) : await response.json() }
}

describe('private rounds and open votes: the relay serves them to their writer and the facilitator only, until revealed', () => {
	it("nobody else can open someone's private notes: participants and viewers are closed, nothing of the text reaches them", async () => {
		const { boardId, viewId, fay, anna, bram, bramBoard, bramSees } = await privateRound()
		const annasNotes = await anna.openPrivate()
		put(annasNotes.doc, privateNote(anna, 'shape:secret', 'stage-1', 'the CEO is the problem'))

		const byFay = await fay.openPrivate(anna.participantId)
		await waitFor(() => recordIn(byFay.doc, 'shape:secret'), { what: "Anna's note to reach the facilitator" })
		expect(await bram.closeCodeOf({ via: 'board', id: boardId, kind: 'private', owner: anna.participantId })).toBe(CLOSE_CODES.notYours)
		expect(await bram.closeCodeOf({ via: 'view', id: viewId, kind: 'private', owner: anna.participantId })).toBe(CLOSE_CODES.notYours)
		expect(await bram.closeCodeOf({ via: 'view', id: viewId, kind: 'private', owner: bram.participantId })).toBe(CLOSE_CODES.notYours)

		// A later change reaches Bram: whatever the relay had sent him of Anna's note would be there by then.
		const bramsNotes = await bram.openPrivate()
		put((await fay.open('board')).doc, noteRecord({ id: 'shape:public', x: 0, y: 0, paragraphs: ['out in the open'] }))
		await waitFor(() => bramSees().includes('out in the open'), { what: "the facilitator's later note to reach Bram" })
		expect(bramSees()).not.toContain('the CEO is the problem')
		expect(recordIn(bramBoard.doc, 'shape:secret')).toBeUndefined()
		expect(bramsNotes.doc.getMap('records').size).toBe(0)
		expect(annasNotes.refusals).toEqual([])
	})

	it('only the writer writes their private notes, and only their own notes go in', async () => {
		const { fay, anna, bram } = await privateRound()
		const byFay = await fay.openPrivate(anna.participantId)
		put(byFay.doc, privateNote(anna, 'shape:planted', 'stage-2', 'planted by the facilitator'))
		await waitFor(() => byFay.refusals.includes('not-your-entry'), { what: "the facilitator's write to be refused" })

		const bramsNotes = await bram.openPrivate()
		put(bramsNotes.doc, privateNote(anna, 'shape:forged', 'stage-2', 'in Anna’s name'))
		await waitFor(() => bramsNotes.refusals.includes('authorship'), { what: 'a note in another name to be refused' })
		const annasNotes = await anna.openPrivate()
		put(annasNotes.doc, { ...privateNote(anna, 'shape:box', 'stage-2', 'a box'), type: 'geo' })
		await waitFor(() => annasNotes.refusals.includes('malformed'), { what: 'a shape that is no note to be refused' })
		expect(annasNotes.doc.getMap('records').size).toBe(1)
		const check = await anna.openPrivate()
		expect(check.doc.getMap('records').size).toBe(0)
	})

	it('revealing a zone moves its notes onto the board as they are; ending the round moves the rest, also of a writer who left', async () => {
		const { fay, facilitation, anna, bramBoard, bramSees } = await privateRound()
		const annasNotes = await anna.openPrivate()
		const problem = privateNote(anna, 'shape:problem', 'stage-1', 'too few people read our posts')
		const audience = privateNote(anna, 'shape:audience', 'stage-3', 'young parents on Instagram')
		put(annasNotes.doc, problem, audience)
		const byFay = await fay.openPrivate(anna.participantId)
		await waitFor(() => recordIn(byFay.doc, 'shape:audience'), { what: "Anna's notes to be kept" })

		revealPrivateRoundZone(facilitation.doc, 'stage-1')
		await waitFor(() => recordIn(bramBoard.doc, 'shape:problem'), { what: 'the revealed note to reach the board' })
		expect(recordIn(bramBoard.doc, 'shape:problem')).toEqual(problem)
		await waitFor(() => !recordIn(annasNotes.doc, 'shape:problem'), { what: 'the revealed note to leave the private notes' })
		expect(recordIn(annasNotes.doc, 'shape:audience')).toEqual(audience)
		expect(bramSees()).not.toContain('young parents on Instagram')

		// Anna leaves; her private notes are unloaded from memory, and are moved from storage.
		annasNotes.provider.destroy()
		byFay.provider.destroy()
		await new Promise((resolve) => setTimeout(resolve, 600))
		endPrivateRound(facilitation.doc)
		await waitFor(() => recordIn(bramBoard.doc, 'shape:audience'), { what: 'the rest to reach the board when the round ends' })
		expect(recordIn(bramBoard.doc, 'shape:audience')).toEqual(audience)
		const afterwards = await anna.openPrivate()
		await waitFor(() => afterwards.doc.getMap('records').size === 0, { what: 'her private notes to be empty' })
	})

	it("a private note under the id of someone's note on the board never overwrites it", async () => {
		const { facilitation, anna, bram, bramBoard } = await privateRound()
		const annasBoard = await anna.open('board')
		const original = { ...noteRecord({ id: 'shape:annas', x: 0, y: 0, paragraphs: ['what Anna wrote'] }), meta: { authorId: anna.participantId } }
		put(annasBoard.doc, original)
		await waitFor(() => recordIn(bramBoard.doc, 'shape:annas'), { what: "Anna's note" })
		const bramsNotes = await bram.openPrivate()
		put(bramsNotes.doc, privateNote(bram, 'shape:annas', 'stage-1', 'what Bram makes of it'))
		await waitFor(() => recordIn(bramsNotes.doc, 'shape:annas'), { what: "Bram's note" })
		endPrivateRound(facilitation.doc)
		await waitFor(() => bramsNotes.doc.getMap('records').size === 0, { what: "Bram's private notes to be emptied" })
		expect(recordIn(bramBoard.doc, 'shape:annas')).toEqual(original)
		expect(bramsNotes.refusals).toEqual([])
	})

	it('a locked board takes no private notes either', async () => {
		const { facilitation, anna } = await privateRound()
		const annasSession = await anna.open('facilitation')
		setBoardLocked(facilitation.doc, true)
		const annasNotes = await anna.openPrivate()
		await waitFor(() => isBoardLocked(annasSession.doc), { what: 'the lock to reach Anna' })
		put(annasNotes.doc, privateNote(anna, 'shape:late', 'stage-1', 'written while locked'))
		await waitFor(() => annasNotes.refusals.includes('locked'), { what: 'the write to be refused' })
	})

	it('dots in the open round reach nobody else until the facilitator reveals the votes; then they count in the support document', async () => {
		const { fay, facilitation, anna, bram } = await privateRound()
		startVoting(facilitation.doc, 'vote-1', 3)
		const bramsSession = await bram.open('facilitation')
		await waitFor(() => readVoting(bramsSession.doc) !== null, { what: 'the voting round to open' })
		const annasOwn = await anna.openPrivate()
		const bramsSupport = await bram.open('support')
		const toBram = wireOf(bramsSupport)
		writeOwnVotes(annasOwn.doc, 'vote-1', anna.participantId, { 'shape:idea': 2 })
		const byFay = await fay.openPrivate(anna.participantId)
		await waitFor(() => readOwnVotes(byFay.doc, 'vote-1', anna.participantId)['shape:idea'] === 2, { what: "Anna's dots to be kept" })
		writeOwnVotes(annasOwn.doc, 'vote-1', anna.participantId, { 'shape:idea': 4 })
		await waitFor(() => annasOwn.refusals.includes('over-dot-budget'), { what: 'dots over the budget to be refused' })
		// A later endorsement reaches Bram: whatever the relay had sent him of Anna's dots would be there by then.
		toggleEndorsement((await fay.open('support')).doc, 'shape:idea', { id: fay.participantId, name: 'Fay', department: 'IT' })
		await waitFor(() => readEndorsements(bramsSupport.doc).length === 1, { what: 'a later endorsement to reach Bram' })
		expect(readVotes(bramsSupport.doc, 'vote-1')).toEqual([])
		expect(toBram()).not.toContain('vote-1')

		revealVoting(facilitation.doc)
		await waitFor(() => readVotes(bramsSupport.doc, 'vote-1').length === 1, { what: 'the revealed dots to reach Bram' })
		expect(readOwnVotes(bramsSupport.doc, 'vote-1', anna.participantId)).toEqual({ 'shape:idea': 2 })
		// As the server holds it (her own copy still has the refused dots in it).
		await waitFor(() => byFay.doc.getMap('votes').size === 0, { what: 'the dots to leave her own document' })
		expect(toBram()).toContain('vote-1')
	})

	it('the facilitator gets counts of what stays private, never a text; nobody else gets anything', async () => {
		const { boardId, facilitatorKey, facilitation, anna } = await privateRound()
		const annasNotes = await anna.openPrivate()
		put(annasNotes.doc, privateNote(anna, 'shape:one', 'stage-1', 'secret one'), privateNote(anna, 'shape:two', 'stage-3', 'secret two'))
		await waitFor(async () => (await tallyFor(boardId, facilitatorKey)).body.authors?.[0]?.count === 2, { what: 'the tally to count both' })
		const { status, body } = await tallyFor(boardId, facilitatorKey)
		expect(status).toBe(200)
		expect(body).toEqual({
			authors: [{ authorId: anna.participantId, name: 'Anna', department: 'IT', count: 2 }],
			zones: [
				{ zone: 'stage-1', count: 1 },
				{ zone: 'stage-3', count: 1 },
			],
		})
		expect(JSON.stringify(body)).not.toContain('secret')
		expect((await tallyFor(boardId, null)).status).toBe(403)
		expect((await tallyFor(boardId, 'not-the-key')).status).toBe(403)

		revealPrivateRoundZone(facilitation.doc, 'stage-3')
		await waitFor(async () => JSON.stringify((await tallyFor(boardId, facilitatorKey)).body.zones) === JSON.stringify([{ zone: 'stage-1', count: 1 }]), {
			what: 'the revealed zone to leave the tally',
		})
	})

	it('a board at its size limit takes no more notes from private documents: they wait there, the board stays within the limit', async () => {
		const small = await startServer({ env: { MAX_DOCUMENT_BYTES: '12000' } })
		try {
			const people = boardPeople(() => small)
			const { boardId } = await people.createBoard()
			const anna = await people.person(boardId)
			const witness = await (await people.person(boardId)).open('board')
			const annasNotes = await anna.openPrivate()
			const onServer = await anna.openPrivate()
			// No round runs, so each note is moved onto the board as soon as it is written, one after another.
			for (let index = 0; index < 6; index++) {
				const id = `shape:long-${index}`
				put(annasNotes.doc, { ...noteRecord({ id, x: 0, y: 0, paragraphs: ['x'.repeat(2000)] }), meta: { authorId: anna.participantId } })
				await waitFor(() => recordIn(witness.doc, id) || recordIn(onServer.doc, id), { what: `${id} on the board or kept private` })
			}
			const check = await anna.openPrivate()
			await waitFor(() => recordsOf(witness.doc).size + recordsOf(check.doc).size === 6, { what: 'every note on the board or still private' })
			expect(recordsOf(check.doc).size).toBeGreaterThan(0)
			expect(Y.encodeStateAsUpdate(witness.doc).byteLength).toBeLessThanOrEqual(12000)
		} finally {
			await small.stop()
			removeDataDir(small)
		}
	})
})
