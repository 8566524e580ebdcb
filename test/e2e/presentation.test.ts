import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { MODEL_TEXTS } from '../../shared/model/modelTexts'
import { saveScreenshot } from '../helpers/browser'
import { clickCanvas } from './boardPage'
import { boardRoles } from './boardRoles'
import { browserSession } from './browserSession'

const session = browserSession({ viewport: { width: 1600, height: 900 } })
const roles = boardRoles(session)

const FENNA = { name: 'Fenna', department: 'Directie/Management' }
const BRAM = { name: 'Bram', department: 'IT' }

const byTestId = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]`)
const presentedStep = (page: Page, step: string) => page.locator(`[data-testid=presenter-bar][data-step="${step}"]`)

/** Whether the page shows the board's panels and tldraw's toolbar, or neither (presenting). */
async function chromeShown(page: Page): Promise<{ sidePanel: boolean; toolbar: boolean; draagvlak: boolean }> {
	return {
		sidePanel: await page.locator('.side-panel').isVisible(),
		// In focus mode tldraw leaves one button, to leave focus mode: presenting hides that too.
		toolbar: await page.locator('.tlui-main-toolbar, .tlui-toolbar, .tlui-focus-button').first().isVisible(),
		draagvlak: await byTestId(page, 'open-draagvlak').isVisible(),
	}
}

describe('presenter mode', () => {
	test('the facilitator presents: everyone loses the panels and chrome, arrow keys step the zones for all, a follower can leave and rejoin, Shift+P ends it', async () => {
		const board = await roles.createBoard()
		const facilitator = await roles.asFacilitator(board, FENNA)
		await byTestId(facilitator, 'facilitator-tools').waitFor()
		const participant = await roles.asParticipant(board, BRAM)
		const viewer = await roles.asViewer(board)
		for (const page of [facilitator, participant, viewer]) expect((await chromeShown(page)).sidePanel).toBe(true)
		expect((await chromeShown(participant)).toolbar).toBe(true)

		await byTestId(facilitator, 'present').click()
		for (const page of [facilitator, participant, viewer]) {
			await presentedStep(page, 'model').waitFor()
			await page.locator('.side-panel').waitFor({ state: 'hidden' })
			expect(await chromeShown(page)).toEqual({ sidePanel: false, toolbar: false, draagvlak: false })
		}
		expect(await byTestId(facilitator, 'facilitator-tools').isVisible()).toBe(false)
		// The whole model, in the whole window.
		const model = await participant.locator('[data-testid=zone-centre]').boundingBox()
		expect(model).not.toBeNull()
		await saveScreenshot(participant, 'presentation-whole-model')

		// Arrow keys on the facilitator's page: the centre, then stage 1, for everyone.
		await clickCanvas(facilitator, { x: 20, y: 450 })
		await facilitator.keyboard.press('ArrowRight')
		await presentedStep(participant, 'centre').waitFor()
		await facilitator.keyboard.press('ArrowRight')
		for (const page of [facilitator, participant, viewer]) await presentedStep(page, 'stage-1').waitFor()
		expect(await byTestId(participant, 'presenter-step').innerText()).toContain(MODEL_TEXTS.en.stages[1].title)
		// Stage 1 whole on screen and filling it (the camera animates: wait for it to settle).
		await participant.waitForFunction(
			({ zone }) => {
				const path = document.querySelector(`[data-testid=zone-${zone}] .stage-zone__shape path`)!.getBoundingClientRect()
				const canvas = document.querySelector('.tl-canvas')!.getBoundingClientRect()
				return path.top >= canvas.top - 1 && path.bottom <= canvas.bottom + 1 && path.height / canvas.height > 0.6
			},
			{ zone: 'stage-1' },
		)
		await saveScreenshot(participant, 'presentation-stage-1')
		// Back one step with the left arrow.
		await facilitator.keyboard.press('ArrowLeft')
		await presentedStep(viewer, 'centre').waitFor()
		await facilitator.keyboard.press('ArrowRight')
		await presentedStep(viewer, 'stage-1').waitFor()

		// The participant leaves (Escape): their panels come back, a pill offers the way back in.
		await participant.keyboard.press('Escape')
		await participant.locator('.side-panel').waitFor()
		await byTestId(participant, 'presenter-rejoin').waitFor()
		expect((await chromeShown(participant)).toolbar).toBe(true)
		await facilitator.keyboard.press('ArrowRight')
		await presentedStep(viewer, 'stage-2').waitFor()
		await byTestId(participant, 'presenter-rejoin').click()
		await presentedStep(participant, 'stage-2').waitFor()
		await participant.locator('.side-panel').waitFor({ state: 'hidden' })

		// Shift+P on the facilitator's page ends it for everyone.
		await facilitator.keyboard.press('Shift+P')
		for (const page of [facilitator, participant, viewer]) {
			await page.locator('.side-panel').waitFor()
			expect(await byTestId(page, 'presenter-bar').count()).toBe(0)
		}
		expect((await chromeShown(participant)).toolbar).toBe(true)
		await byTestId(facilitator, 'facilitator-tools').waitFor()
	})

	test("starts at the spotlit zone, and a participant's Shift+P or arrow keys change nothing", async () => {
		const board = await roles.createBoard()
		const facilitator = await roles.asFacilitator(board, FENNA)
		await byTestId(facilitator, 'facilitator-tools').waitFor()
		const participant = await roles.asParticipant(board, BRAM)
		await byTestId(participant, 'stage-panel').waitFor()
		// A participant's Shift+P is no presentation: the server would refuse it, so the page does not try.
		await clickCanvas(participant, { x: 700, y: 450 })
		await participant.keyboard.press('Shift+P')
		const witness = await roles.documentClient(`${board.boardId}/facilitation`)
		expect(witness.getMap('facilitation').has('presentation')).toBe(false)

		await byTestId(facilitator, 'spotlight').selectOption('stage-3')
		await byTestId(facilitator, 'present').click()
		await presentedStep(participant, 'stage-3').waitFor()
		await participant.keyboard.press('ArrowRight')
		await clickCanvas(facilitator, { x: 20, y: 450 })
		await facilitator.keyboard.press('ArrowRight')
		await presentedStep(participant, 'stage-4').waitFor()
		const facilitation = await roles.documentClient(`${board.boardId}/facilitation`)
		expect(facilitation.getMap('facilitation').get('presentation')).toMatchObject({ step: 'stage-4' })
		await byTestId(facilitator, 'presenter-end').click()
		await participant.locator('.side-panel').waitFor()
	})
})
