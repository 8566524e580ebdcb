import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addDepartment, ensureDepartmentList, readBoardSettings, removeDepartment, setBoardTitle, setPromptOverride } from '../../shared/boardSettings'
import { readVoting, startVoting } from '../../shared/facilitationDoc'
import { stageZoneRecordId, STAGE_ZONE_TYPE } from '../../shared/model/zoneRecords'
import { recordsOf, writeRecordChanges, type PlainRecord } from '../../shared/recordDoc'
import { readEndorsements, readOwnVotes, toggleEndorsement, writeOwnVotes } from '../../shared/supportDoc'
import type { RefusalCode } from '../../shared/wire/refusals'
import { boardPeople, type BoardPerson, type OpenDocument } from '../helpers/boardPeople'
import { noteRecord } from '../helpers/noteRecord'
import { removeDataDir, startServer, type RunningServer } from '../helpers/serverProcess'
import { waitFor } from '../helpers/waitFor'

let server: RunningServer
beforeAll(async () => {
	server = await startServer()
})
afterAll(async () => {
	await server.stop()
	removeDataDir(server)
})
const { createBoard, person } = boardPeople(() => server)

const ZONE_ID = stageZoneRecordId(1)
const zone = {
	...noteRecord({ id: ZONE_ID, x: -1600, y: -1600 }),
	type: STAGE_ZONE_TYPE,
	isLocked: true,
	props: { stage: 1, innerRadius: 440, outerRadius: 1600 },
}
const UPLOAD = `/uploads/${'0f'.repeat(32)}.png`

const put = (doc: Y.Doc, ...records: object[]) => writeRecordChanges(doc, { put: records as PlainRecord[], removed: [] }, null)
const remove = (doc: Y.Doc, id: string) => writeRecordChanges(doc, { put: [], removed: [id] }, null)
const recordIn = (doc: Y.Doc, id: string) => recordsOf(doc).get(id)?.toJSON() as PlainRecord | undefined
const noteBy = (author: BoardPerson, id: string) => ({
	...noteRecord({ id, x: 100, y: 100 }),
	meta: { authorName: 'Anna', department: 'IT', createdAt: '2026-01-05T10:00:00.000Z', authorId: author.participantId },
})

/**
 * A board as a workshop has it: the facilitator drew a zone and the department list, Anna wrote a
 * note; a witness has the board and support documents open all along and sees what the relay keeps.
 */
async function workshop() {
	const { boardId, facilitatorKey } = await createBoard()
	const fay = await person(boardId, facilitatorKey)
	const fayBoard = await fay.open('board')
	put(fayBoard.doc, zone)
	ensureDepartmentList(fayBoard.doc)
	const anna = await person(boardId)
	const annaBoard = await anna.open('board')
	put(annaBoard.doc, noteBy(anna, 'shape:annas'))
	const witnessPerson = await person(boardId)
	const witness = { board: await witnessPerson.open('board'), support: await witnessPerson.open('support') }
	await waitFor(() => recordIn(witness.board.doc, 'shape:annas') && recordIn(witness.board.doc, ZONE_ID), { what: 'the workshop to be set up' })
	return { boardId, fay, fayBoard, anna, annaBoard, witness, intruder: await person(boardId) }
}

let markCount = 0
/** Waits until the witness sees a change made after `refused` was refused: whatever the relay had forwarded of the refused update would be there by then. */
async function refusedAndSettled(refused: OpenDocument, code: RefusalCode, honest: OpenDocument, witness: OpenDocument) {
	await waitFor(() => refused.refusals.includes(code), { what: `a ${code} refusal` })
	expect(refused.refusals).toEqual([code])
	const mark = `mark-${++markCount}`
	honest.doc.getMap('marks').set(mark, true)
	await waitFor(() => witness.doc.getMap('marks').get(mark), { what: 'a later honest change to reach the witness' })
}

