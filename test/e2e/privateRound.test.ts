import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { writeRecordChanges } from '../../shared/recordDoc'
import { saveScreenshot } from '../helpers/browser'
import { noteRecord } from '../helpers/noteRecord'
import { waitFor } from '../helpers/waitFor'
import { addNoteWithPlus, panelNote, shapeSelector, waitForShape, waitForZoneCount } from './boardPage'
import { boardRoles } from './boardRoles'
import { browserSession } from './browserSession'

const session = browserSession({ viewport: { width: 1600, height: 900 } })

const ANNA = { name: 'Anna', department: 'Marketing' }
const BRAM = { name: 'Bram', department: 'IT' }
const FENNA = { name: 'Fenna', department: 'Directie/Management' }

const { createBoard, asParticipant, readingTheWire, documentClient } = boardRoles(session)

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

const isShown = async (page: Page, noteId: string) => (await page.locator(shapeSelector(noteId)).count()) > 0

describe('private round: the notes reach nobody until revealed, and the facilitator counts them meanwhile', () => {
	test('per person and per stage the facilitator sees how many notes are kept private; no other page receives a frame with their text until stage 1 is revealed', async () => {
		const board = await createBoard()
		const { page: f, received: toFacilitator } = await readingTheWire(board, FENNA, 'facilitator')
		const a = await asParticipant(board, ANNA)
		const { page: b, received: toBram } = await readingTheWire(board, BRAM, 'participant')

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

		// The tally counts what the server keeps, so every note has reached the server by now.
		await waitForTally(f, { people: ['Anna (Marketing): 2', 'Bram (IT): 1'], zones: ['stage-1: 2', 'stage-3: 1'] })
		// A later note on the board reaches both pages: whatever the relay had sent them of the private ones would be there by then.
		const witness = await documentClient(board.boardId, board.facilitatorKey)
		const later = noteRecord({ id: 'shape:later', x: 2000, y: 0, paragraphs: ['Out in the open'] })
		writeRecordChanges(witness, { put: [later], removed: [] }, null)
		for (const page of [f, b]) await waitForShape(page, later.id)
		for (const { text } of written) expect(toFacilitator()).not.toContain(text)
		expect(toBram()).not.toContain('Anna on the problem')
		expect(toBram()).not.toContain('Anna on the costs')
		expect(toBram()).toContain('Out in the open')
		for (const id of ids) expect(await isShown(f, id)).toBe(false)
		expect(await isShown(b, annaFirst)).toBe(false)
		await waitForZoneCount(b, 'stage-1', 0)
		expect(await isShown(a, bram)).toBe(false)
		// Each writer sees their own.
		await waitForShape(a, annaFirst)
		await waitForShape(b, bram)
		await saveScreenshot(f, 'private-round-tally-facilitator')

		await f.locator('[data-testid=private-reveal-stage-1]').click()
		for (const page of [f, b]) {
			await page.locator(shapeSelector(annaFirst)).filter({ hasText: 'Anna on the problem' }).waitFor()
			await page.locator(shapeSelector(annaSecond)).filter({ hasText: 'Anna on the costs' }).waitFor()
			await panelNote(page, 'stage-1', annaFirst).waitFor()
			await waitForZoneCount(page, 'stage-1', 2)
		}
		expect(toBram()).toContain('Anna on the costs')
		await waitForTally(f, { people: ['Bram (IT): 1'], zones: ['stage-3: 1'] })
		// Stage 3 stays with its writer; the round as a whole is still running.
		expect(toFacilitator()).not.toContain('Bram on the audience')
		expect(await isShown(f, bram)).toBe(false)
		expect(await isShown(a, bram)).toBe(false)
		await waitForZoneCount(a, 'stage-3', 0)
		for (const page of [a, b]) await page.locator('[data-testid=private-banner]').waitFor()
		await waitForShape(b, bram)
		await saveScreenshot(f, 'private-round-stage-1-revealed-facilitator')
		await saveScreenshot(b, 'private-round-stage-1-revealed-bram')
	}, 120_000)
})
