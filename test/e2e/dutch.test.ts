import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { en, type MessageKey } from '../../client/i18n/en'
import { nl } from '../../client/i18n/nl'
import { saveScreenshot } from '../helpers/browser'
import { waitFor } from '../helpers/waitFor'
import { clickCanvas, shapeIds, type Person } from './boardPage'
import { boardRoles } from './boardRoles'
import { browserSession } from './browserSession'
import { writeOthersNotes } from './othersNotes'

const session = browserSession({ viewport: { width: 1600, height: 900 } })
const roles = boardRoles(session)

const FACILITATOR: Person = { name: 'Fenna', department: 'Directie/Management' }

const byTestId = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]`)

/**
 * The English a Dutch page must not show, from the message table. Rule: only messages whose
 * English and Dutch values differ (a word such as "Timer" or "Draagvlak" is both); each value is
 * cut at its {placeholders}, and a piece is looked for when it has at least four letters, as a
 * whole word or phrase, case-sensitive. Shorter pieces ("of", "End", "you", "/") and words inside
 * longer ones ("Present" in "Presenteren") would match names, departments and Dutch just as well.
 */
const ENGLISH_ONLY = (Object.keys(en) as MessageKey[])
	.filter((key) => en[key] !== nl[key])
	.flatMap((key) =>
		en[key]
			.split(/\{\w+\}/)
			.map((piece) => piece.trim())
			.filter((piece) => (piece.match(/\p{L}/gu) ?? []).length >= 4)
			.map((piece) => ({ key, piece, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(piece)}(?![\\p{L}\\p{N}])`, 'u') })),
	)

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Every text the page offers a person: what is on screen, tooltips and accessible labels, the options of its lists. */
function textsOnPage(page: Page): Promise<string> {
	return page.evaluate(() => {
		const texts = [document.body.innerText]
		for (const element of document.querySelectorAll('*')) {
			for (const attribute of ['title', 'aria-label', 'placeholder', 'alt']) {
				const value = element.getAttribute(attribute)
				if (value) texts.push(value)
			}
		}
		for (const option of document.querySelectorAll('option')) texts.push(option.textContent ?? '')
		return texts.join('\n')
	})
}

/** Fails with every English piece the page shows, named by its message key. */
async function expectNoEnglish(page: Page, what: string) {
	const shown = await textsOnPage(page)
	const leaks = ENGLISH_ONLY.filter(({ pattern }) => pattern.test(shown)).map(({ key, piece }) => `${key}: "${piece}"`)
	expect(leaks, `English in ${what}`).toEqual([])
	await saveScreenshot(page, `dutch-${what.replaceAll(' ', '-')}`)
}

/** Opens a dialog with `open`, checks it is the Dutch one by its title, scans the page, and closes it with Escape. */
async function scanDialog(page: Page, testId: string, title: MessageKey, open: () => Promise<void>) {
	const dialog = byTestId(page, testId)
	await open()
	await dialog.getByRole('heading', { name: nl[title], exact: true }).waitFor()
	await expectNoEnglish(page, testId)
	await page.keyboard.press('Escape')
	await dialog.waitFor({ state: 'detached' })
}

describe('a Dutch page', () => {
	test("shows no English message in the side panel, the facilitator's tools, the draagvlak panel, the shortcuts and every dialog", async () => {
		const board = await roles.createBoard()
		const page = await roles.asFacilitator(board, FACILITATOR)
		await byTestId(page, 'language-nl').click()
		await byTestId(page, 'open-settings').filter({ hasText: nl['settings.open'] }).waitFor()

		// The facilitator's tools with every part showing: stage statuses open, a private round and the lock on.
		await byTestId(page, 'open-statuses').click()
		await byTestId(page, 'private-start').click()
		await byTestId(page, 'private-banner').waitFor()
		await byTestId(page, 'lock-board').click()
		await byTestId(page, 'locked-banner').waitFor()
		await expectNoEnglish(page, 'facilitator tools')
		await byTestId(page, 'lock-board').click()
		await byTestId(page, 'locked-banner').waitFor({ state: 'detached' })
		await byTestId(page, 'private-end').click()
		await byTestId(page, 'private-banner').waitFor({ state: 'detached' })

		await scanDialog(page, 'join-dialog', 'join.title', async () => {
			await byTestId(page, 'change-identity').click()
			// With its other field and a problem showing: a name over the limit.
			await byTestId(page, 'join-department').selectOption('__new__')
			await byTestId(page, 'join-name').fill('x'.repeat(41))
			await byTestId(page, 'join-submit').click()
			await byTestId(page, 'join-problem').waitFor()
		})
		await scanDialog(page, 'settings-dialog', 'settings.title', () => byTestId(page, 'open-settings').click())
		await scanDialog(page, 'share-dialog', 'facilitation.shareTitle', async () => {
			await byTestId(page, 'open-share').click()
			await byTestId(page, 'link-view').waitFor()
		})

		await byTestId(page, 'open-draagvlak').click()
		await byTestId(page, 'draagvlak').getByRole('heading', { name: nl['support.title'] }).waitFor()
		await expectNoEnglish(page, 'draagvlak panel')
		await byTestId(page, 'close-draagvlak').click()

		await clickCanvas(page, { x: 60, y: 250 })
		await page.keyboard.press('Control+Alt+/')
		const shortcuts = page.locator('.tlui-dialog__content')
		await shortcuts.getByText(nl['shortcuts.addNoteToZone']).waitFor()
		await expectNoEnglish(page, 'shortcuts dialog')
		await page.keyboard.press('Escape')
		await shortcuts.waitFor({ state: 'detached' })

		const notes = writeOthersNotes(await roles.documentClient(board.boardId), 11)
		await waitFor(async () => (await shapeIds(page)).length === notes.length, { what: "the others' notes on the page", timeoutMs: 15_000 })
		await scanDialog(page, 'confirm-deletion', 'board.confirmDeleteTitle', async () => {
			await clickCanvas(page, { x: 60, y: 250 })
			await page.keyboard.press('Control+a')
			await page.keyboard.press('Delete')
		})
	})

	test('shows no English to a viewer, read-only board settings included', async () => {
		const viewer = await roles.asViewer(await roles.createBoard())
		await byTestId(viewer, 'language-nl').click()
		await scanDialog(viewer, 'settings-dialog', 'settings.title', async () => {
			await byTestId(viewer, 'open-settings').click()
			await byTestId(viewer, 'settings-read-only').waitFor()
		})
		await expectNoEnglish(viewer, 'viewer board')
	})
})
