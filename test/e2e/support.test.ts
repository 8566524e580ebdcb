import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import type * as Y from 'yjs'
import { FACILITATION_MAP, LOCKED_KEY, revealPrivateRound, revealVoting, setBoardLocked, startPrivateRound, startVoting } from '../../shared/facilitationDoc'
import { DEFAULT_DEPARTMENTS } from '../../shared/model/departments'
import { MODEL_TEXTS } from '../../shared/model/modelTexts'
import { voteResults } from '../../shared/model/voting'
import { readRecord, recordsOf } from '../../shared/recordDoc'
import { readEndorsements, readOwnVotes, readVotes } from '../../shared/supportDoc'
import { saveScreenshot } from '../helpers/browser'
import { waitFor } from '../helpers/waitFor'
import { addNoteWithPlus, panelNote, shapeSelector, shapeTransform, waitForShape, waitForZoneCount } from './boardPage'
import { boardRoles, type CreatedBoard } from './boardRoles'
import { browserSession } from './browserSession'

const session = browserSession({ viewport: { width: 1600, height: 900 } })

const ANNA = { name: 'Anna', department: 'Marketing' }
const BRAM = { name: 'Bram', department: 'IT' }
const FENNA = { name: 'Fenna', department: 'Directie/Management' }

const { createBoard, asParticipant, asFacilitator, asViewer, documentClient, ownDocumentOf } = boardRoles(session)

/** The facilitator's tools are someone else's UI: these tests drive the facilitation state through its document, as those tools do. */
const facilitationOf = (board: CreatedBoard) => documentClient(`${board.boardId}/facilitation`, board.facilitatorKey)

/** What a fresh client reads from the server: the honest witness of what was stored. */
const serverDoc = (room: string) => documentClient(room)
const sortedDots = (votes: Record<string, number>) => JSON.stringify(Object.entries(votes).sort())

const endorseButton = (page: Page, noteId: string) => page.locator(`[data-testid=endorse][data-note-id="${noteId}"]`)
const voteDot = (page: Page, noteId: string) => page.locator(`[data-testid=vote-dot][data-note-id="${noteId}"]`)

async function waitForEndorsements(page: Page, noteId: string, count: number) {
	await page.locator(`[data-testid=endorse][data-note-id="${noteId}"][data-count="${count}"]`).waitFor()
}

/** Brings a note close through its side panel entry, so its badge is big enough to read and click. */
async function showNote(page: Page, zone: string, noteId: string) {
	await panelNote(page, zone, noteId).locator('button').click()
	await endorseButton(page, noteId).waitFor()
	await waitForStillCamera(page)
}

/** Waits until the camera has not moved for a few frames: the panel's jump to a note is animated. */
async function waitForStillCamera(page: Page) {
	await page.waitForFunction(
		() =>
			new Promise<boolean>((resolve) => {
				const layer = document.querySelector('.tl-html-layer') as HTMLElement
				const before = layer.style.transform
				setTimeout(() => resolve(layer.style.transform === before), 150)
			}),
	)
}

/** The camera back on the whole model, so every zone's "+" is on screen. */
async function showWholeBoard(page: Page) {
	await page.keyboard.press('Shift+1')
}

/** Whether the page's own copy of the board holds the record, seen or not. */
const pageHasRecord = (page: Page, id: string) =>
	page.evaluate(
		(id) =>
			(window as unknown as { strategyBoard: { doc: { getMap: (name: string) => Map<string, unknown> } } }).strategyBoard.doc.getMap('records').has(id),
		id,
	)

const cell = (page: Page, department: string, zone: string) => page.locator(`[data-testid="cell-${department}-${zone}"]`)

async function waitForCell(page: Page, department: string, zone: string, notes: number, endorsements: number) {
	await page.locator(`[data-testid="cell-${department}-${zone}"][data-notes="${notes}"][data-endorsements="${endorsements}"]`).waitFor()
}

const percent = (departments: number) => `${Math.round((departments / DEFAULT_DEPARTMENTS.length) * 100)}%`

