import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { en } from '../../client/i18n/en'
import { saveScreenshot } from '../helpers/browser'
import { waitFor } from '../helpers/waitFor'
import { clickCanvas, joinAs, shapeIds, type Person } from './boardPage'
import { boardRoles } from './boardRoles'
import { browserSession } from './browserSession'
import { writeOthersNotes } from './othersNotes'

const session = browserSession({ viewport: { width: 1600, height: 900 } })
const roles = boardRoles(session)

const FACILITATOR: Person = { name: 'Fenna', department: 'Directie/Management' }
const PARTICIPANT: Person = { name: 'Bram', department: 'IT' }

const byTestId = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]`)

/** Waits until keyboard focus is on, or inside, what `selector` matches. */
async function waitForFocusIn(page: Page, selector: string) {
	await page.waitForFunction((inside) => document.activeElement?.closest(inside) != null, selector)
}

/** Where keyboard focus is: inside the dialog or not, and the focused control's test id or text. */
function focusedControl(page: Page, dialogSelector: string): Promise<{ inDialog: boolean; name: string }> {
	return page.evaluate((dialog) => {
		const focused = document.activeElement
		return { inDialog: focused?.closest(dialog) != null, name: focused?.getAttribute('data-testid') ?? focused?.textContent ?? '' }
	}, dialogSelector)
}

/** A click on the backdrop's top-left corner, well away from the dialog box in the middle. */
const clickBackdrop = (page: Page) => page.locator('.dialog-backdrop').click({ position: { x: 5, y: 5 } })

describe('dialogs', () => {
	test('board settings close with Escape and with a click on the backdrop, keep a title typed just before, and give focus back to their button', async () => {
		const page = await roles.asParticipant(await roles.createBoard(), PARTICIPANT)
		const dialog = byTestId(page, 'settings-dialog')

		await byTestId(page, 'open-settings').click()
		await waitForFocusIn(page, '[data-testid=settings-dialog]')
		expect(await dialog.getAttribute('aria-modal')).toBe('true')
		const titleId = await dialog.getAttribute('aria-labelledby')
		expect(await page.locator(`[id="${titleId}"]`).innerText()).toBe(en['settings.title'])
		// The title field saves when it loses focus; Escape closing the dialog must not lose what was typed.
		await byTestId(page, 'settings-board-title').fill('Werkbord voorjaar')
		await saveScreenshot(page, 'dialogs-settings')
		await page.keyboard.press('Escape')
		await dialog.waitFor({ state: 'detached' })
		await waitForFocusIn(page, '[data-testid=open-settings]')
		await byTestId(page, 'board-title').filter({ hasText: 'Werkbord voorjaar' }).waitFor()

		await byTestId(page, 'open-settings').click()
		await waitForFocusIn(page, '[data-testid=settings-dialog]')
		await clickBackdrop(page)
		await dialog.waitFor({ state: 'detached' })
		await waitForFocusIn(page, '[data-testid=open-settings]')
	})

	test('Tab and Shift+Tab cycle through the share dialog, focus put outside comes back, and Escape returns it to Share', async () => {
		const page = await roles.asFacilitator(await roles.createBoard(), FACILITATOR)
		const dialogSelector = '[data-testid=share-dialog]'
		await byTestId(page, 'open-share').click()
		// Every control is there once the view-only link has come from the server.
		await byTestId(page, 'link-view').waitFor()
		const done = page.locator(dialogSelector).getByRole('button', { name: en['facilitation.done'] })
		await waitFor(() => done.evaluate((button) => button === document.activeElement), { what: 'focus on Done' })

		// Done is the last control: Tab goes on to the first and round again to Done, never out of the dialog.
		const cycle: string[] = []
		while (cycle.at(-1) !== en['facilitation.done']) {
			expect(cycle.length, `Tab order so far: ${cycle.join(', ')}`).toBeLessThan(12)
			await page.keyboard.press('Tab')
			const focused = await focusedControl(page, dialogSelector)
			expect(focused.inDialog, `focus after Tab ${cycle.length + 1}`).toBe(true)
			cycle.push(focused.name)
		}
		expect(cycle[0]).toBe('link-participant')
		expect(cycle).toContain('link-view')
		expect(cycle).toContain('copy-link-facilitator')

		// Backwards: Shift+Tab from Done goes to the control before it, and from the first control round to Done.
		await page.keyboard.press('Shift+Tab')
		expect(await focusedControl(page, dialogSelector)).toEqual({ inDialog: true, name: cycle.at(-2) })
		await page.keyboard.press('Tab')
		await page.keyboard.press('Tab')
		expect((await focusedControl(page, dialogSelector)).name).toBe(cycle[0])
		await page.keyboard.press('Shift+Tab')
		expect((await focusedControl(page, dialogSelector)).name).toBe(en['facilitation.done'])

		// Focus moved behind the dialog (as tldraw focusing its canvas would) is brought back into it.
		await page.evaluate(() => document.querySelector<HTMLElement>('.tl-container')?.focus())
		expect(await focusedControl(page, dialogSelector)).toEqual({ inDialog: true, name: cycle[0] })
		await saveScreenshot(page, 'dialogs-share-focus')

		await page.keyboard.press('Escape')
		await page.locator(dialogSelector).waitFor({ state: 'detached' })
		await waitForFocusIn(page, '[data-testid=open-share]')
	})

	test('the join dialog cannot be dismissed before the first join; changing identity can, and leaves the identity as it was', async () => {
		const board = await roles.createBoard()
		const page = await (await session.person()).newPage()
		await page.goto(roles.participantUrl(board))
		const dialog = byTestId(page, 'join-dialog')
		await dialog.waitFor()
		await waitForFocusIn(page, '[data-testid=join-name]')

		await page.keyboard.press('Escape')
		await clickBackdrop(page)
		// Focus stayed in the name field through both.
		await page.keyboard.type('Bram')
		expect(await byTestId(page, 'join-name').inputValue()).toBe('Bram')
		expect(await dialog.isVisible()).toBe(true)
		await saveScreenshot(page, 'dialogs-first-join')
		await joinAs(page, PARTICIPANT)

		const identity = byTestId(page, 'change-identity')
		const before = await identity.innerText()
		await identity.click()
		await waitForFocusIn(page, '[data-testid=join-name]')
		await page.keyboard.press('Escape')
		await dialog.waitFor({ state: 'detached' })
		await waitForFocusIn(page, '[data-testid=change-identity]')
		expect(await identity.innerText()).toBe(before)

		await identity.click()
		await dialog.waitFor()
		await clickBackdrop(page)
		await dialog.waitFor({ state: 'detached' })
	})

	test("the question before deleting others' notes starts on Keep, Escape keeps them, and focus goes back to the board", async () => {
		const board = await roles.createBoard()
		const page = await roles.asParticipant(board, PARTICIPANT)
		const notes = writeOthersNotes(await roles.documentClient(board.boardId), 11)
		await waitFor(async () => (await shapeIds(page)).length === notes.length, { what: "the others' notes on the page", timeoutMs: 15_000 })
		const question = byTestId(page, 'confirm-deletion')

		await clickCanvas(page, { x: 60, y: 250 })
		await page.keyboard.press('Control+a')
		await page.evaluate(() => Object.assign(window, { focusBeforeQuestion: document.activeElement }))
		await page.keyboard.press('Delete')
		await question.waitFor()
		await waitForFocusIn(page, '[data-testid=keep-notes]')
		await saveScreenshot(page, 'dialogs-confirm-deletion')
		await page.keyboard.press('Escape')
		await question.waitFor({ state: 'detached' })
		await page.waitForFunction(() => document.activeElement === (window as unknown as { focusBeforeQuestion: Element }).focusBeforeQuestion)
		expect(await shapeIds(page)).toHaveLength(notes.length)

		// With focus back on the board its shortcuts work again: the same keys ask again, and Delete confirms.
		await page.keyboard.press('Control+a')
		await page.keyboard.press('Delete')
		await byTestId(page, 'delete-notes').click()
		await waitFor(async () => (await shapeIds(page)).length === 0, { what: 'the notes deleted', timeoutMs: 15_000 })
	})
})
