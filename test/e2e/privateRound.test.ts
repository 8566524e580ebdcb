import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { saveScreenshot } from '../helpers/browser'
import { waitFor } from '../helpers/waitFor'
import { addNoteWithPlus, panelNote, shapeSelector, waitForShape, waitForZoneCount } from './boardPage'
import { boardRoles } from './boardRoles'
import { browserSession } from './browserSession'

const session = browserSession({ viewport: { width: 1600, height: 900 } })

const ANNA = { name: 'Anna', department: 'Marketing' }
const BRAM = { name: 'Bram', department: 'IT' }
const FENNA = { name: 'Fenna', department: 'Directie/Management' }

const { createBoard, asParticipant, asFacilitator } = boardRoles(session)

/** Whether the page's own copy of the board holds the note with this text, shown or not. */
const pageHoldsText = (page: Page, noteId: string, text: string) =>
	page.evaluate(
		({ noteId, text }) => {
			const records = (
				window as unknown as { strategyBoard: { doc: { getMap: (name: string) => Map<string, { toJSON(): unknown }> } } }
			).strategyBoard.doc.getMap('records')
			return JSON.stringify(records.get(noteId)?.toJSON() ?? null).includes(text)
		},
		{ noteId, text },
	)

/** The facilitator's tally as shown: "name (department): count" per person, "zone: count" per zone. */
type Tally = { people: string[]; zones: string[] }

const tallyOf = (page: Page): Promise<Tally> =>
	page.evaluate(() => ({
		people: [...document.querySelectorAll('[data-testid=private-tally-person]')].map(
			(row) =>
				`${row.querySelector('.private-tally__name')!.textContent} (${row.querySelector('.private-tally__department')!.textContent}): ${row.getAttribute('data-count')}`,
		),
		zones: [...document.querySelectorAll('[data-testid=private-tally-zone]')].map(
			(row) => `${row.getAttribute('data-zone')}: ${row.getAttribute('data-count')}`,
		),
	}))

/** Waits until the tally shows exactly `expected`; when it never does, fails with what it shows. */
async function waitForTally(page: Page, expected: Tally) {
	try {
		await waitFor(async () => JSON.stringify(await tallyOf(page)) === JSON.stringify(expected), { timeoutMs: 20_000, what: 'the tally' })
	} catch {
		expect(await tallyOf(page)).toEqual(expected)
	}
}

/**
 * The text a person can read on the page. Not the HTML: tldraw measures every note's text, hidden
 * ones too, in an invisible element, and hiding is a courtesy of the browser, not a secret.
 */
const readableText = (page: Page) => page.locator('body').innerText()

const isShown = async (page: Page, noteId: string) => (await page.locator(shapeSelector(noteId)).count()) > 0

describe('private round: the facilitator counts hidden notes and reveals them stage by stage', () => {
	test("the facilitator sees per person and per stage how many notes are hidden, never their text; revealing stage 1 shows only stage 1's notes", async () => {
		const board = await createBoard()
		const f = await asFacilitator(board, FENNA)
		const a = await asParticipant(board, ANNA)
		const b = await asParticipant(board, BRAM)

		await f.locator('[data-testid=private-start]').click()
		await f.locator('[data-testid=private-tally-empty]').waitFor()
		for (const page of [a, b]) await page.locator('[data-testid=private-banner]').waitFor()

		const written = [
			{ page: a, zone: 'stage-1', text: 'Anna on the problem' },
			{ page: a, zone: 'stage-1', text: 'Anna on the costs' },
			{ page: b, zone: 'stage-3', text: 'Bram on the audience' },
		]
		const ids: string[] = []
		for (const { page, zone, text } of written) ids.push(await addNoteWithPlus(page, zone, text))
		const [annaFirst, annaSecond, bram] = ids as [string, string, string]

		await waitForTally(f, { people: ['Anna (Marketing): 2', 'Bram (IT): 1'], zones: ['stage-1: 2', 'stage-3: 1'] })
		// The text has reached the facilitator's page, so its absence from the page is the hiding at work.
		for (const [index, { text }] of written.entries())
			await waitFor(() => pageHoldsText(f, ids[index]!, text), { what: `"${text}" to reach the facilitator` })
		const facilitatorSees = await readableText(f)
		for (const { text } of written) expect(facilitatorSees).not.toContain(text)
		for (const id of ids) expect(await isShown(f, id)).toBe(false)
		// Each participant still sees only their own notes.
		await waitFor(() => pageHoldsText(b, annaSecond, 'Anna on the costs'), { what: "Anna's notes to reach Bram" })
		expect(await isShown(b, annaFirst)).toBe(false)
		expect(await isShown(b, annaSecond)).toBe(false)
		await waitForZoneCount(b, 'stage-1', 0)
		await waitFor(() => pageHoldsText(a, bram, 'Bram on the audience'), { what: "Bram's note to reach Anna" })
		expect(await isShown(a, bram)).toBe(false)
		await saveScreenshot(f, 'private-round-tally-facilitator')

		await f.locator('[data-testid=private-reveal-stage-1]').click()
		for (const page of [f, b]) {
			await page.locator(shapeSelector(annaFirst)).filter({ hasText: 'Anna on the problem' }).waitFor()
			await page.locator(shapeSelector(annaSecond)).filter({ hasText: 'Anna on the costs' }).waitFor()
			await panelNote(page, 'stage-1', annaFirst).waitFor()
			await waitForZoneCount(page, 'stage-1', 2)
			expect(await readableText(page)).toContain('Anna on the costs')
		}
		await waitForTally(f, { people: ['Bram (IT): 1'], zones: ['stage-3: 1'] })
		// Stage 3 stays hidden from everyone but its author; the round as a whole is still running.
		expect(await isShown(f, bram)).toBe(false)
		expect(await readableText(f)).not.toContain('Bram on the audience')
		expect(await isShown(a, bram)).toBe(false)
		await waitForZoneCount(a, 'stage-3', 0)
		for (const page of [a, b]) await page.locator('[data-testid=private-banner]').waitFor()
		await waitForShape(b, bram)
		await saveScreenshot(f, 'private-round-stage-1-revealed-facilitator')
		await saveScreenshot(b, 'private-round-stage-1-revealed-bram')
	}, 120_000)
})