describe('support on the board: endorsements, draagvlak, private rounds and dot voting', () => {
	test("a participant endorses another person's note: both pages show the count and the endorser, and endorsing again takes it back", async () => {
		const board = await createBoard()
		const a = await asParticipant(board, ANNA)
		const b = await asParticipant(board, BRAM)
		const note = await addNoteWithPlus(a, 'stage-1', 'Customer service costs too much')
		await waitForShape(b, note)
		await showNote(b, 'stage-1', note)
		await waitForEndorsements(a, note, 0)
		expect(await endorseButton(a, note).getAttribute('data-endorsed')).toBe('false')

		// The badge hangs on the note's bottom edge at its left corner, clear of the middle (tldraw's clone handle).
		// Both measured in one frame, so a camera still settling cannot pull them apart.
		const [noteBox, badgeBox] = await b.evaluate(
			(selectors) => selectors.map((selector) => document.querySelector(selector)!.getBoundingClientRect().toJSON() as DOMRect),
			[shapeSelector(note), `[data-testid=support-badge][data-note-id="${note}"]`],
		)
		expect(Math.abs(badgeBox.y + badgeBox.height / 2 - (noteBox.y + noteBox.height))).toBeLessThan(4)
		expect(Math.abs(badgeBox.x - noteBox.x)).toBeLessThan(10)
		expect(badgeBox.x + badgeBox.width).toBeLessThan(noteBox.x + noteBox.width / 2)

		const viewer = await asViewer(board)
		await waitForShape(viewer, note)
		const before = await shapeTransform(b, note)
		await endorseButton(b, note).click()
		for (const page of [a, b, viewer]) await waitForEndorsements(page, note, 1)
		expect(await endorseButton(b, note).getAttribute('data-endorsed')).toBe('true')
		expect(await endorseButton(a, note).getAttribute('data-endorsed')).toBe('false')
		for (const page of [a, b, viewer]) expect(await endorseButton(page, note).getAttribute('title')).toBe('Endorsed by Bram (IT)')
		// A viewer sees the support but has nothing to press.
		expect(await endorseButton(viewer, note).evaluate((element) => element.tagName)).toBe('SPAN')
		// The side panel counts it beside the note.
		for (const page of [a, b]) {
			await panelNote(page, 'stage-1', note).locator('[data-testid=panel-endorsements][data-count="1"]').waitFor()
		}
		// Clicking the badge neither moved the note nor started editing it.
		expect(await shapeTransform(b, note)).toBe(before)
		expect(await b.locator(`${shapeSelector(note)} [contenteditable=true]`).count()).toBe(0)
		await saveScreenshot(b, 'support-endorsed-page-b')
		await saveScreenshot(a, 'support-endorsed-page-a')

		await endorseButton(b, note).click()
		for (const page of [a, b, viewer]) await waitForEndorsements(page, note, 0)
		for (const page of [a, b]) {
			await panelNote(page, 'stage-1', note).locator('[data-testid=panel-endorsements]').waitFor({ state: 'detached' })
		}
		expect(await endorseButton(b, note).getAttribute('data-endorsed')).toBe('false')
		expect(readEndorsements(await serverDoc(`${board.boardId}/support`))).toEqual([])
	})

	test('the draagvlak matrix and its island flags follow the notes and endorsements of two departments live', async () => {
		const board = await createBoard()
		const a = await asParticipant(board, ANNA)
		const b = await asParticipant(board, BRAM)
		await addNoteWithPlus(a, 'stage-1', 'Too few leads')
		await showWholeBoard(a)
		await addNoteWithPlus(a, 'stage-1', 'Webcare is expensive')
		await a.locator('[data-testid=open-draagvlak]').click()
		await a.locator('[data-testid=draagvlak]').waitFor()

		await waitForCell(a, 'Marketing', 'stage-1', 2, 0)
		expect(await cell(a, 'Marketing', 'stage-1').innerText()).toBe('2 · 0')
		await a.locator('[data-testid=island-stage-1]').waitFor()
		expect(await a.locator('[data-testid=island-stage-1]').innerText()).toContain('Island')
		expect(await a.locator('[data-testid=share-stage-1]').innerText()).toBe(percent(1))
		expect(await a.locator('[data-testid=zone-head-stage-1]').getAttribute('title')).toBe('Problem statement & focus points')
		// Only one zone is in use: nobody is isolated from work elsewhere.
		expect(await a.locator('[data-testid^=island-department-]').count()).toBe(0)
		await saveScreenshot(a, 'support-draagvlak-island')

		await addNoteWithPlus(b, 'stage-1', 'Tickets pile up after releases')
		await waitForCell(a, 'IT', 'stage-1', 1, 0)
		await a.locator('[data-testid=island-stage-1]').waitFor({ state: 'detached' })
		expect(await a.locator('[data-testid=share-stage-1]').innerText()).toBe(percent(2))

		// Marketing alone in stage 2: an island there, and IT now works in one zone while others work in two.
		await showWholeBoard(a)
		const stage2Note = await addNoteWithPlus(a, 'stage-2', 'Young families')
		await waitForCell(a, 'Marketing', 'stage-2', 1, 0)
		await a.locator('[data-testid=island-stage-2]').waitFor()
		await a.locator('[data-testid=island-department-IT]').waitFor()
		expect(await a.locator('[data-testid=island-department-Marketing]').count()).toBe(0)

		// An endorsement from IT is support from outside: stage 2 is no island any more, nor is IT.
		await waitForShape(b, stage2Note)
		await showNote(b, 'stage-2', stage2Note)
		await endorseButton(b, stage2Note).click()
		await waitForCell(a, 'IT', 'stage-2', 0, 1)
		expect(await cell(a, 'IT', 'stage-2').innerText()).toBe('0 · 1')
		await a.locator('[data-testid=island-stage-2]').waitFor({ state: 'detached' })
		await a.locator('[data-testid=island-department-IT]').waitFor({ state: 'detached' })
		expect(await a.locator('[data-testid=share-stage-2]').innerText()).toBe(percent(2))
		expect(await a.locator('[data-testid=draagvlak-summary]').innerText()).toContain(`2 of ${DEFAULT_DEPARTMENTS.length} departments involved`)
		await saveScreenshot(a, 'support-draagvlak-two-departments')

		await a.locator('[data-testid=language-nl]').click()
		await a.locator(`[data-testid=zone-head-stage-1][title="${MODEL_TEXTS.nl.stages[1].title}"]`).waitFor()
		expect(await a.locator('[data-testid=draagvlak-summary]').innerText()).toContain(`2 van ${DEFAULT_DEPARTMENTS.length} afdelingen betrokken`)
		await a.locator('[data-testid=close-draagvlak]').click()
		await a.locator('[data-testid=draagvlak]').waitFor({ state: 'detached' })
	})

	test("during a private round nobody sees the others' new notes until the facilitator reveals them", async () => {
		const board = await createBoard()
		const facilitation = await facilitationOf(board)
		const a = await asParticipant(board, ANNA)
		const b = await asParticipant(board, BRAM)
		const shared = await addNoteWithPlus(a, 'centre', 'Written before the round')
		await waitForShape(b, shared)

		startPrivateRound(facilitation, 'round-1')
		for (const page of [a, b]) await page.locator('[data-testid=private-banner]').waitFor()
		await showWholeBoard(a)
		const ofA = await addNoteWithPlus(a, 'stage-1', 'Idea of Anna')
		const ofB = await addNoteWithPlus(b, 'stage-3', 'Idea of Bram')

		// Each note stays in its writer's private notes (test/e2e/privateRound.test.ts reads the wire): the board has neither yet.
		const onServer = recordsOf(await serverDoc(board.boardId))
		for (const [page, own, other, otherZone] of [
			[a, ofA, ofB, 'stage-3'],
			[b, ofB, ofA, 'stage-1'],
		] as const) {
			await waitForShape(page, own)
			await waitForShape(page, shared)
			expect(await pageHasRecord(page, other)).toBe(false)
			expect(await page.locator(shapeSelector(other)).count()).toBe(0)
			expect(await endorseButton(page, other).count()).toBe(0)
			await waitForZoneCount(page, otherZone, 0)
			expect(await panelNote(page, otherZone, other).count()).toBe(0)
		}
		expect(onServer.has(ofA) || onServer.has(ofB)).toBe(false)
		await saveScreenshot(a, 'support-private-round-page-a')

		revealPrivateRound(facilitation)
		for (const page of [a, b]) {
			await waitForShape(page, ofA)
			await waitForShape(page, ofB)
			await panelNote(page, 'stage-1', ofA).waitFor()
			await panelNote(page, 'stage-3', ofB).waitFor()
			await endorseButton(page, ofA).waitFor()
			await endorseButton(page, ofB).waitFor()
		}
		// On the board now, each with its round and its own author.
		await waitFor(() => onServer.has(ofA) && onServer.has(ofB), { what: 'the revealed notes on the server board' })
		const metaOf = (id: string) => readRecord(onServer.get(id)!).meta as Record<string, unknown>
		expect(metaOf(ofA).privateRound).toBe('round-1')
		expect(metaOf(ofB).privateRound).toBe('round-1')
		expect(metaOf(ofA).authorId).toEqual(expect.any(String))
		expect(metaOf(ofA).authorId).not.toBe(metaOf(ofB).authorId)
		expect(metaOf(shared).privateRound).toBeUndefined()
		await saveScreenshot(a, 'support-private-round-revealed-page-a')
	})

	test('dot voting: two participants spend two dots each, and the revealed results match the dots cast', async () => {
		const board = await createBoard()
		const facilitation = await facilitationOf(board)
		const f = await asFacilitator(board, FENNA)
		const a = await asParticipant(board, ANNA)
		const b = await asParticipant(board, BRAM)
		const costs = await addNoteWithPlus(a, 'stage-1', 'Lower service costs')
		const webcare = await addNoteWithPlus(b, 'stage-3', 'Webcare where they are')
		for (const page of [a, b, f]) {
			await waitForShape(page, costs)
			await waitForShape(page, webcare)
		}

		startVoting(facilitation, 'vote-1', 2)
		for (const page of [a, b]) await page.locator('[data-testid=dots-left][data-count="2"]').waitFor()
		expect(await a.locator('[data-testid=dots-left]').innerText()).toBe('2 dots left')

		// Anna: one dot on each note; a third does not fit her budget.
		await showNote(a, 'stage-1', costs)
		await voteDot(a, costs).click()
		await a.locator(`[data-testid=vote-dot][data-note-id="${costs}"][data-my-dots="1"]`).waitFor()
		await a.locator('[data-testid=dots-left][data-count="1"]').waitFor()
		await showNote(a, 'stage-3', webcare)
		await voteDot(a, webcare).click()
		await a.locator('[data-testid=dots-left][data-count="0"]').waitFor()
		expect(await voteDot(a, webcare).getAttribute('aria-disabled')).toBe('true')
		// Clicked anyway (it is not a disabled button, so that right-click works): nothing changes.
		await voteDot(a, webcare).click({ force: true })

		// Bram changes his mind twice: the '−' and a right-click take a dot back.
		await showNote(b, 'stage-1', costs)
		await voteDot(b, costs).click()
		await b.locator(`[data-testid=vote-dot][data-note-id="${costs}"][data-my-dots="1"]`).waitFor()
		await b.locator(`[data-testid=unvote-dot][data-note-id="${costs}"]`).click()
		await b.locator(`[data-testid=vote-dot][data-note-id="${costs}"][data-my-dots="0"]`).waitFor()
		await showNote(b, 'stage-3', webcare)
		await voteDot(b, webcare).click()
		await voteDot(b, webcare).click()
		await b.locator('[data-testid=dots-left][data-count="0"]').waitFor()
		await voteDot(b, webcare).click({ button: 'right', force: true })
		await b.locator(`[data-testid=vote-dot][data-note-id="${webcare}"][data-my-dots="1"]`).waitFor()
		await b.locator('[data-testid=dots-left][data-count="1"]').waitFor()
		await voteDot(b, webcare).click()
		await b.locator(`[data-testid=vote-dot][data-note-id="${webcare}"][data-my-dots="2"]`).waitFor()
		await saveScreenshot(b, 'support-voting-open-page-b')

		// Until the reveal everyone sees only their own dots.
		expect(await voteDot(a, webcare).getAttribute('data-my-dots')).toBe('1')
		expect(await a.locator(`[data-testid=vote-dot][data-note-id="${costs}"]`).getAttribute('data-my-dots')).toBe('1')
		for (const page of [a, b, f]) expect(await page.locator('[data-testid=vote-total]').count()).toBe(0)
		// On the server each person's dots wait in their own document, which only they and the facilitator receive.
		const [ofA, ofB] = await Promise.all([a, b].map((page) => ownDocumentOf(board, page)))
		const dotsIn = ({ doc, participantId }: { doc: Y.Doc; participantId: string }) => sortedDots(readOwnVotes(doc, 'vote-1', participantId))
		await waitFor(() => dotsIn(ofA!) === sortedDots({ [costs]: 1, [webcare]: 1 }) && dotsIn(ofB!) === sortedDots({ [webcare]: 2 }), {
			what: 'both voters on the server',
		})
		const cast = await serverDoc(`${board.boardId}/support`)
		expect(readVotes(cast, 'vote-1')).toEqual([])

		revealVoting(facilitation)
		await waitFor(() => readVotes(cast, 'vote-1').length === 2, { what: 'the revealed dots in the support document' })
		expect(voteResults(readVotes(cast, 'vote-1'))).toEqual([
			{ noteId: webcare, dots: 3 },
			{ noteId: costs, dots: 1 },
		])
		for (const page of [a, b, f]) {
			await page.locator('[data-testid=vote-results]').waitFor()
			await page.locator(`[data-testid=vote-total][data-note-id="${webcare}"][data-count="3"]`).waitFor()
			await page.locator(`[data-testid=vote-total][data-note-id="${costs}"][data-count="1"]`).waitFor()
			const ranking = await page
				.locator('[data-testid=vote-result]')
				.evaluateAll((items) =>
					items.map((item) => [
						item.getAttribute('data-note-id'),
						item.getAttribute('data-dots'),
						item.querySelector('.support-results__text')?.textContent,
					]),
				)
			expect(ranking).toEqual([
				[webcare, '3', 'Webcare where they are'],
				[costs, '1', 'Lower service costs'],
			])
			expect(await page.locator('[data-testid=dots-left]').count()).toBe(0)
			expect(await page.locator('[data-testid=vote-dot]').count()).toBe(0)
		}
		await saveScreenshot(a, 'support-voting-revealed-page-a')
		await saveScreenshot(f, 'support-voting-revealed-facilitator')
	})

	test('endorsing keeps working while the facilitator has locked the board', async () => {
		const board = await createBoard()
		const facilitation = await facilitationOf(board)
		const a = await asParticipant(board, ANNA)
		const b = await asParticipant(board, BRAM)
		const note = await addNoteWithPlus(b, 'stage-2', 'Involve IT from the start')
		await waitForShape(a, note)

		setBoardLocked(facilitation, true)
		// With the key: a participant's empty sync reply to the facilitation document is refused (and logged).
		const witness = await documentClient(`${board.boardId}/facilitation`, board.facilitatorKey)
		await waitFor(() => witness.getMap(FACILITATION_MAP).get(LOCKED_KEY) === true, { what: 'the lock on the server' })
		for (const page of [a, b]) await page.locator('[data-testid=locked-banner]').waitFor()

		await showNote(a, 'stage-2', note)
		await endorseButton(a, note).click()
		await showNote(b, 'stage-2', note)
		await endorseButton(b, note).click()
		for (const page of [a, b]) await waitForEndorsements(page, note, 2)
		const support = await serverDoc(`${board.boardId}/support`)
		await waitFor(() => readEndorsements(support).length === 2, { what: 'both endorsements on the server' })
		expect(
			readEndorsements(support)
				.map(({ noteId, name, department }) => ({ noteId, name, department }))
				.sort((x, y) => x.name.localeCompare(y.name)),
		).toEqual([
			{ noteId: note, name: 'Anna', department: 'Marketing' },
			{ noteId: note, name: 'Bram', department: 'IT' },
		])
		// The board itself stayed locked the whole time.
		expect(witness.getMap(FACILITATION_MAP).get(LOCKED_KEY)).toBe(true)
		await saveScreenshot(a, 'support-endorsed-while-locked')
	})
})