describe('the relay enforces the write policy inside the documents', () => {
	it("endorsements: one's own goes through; one forged under another id, or a thousand at once, never reach anyone", async () => {
		const { anna, witness, intruder } = await workshop()
		const annaSupport = await anna.open('support')
		toggleEndorsement(annaSupport.doc, 'shape:annas', { id: anna.participantId, name: 'Anna', department: 'IT' })
		await waitFor(() => readEndorsements(witness.support.doc).length === 1, { what: "Anna's endorsement" })

		const forged = await intruder.open('support')
		toggleEndorsement(forged.doc, 'shape:annas', { id: 'bram-the-ceo', name: 'Bram', department: 'Directie/Management' })
		await refusedAndSettled(forged, 'not-your-entry', annaSupport, witness.support)
		const flood = await intruder.open('support')
		flood.doc.transact(() => {
			for (let index = 0; index < 1000; index++)
				toggleEndorsement(flood.doc, 'shape:annas', { id: `fake-${index}`, name: `Fan ${index}`, department: 'Sales' })
		})
		await refusedAndSettled(flood, 'not-your-entry', annaSupport, witness.support)
		const rewritten = await intruder.open('support')
		rewritten.doc.getMap('endorsements').set(`shape:annas|${anna.participantId}`, { name: 'Anna', department: 'Sales', at: 'now' })
		await refusedAndSettled(rewritten, 'not-your-entry', annaSupport, witness.support)

		expect(readEndorsements(witness.support.doc).map(({ participantId, department }) => [participantId, department])).toEqual([[anna.participantId, 'IT']])
		expect(annaSupport.refusals).toEqual([])
	})

	it("dots: one's own in the open round go through; someone else's cannot be deleted; over the budget or outside the round is refused", async () => {
		const { boardId, fay, anna, witness, intruder } = await workshop()
		startVoting((await fay.open('facilitation')).doc, 'round-1', 3)
		const onlooker = await (await person(boardId)).open('facilitation')
		await waitFor(() => readVoting(onlooker.doc), { what: 'the round to open' })
		const annaSupport = await anna.open('support')
		writeOwnVotes(annaSupport.doc, 'round-1', anna.participantId, { 'shape:annas': 2 })
		await waitFor(() => readOwnVotes(witness.support.doc, 'round-1', anna.participantId)['shape:annas'] === 2, { what: "Anna's dots" })

		const deleter = await intruder.open('support')
		deleter.doc.getMap('votes').delete(`round-1|${anna.participantId}`)
		await refusedAndSettled(deleter, 'not-your-entry', annaSupport, witness.support)
		const greedy = await intruder.open('support')
		writeOwnVotes(greedy.doc, 'round-1', intruder.participantId, { 'shape:annas': 3003 })
		await refusedAndSettled(greedy, 'over-dot-budget', annaSupport, witness.support)
		const late = await intruder.open('support')
		writeOwnVotes(late.doc, 'round-0', intruder.participantId, { 'shape:annas': 1 })
		await refusedAndSettled(late, 'voting-closed', annaSupport, witness.support)
		const honest = await intruder.open('support')
		writeOwnVotes(honest.doc, 'round-1', intruder.participantId, { 'shape:annas': 1 })
		await waitFor(() => readOwnVotes(witness.support.doc, 'round-1', intruder.participantId)['shape:annas'] === 1, { what: "the intruder's honest dot" })

		expect(readOwnVotes(witness.support.doc, 'round-1', anna.participantId)).toEqual({ 'shape:annas': 2 })
		expect(witness.support.doc.getMap('votes').size).toBe(2)
		expect(honest.refusals).toEqual([])
	})

	it('the zones: a participant cannot move, resize, unlock, delete or fake one; the facilitator can change them', async () => {
		const { fayBoard, annaBoard, witness, intruder } = await workshop()
		const attacks: [string, (doc: Y.Doc) => void][] = [
			['move', (doc) => put(doc, { ...recordIn(doc, ZONE_ID)!, x: 0 })],
			['resize', (doc) => put(doc, { ...recordIn(doc, ZONE_ID)!, props: { ...zone.props, outerRadius: 100 } })],
			['unlock', (doc) => put(doc, { ...recordIn(doc, ZONE_ID)!, isLocked: false })],
			['delete', (doc) => remove(doc, ZONE_ID)],
			['fake', (doc) => put(doc, { ...zone, id: 'shape:fake-zone' })],
		]
		for (const [, attack] of attacks) {
			const attacker = await intruder.open('board')
			attack(attacker.doc)
			await refusedAndSettled(attacker, 'model-facilitator-only', annaBoard, witness.board)
		}
		expect(recordIn(witness.board.doc, ZONE_ID)).toEqual(zone)
		expect(recordIn(witness.board.doc, 'shape:fake-zone')).toBeUndefined()

		put(fayBoard.doc, { ...zone, x: -1500 })
		await waitFor(() => recordIn(witness.board.doc, ZONE_ID)?.x === -1500, { what: "the facilitator's change to the zone" })
		expect(fayBoard.refusals).toEqual([])
	})

	it('the board settings: a participant cannot change the title or prompts or remove a department, but may append one; the facilitator can do all', async () => {
		const { fayBoard, annaBoard, witness, intruder } = await workshop()
		const attacks: ((doc: Y.Doc) => void)[] = [
			(doc) => setBoardTitle(doc, 'Nobody reads this'),
			(doc) => setPromptOverride(doc, 'stage-1', 'en', ['Buy our product']),
			(doc) => removeDepartment(doc, 'IT'),
		]
		for (const attack of attacks) {
			const attacker = await intruder.open('board')
			attack(attacker.doc)
			await refusedAndSettled(attacker, 'model-facilitator-only', annaBoard, witness.board)
		}
		const before = readBoardSettings(witness.board.doc)
		expect(before).toMatchObject({ title: '', promptOverrides: {} })
		expect(before.departments).toContain('IT')

		addDepartment(annaBoard.doc, 'Legal')
		await waitFor(() => readBoardSettings(witness.board.doc).departments.includes('Legal'), { what: "Anna's new department" })
		setBoardTitle(fayBoard.doc, 'Social strategy Q3')
		setPromptOverride(fayBoard.doc, 'stage-1', 'en', ['Who is it for?'])
		removeDepartment(fayBoard.doc, 'IT')
		await waitFor(() => !readBoardSettings(witness.board.doc).departments.includes('IT'), { what: "the facilitator's changes" })
		expect(readBoardSettings(witness.board.doc)).toMatchObject({ title: 'Social strategy Q3', promptOverrides: { 'stage-1.en': ['Who is it for?'] } })
		expect([...annaBoard.refusals, ...fayBoard.refusals]).toEqual([])
	})

	it('nothing from another host: an asset whose source is elsewhere and an embed are refused, an upload of ours goes through', async () => {
		const { annaBoard, witness, intruder } = await workshop()
		const asset = (id: string, src: string) => ({
			id,
			typeName: 'asset',
			type: 'image',
			props: { src, w: 8, h: 8, name: 'p.png', isAnimated: false, mimeType: 'image/png' },
			meta: {},
		})
		const offOrigin = await intruder.open('board')
		put(offOrigin.doc, asset('asset:pixel', 'https://tracker.example/pixel.png'))
		await refusedAndSettled(offOrigin, 'off-origin', annaBoard, witness.board)
		const embed = await intruder.open('board')
		put(embed.doc, { ...noteRecord({ id: 'shape:video', x: 0, y: 0 }), type: 'embed', props: { w: 560, h: 315, url: 'https://www.youtube.com/watch?v=x' } })
		await refusedAndSettled(embed, 'off-origin', annaBoard, witness.board)
		expect(recordIn(witness.board.doc, 'asset:pixel')).toBeUndefined()
		expect(recordIn(witness.board.doc, 'shape:video')).toBeUndefined()

		put(annaBoard.doc, asset('asset:ours', UPLOAD))
		await waitFor(() => recordIn(witness.board.doc, 'asset:ours'), { what: 'the upload of ours' })
		expect(annaBoard.refusals).toEqual([])
	})

	it("notes stay everyone's to edit, move and delete, but a note cannot be written in someone else's name or change author", async () => {
		const { boardId, anna, annaBoard, witness, intruder } = await workshop()
		const inTheirName = await intruder.open('board')
		put(inTheirName.doc, noteBy(anna, 'shape:framed'))
		await refusedAndSettled(inTheirName, 'authorship', annaBoard, witness.board)
		const reauthored = await intruder.open('board')
		const annas = recordIn(reauthored.doc, 'shape:annas')!
		put(reauthored.doc, { ...annas, meta: { ...(annas.meta as object), authorName: 'Bram', department: 'Sales' } })
		await refusedAndSettled(reauthored, 'authorship', annaBoard, witness.board)
		expect(recordIn(witness.board.doc, 'shape:framed')).toBeUndefined()
		expect(recordIn(witness.board.doc, 'shape:annas')!.meta).toEqual(noteBy(anna, 'shape:annas').meta)

		const bram = await person(boardId)
		const bramBoard = await bram.open('board')
		put(bramBoard.doc, noteBy(bram, 'shape:brams'))
		put(bramBoard.doc, {
			...recordIn(bramBoard.doc, 'shape:annas')!,
			x: 640,
			props: { ...noteRecord({ id: 'x', x: 0, y: 0, paragraphs: ['rewritten by Bram'] }).props },
		})
		remove(bramBoard.doc, 'shape:brams')
		await waitFor(() => recordIn(witness.board.doc, 'shape:annas')?.x === 640 && !recordIn(witness.board.doc, 'shape:brams'), { what: "Bram's edits" })
		remove(bramBoard.doc, 'shape:annas')
		await waitFor(() => !recordIn(witness.board.doc, 'shape:annas'), { what: "Bram deleting Anna's note" })
		expect([...bramBoard.refusals, ...annaBoard.refusals]).toEqual([])
		expect(anna.participantId).not.toBe(bram.participantId)
	})
})
