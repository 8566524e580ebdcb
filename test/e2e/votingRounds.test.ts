import type { Locator, Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { closeVoting, readVoting, revealVoting, startVoting } from '../../shared/facilitationDoc'
import { voteResults } from '../../shared/model/voting'
import { readOwnVotes, readVotes, writeOwnVotes } from '../../shared/supportDoc'
import { saveScreenshot } from '../helpers/browser'
import { waitFor } from '../helpers/waitFor'
import { addNoteWithPlus, panelNote, waitForShape } from './boardPage'
import { boardRoles } from './boardRoles'
import { browserSession } from './browserSession'

const session = browserSession({ viewport: { width: 1600, height: 900 } })

const ANNA = { name: 'Anna', department: 'Marketing' }
const BRAM = { name: 'Bram', department: 'IT' }
const CEES = { name: 'Cees', department: 'Sales' }
const FENNA = { name: 'Fenna', department: 'Directie/Management' }

const { createBoard, asParticipant, asFacilitator, documentClient, identifiedClient, ownDocumentOf } = boardRoles(session)

const byTestId = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]`)
const voteDot = (page: Page, noteId: string) => page.locator(`[data-testid=vote-dot][data-note-id="${noteId}"]`)
const voteTotal = (page: Page, noteId: string) => page.locator(`[data-testid=vote-total][data-note-id="${noteId}"]`)

/**
 * Jumps to the note through its side panel entry, so its badge is big enough to click, and puts a
 * dot on it. Playwright clicks only once the badge has stopped moving, so the jump's animation is
 * over; the count on the dot says the click was taken.
 */
async function putDot(page: Page, zone: string, noteId: string) {
	const before = Number(await voteDot(page, noteId).getAttribute('data-my-dots'))
	await panelNote(page, zone, noteId).locator('button').click()
	await voteDot(page, noteId).click()
	await page.locator(`[data-testid=vote-dot][data-note-id="${noteId}"][data-my-dots="${before + 1}"]`).waitFor()
}

/** The ranked notes a results list shows, as [note id, dots]. */
const rankingIn = (results: Locator) =>
	results
		.locator('[data-testid=vote-result]')
		.evaluateAll((items) => items.map((item) => [item.getAttribute('data-note-id'), item.getAttribute('data-dots')]))

/** Waits until the list ranks exactly these notes; the list and the notes' badges are separate components, each updated when its data arrives. */
async function waitForRanking(results: Locator, expected: string[][]) {
	const wanted = JSON.stringify(expected)
	await waitFor(async () => JSON.stringify(await rankingIn(results)) === wanted, { timeoutMs: 15_000, what: `the ranking ${wanted}` })
}

// Three people adding notes through the UI take half the default minute on a loaded 2-core machine: a ceiling, not a measure.
describe('dot voting rounds: limited to a stage, and looked up again after closing', () => {
	test("a round limited to stage 3 puts dots only on stage 3's notes, and its results count only those, whatever a raw client writes elsewhere", async () => {
		const board = await createBoard()
		const facilitation = await documentClient(`${board.boardId}/facilitation`, board.facilitatorKey)
		const f = await asFacilitator(board, FENNA)
		const a = await asParticipant(board, ANNA)
		const b = await asParticipant(board, BRAM)
		const costs = await addNoteWithPlus(a, 'stage-1', 'Lower service costs')
		const webcare = await addNoteWithPlus(b, 'stage-3', 'Webcare where they are')
		const forum = await addNoteWithPlus(b, 'stage-3', 'A customer forum')
		for (const page of [a, b, f]) for (const note of [costs, webcare, forum]) await waitForShape(page, note)

		await byTestId(f, 'voting-zone').selectOption('stage-3')
		await byTestId(f, 'voting-dots').fill('2')
		await byTestId(f, 'voting-start').click()
		const round = await waitFor(() => readVoting(facilitation), { what: 'the round on the server' })
		expect(round.zone).toBe('stage-3')
		await saveScreenshot(f, 'voting-rounds-limited-facilitator-tools')

		for (const page of [a, b]) {
			await page.locator('[data-testid=dots-left][data-count="2"]').waitFor()
			expect(await byTestId(page, 'dots-left').innerText()).toBe('2 dots left · 3. Online behaviour of the target group')
			// One render draws every badge: once stage 3's dots are there, the stage 1 note's badge is too, without a dot.
			await voteDot(page, webcare).waitFor({ state: 'attached' })
			await voteDot(page, forum).waitFor({ state: 'attached' })
			await page.locator(`[data-testid=support-badge][data-note-id="${costs}"]`).waitFor({ state: 'attached' })
			expect(await voteDot(page, costs).count()).toBe(0)
		}
		await saveScreenshot(a, 'voting-rounds-limited-open-page-a')

		await putDot(a, 'stage-3', webcare)
		await putDot(a, 'stage-3', forum)
		await putDot(b, 'stage-3', webcare)
		await putDot(b, 'stage-3', webcare)
		// A raw client with an identity of its own can still put its dots on any note: the server does not check a note's zone.
		const raw = await identifiedClient(`${board.boardId}/support`)
		writeOwnVotes(raw.doc, round.id, raw.participantId, { [costs]: 1, [webcare]: 1 })
		const cast = await documentClient(`${board.boardId}/support`)
		await waitFor(() => readVotes(cast, round.id).length === 1, { what: "the raw client's dots on the server" })
		expect(voteResults(readVotes(cast, round.id))).toContainEqual({ noteId: costs, dots: 1 })
		// The pages' dots wait in each person's own document until the reveal.
		for (const page of [a, b]) {
			const own = await ownDocumentOf(board, page)
			const dots = () => Object.values(readOwnVotes(own.doc, round.id, own.participantId)).reduce((sum, count) => sum + count, 0)
			await waitFor(() => dots() === 2, { what: 'both dots in their own document' })
		}

		await byTestId(f, 'voting-reveal').click()
		for (const page of [a, b, f]) {
			const results = byTestId(page, 'vote-results')
			await results.locator('[data-testid=vote-scope][data-zone=stage-3]').waitFor()
			// The forged dots on the stage 1 note count for nothing, and take none of the budget from the stage 3 dot.
			await waitForRanking(results, [
				[webcare, '4'],
				[forum, '1'],
			])
			await page.locator(`[data-testid=vote-total][data-note-id="${webcare}"][data-count="4"]`).waitFor()
			expect(await voteTotal(page, forum).getAttribute('data-count')).toBe('1')
			expect(await voteTotal(page, costs).count()).toBe(0)
		}
		await saveScreenshot(a, 'voting-rounds-limited-revealed-page-a')
	})

	test('after the round is closed, participants, also one who joins later, open the last vote and see the same results', async () => {
		const board = await createBoard()
		const facilitation = await documentClient(`${board.boardId}/facilitation`, board.facilitatorKey)
		const a = await asParticipant(board, ANNA)
		const b = await asParticipant(board, BRAM)
		const training = await addNoteWithPlus(a, 'stage-2', 'Train the service desk')
		const chat = await addNoteWithPlus(b, 'stage-2', 'Chat on the website')
		for (const page of [a, b]) for (const note of [training, chat]) await waitForShape(page, note)

		startVoting(facilitation, 'vote-1', 2, 'stage-2')
		await putDot(a, 'stage-2', training)
		await putDot(a, 'stage-2', training)
		await putDot(b, 'stage-2', chat)
		await putDot(b, 'stage-2', training)
		revealVoting(facilitation)
		const revealed = [
			[training, '3'],
			[chat, '1'],
		]
		await waitForRanking(byTestId(a, 'vote-results'), revealed)

		closeVoting(facilitation)
		const c = await asParticipant(board, CEES)
		for (const page of [a, b, c]) {
			await byTestId(page, 'last-vote-toggle').click()
			const lastVote = page.locator('[data-testid=last-vote-results][data-round-id=vote-1]')
			await lastVote.locator('[data-testid=vote-scope][data-zone=stage-2]').waitFor()
			await waitForRanking(lastVote, revealed)
			expect(await byTestId(page, 'vote-results').count()).toBe(0)
		}
		await saveScreenshot(c, 'voting-rounds-last-vote-late-joiner')

		// The next round hides the last vote while it runs, and replaces it once closed: Bram left it open, so he sees the new one.
		startVoting(facilitation, 'vote-2', 1)
		await byTestId(a, 'dots-left').waitFor()
		await byTestId(a, 'last-vote-toggle').waitFor({ state: 'detached' })
		closeVoting(facilitation)
		const replaced = b.locator('[data-testid=last-vote-results][data-round-id=vote-2]')
		await replaced.locator('[data-testid=vote-scope][data-zone=all]').waitFor()
		expect(await replaced.locator('[data-testid=vote-result]').count()).toBe(0)
	})
})
