import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { en } from '../../client/i18n/en'
import { startTimer } from '../../shared/facilitationDoc'
import { MODEL_TEXTS } from '../../shared/model/modelTexts'
import { STAGE_NUMBERS } from '../../shared/model/zones'
import { saveScreenshot } from '../helpers/browser'
import { waitFor } from '../helpers/waitFor'
import { addNoteWithPlus, modelOnScreen, openBoard, pointInStage, selectTool, shapeIds, waitForAllSaved, waitForShape, type Person } from './boardPage'
import { boardRoles, type CreatedBoard } from './boardRoles'
import { browserSession } from './browserSession'

const session = browserSession({ viewport: { width: 1600, height: 900 } })

/** A separate browser profile per person; every chime the page makes is counted in `window.chimes`. */
async function person(): Promise<BrowserContext> {
	const context = await session.person()
	await context.addInitScript(() => {
		const counted = window as unknown as { chimes: number; AudioContext: typeof AudioContext }
		counted.chimes = 0
		const Original = counted.AudioContext
		counted.AudioContext = class extends Original {
			constructor(options?: AudioContextOptions) {
				super(options)
				counted.chimes++
			}
		}
	})
	return context
}

const FACILITATOR: Person = { name: 'Fenna', department: 'Directie/Management' }
const PARTICIPANT: Person = { name: 'Bram', department: 'IT' }

type Session = { board: CreatedBoard; facilitator: Page; participant: Page; viewer: Page }

const { createBoard, facilitatorUrl, participantUrl, viewerUrl: viewUrl } = boardRoles(session)

/** The facilitator opens the board first (and draws the model), then a participant and a viewer join. */
async function openSession(): Promise<Session> {
	const board = await createBoard()
	const facilitator = await openBoard(await person(), facilitatorUrl(board), FACILITATOR)
	await tools(facilitator).waitFor()
	const participant = await openBoard(await person(), participantUrl(board), PARTICIPANT)
	const viewer = await openBoard(await person(), viewUrl(board))
	return { board, facilitator, participant, viewer }
}

const tools = (page: Page) => page.locator('[data-testid=facilitator-tools]')
const byTestId = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]`)
const zoneStatus = (page: Page, zone: string) => page.locator(`[data-testid=zone-${zone}] [data-testid=zone-status]`)
const addButtons = (page: Page) => page.locator('[data-testid^=add-note-]')

async function remainingSeconds(page: Page): Promise<number> {
	return Number(await byTestId(page, 'session-timer').getAttribute('data-remaining-seconds'))
}

type Camera = { x: number; y: number; z: number }

/**
 * The page's camera, as tldraw applies it to the shapes' layer (`scale(z) translate(x, y)`, with a
 * small fixed offset per zoom): read from the DOM, since shapes out of view are not drawn at all.
 */
async function camera(page: Page): Promise<Camera> {
	const transform = await page.locator('.tl-html-layer.tl-shapes').evaluate((element) => (element as HTMLElement).style.transform)
	const [z, x, y] = [...transform.matchAll(/-?[\d.]+(?:e-?\d+)?/g)].map((match) => Number(match[0]))
	return { x: x!, y: y!, z: z! }
}

/** The camera once it has stopped moving (animations take a few hundred ms). */
async function settledCamera(page: Page): Promise<Camera> {
	let previous = await camera(page)
	for (;;) {
		await page.waitForTimeout(150)
		const current = await camera(page)
		if (sameView(previous, current)) return current
		previous = current
	}
}

/** Two cameras show the same view to within a few screen pixels (the pages have the same size). */
const sameView = (a: Camera, b: Camera, pixels = 3) =>
	Math.abs(a.z - b.z) / b.z < 0.005 && Math.abs(a.x - b.x) * b.z <= pixels && Math.abs(a.y - b.y) * b.z <= pixels

/** Waits until the page's camera shows what `reference` shows. */
async function waitForView(page: Page, reference: Camera, what: string) {
	await waitFor(async () => sameView(await camera(page), reference), { what, timeoutMs: 10_000 })
}

/** Moves the page's camera to a zone with the side panel, as a person would. */
async function jumpTo(page: Page, zone: string) {
	await page.locator(`[data-testid=panel-${zone}] .stage-list__jump`).click()
	return settledCamera(page)
}

/**
 * Tries to add a note the two ways a person would, the note tool and a click in stage 1, and
 * returns whether a note appeared. Proving that nothing happens takes a pause: a second is far
 * longer than a local note takes to show.
 */
async function canAddNoteWithTool(page: Page): Promise<boolean> {
	const before = await shapeIds(page)
	await selectTool(page, 'n')
	const spot = await pointInStage(page, 1)
	await page.mouse.click(spot.x, spot.y)
	await page.waitForTimeout(1000)
	await page.keyboard.press('Escape')
	return (await shapeIds(page)).length > before.length
}

/** Writes to the facilitation document as the facilitator's key allows, from outside any page. */
async function connectAsFacilitator(board: CreatedBoard) {
	const doc = new Y.Doc()
	const provider = new WebsocketProvider(session.server.relayUrl, `${board.boardId}/facilitation`, doc, {
		WebSocketPolyfill: WebSocket as never,
		disableBc: true,
		params: { key: board.facilitatorKey },
	})
	await waitFor(() => provider.synced, { what: 'the facilitation document to sync' })
	return {
		doc,
		destroy: () => {
			provider.destroy()
			doc.destroy()
		},
	}
}

describe('facilitating a session', () => {
	test('an idle participant and an idle viewer see no notice for 60 s after the facilitator changes status, timer and lock', async () => {
		const { facilitator, participant, viewer } = await openSession()
		await byTestId(facilitator, 'open-statuses').click()
		await byTestId(facilitator, 'status-stage-1').selectOption('discussion')
		await byTestId(facilitator, 'timer-zone').selectOption('stage-2')
		await byTestId(facilitator, 'timer-minutes').fill('5')
		await byTestId(facilitator, 'timer-start').click()
		await byTestId(facilitator, 'lock-board').click()
		for (const page of [participant, viewer]) await byTestId(page, 'locked-banner').waitFor()

		// Notices stay up for 6 s, so looking twice a second sees every one; the browser resyncs
		// every 10 s, which is when the false alarm used to come.
		const deadline = Date.now() + 60_000
		while (Date.now() < deadline) {
			for (const page of [participant, viewer]) expect(await byTestId(page, 'notice').allTextContents()).toEqual([])
			await participant.waitForTimeout(500)
		}
		await saveScreenshot(participant, 'facilitation-idle-participant-no-notice')
	}, 120_000)

	test("the facilitator's timer appears on every page and counts down", async () => {
		const { facilitator, participant, viewer } = await openSession()
		await byTestId(facilitator, 'timer-zone').selectOption('stage-2')
		await byTestId(facilitator, 'timer-minutes').fill('2')
		await byTestId(facilitator, 'timer-start').click()

		for (const page of [facilitator, participant, viewer]) {
			const timer = byTestId(page, 'session-timer')
			await timer.waitFor()
			expect(await timer.innerText()).toContain(MODEL_TEXTS.en.stages[2].title)
			const first = await remainingSeconds(page)
			expect(first).toBeGreaterThan(100)
			expect(first).toBeLessThanOrEqual(120)
			await page.waitForFunction(
				(first) => Number(document.querySelector('[data-testid=session-timer]')?.getAttribute('data-remaining-seconds')) <= first - 2,
				first,
			)
			expect(await timer.innerText()).toMatch(/01:[0-5]\d/)
		}
		await saveScreenshot(participant, 'facilitation-timer-participant')
		await saveScreenshot(facilitator, 'facilitation-timer-facilitator')

		await byTestId(facilitator, 'timer-stop').click()
		for (const page of [facilitator, participant, viewer]) await byTestId(page, 'session-timer').waitFor({ state: 'detached' })
	})

	test('the facilitator pauses the timer, resumes it and gives it a minute more; every page follows', async () => {
		const { facilitator, participant, viewer } = await openSession()
		await byTestId(facilitator, 'timer-minutes').fill('2')
		await byTestId(facilitator, 'timer-start').click()
		await byTestId(participant, 'session-timer').waitFor()
		await byTestId(facilitator, 'timer-pause').click()
		for (const page of [participant, viewer]) await page.locator('[data-testid=session-timer][data-paused=true]').waitFor()
		const held = await remainingSeconds(participant)
		await participant.waitForTimeout(2000)
		expect(await remainingSeconds(participant)).toBe(held)
		expect(await byTestId(participant, 'session-timer').innerText()).toContain(en['facilitation.paused'])
		await saveScreenshot(participant, 'facilitation-timer-paused')

		await byTestId(facilitator, 'timer-add-minute').click()
		await participant.waitForFunction(
			(held) => Number(document.querySelector('[data-testid=session-timer]')?.getAttribute('data-remaining-seconds')) === held + 60,
			held,
		)
		await byTestId(facilitator, 'timer-pause').click()
		for (const page of [participant, viewer]) {
			await page.locator('[data-testid=session-timer][data-paused=false]').waitFor()
			await page.waitForFunction(
				(from) => Number(document.querySelector('[data-testid=session-timer]')?.getAttribute('data-remaining-seconds')) <= from - 2,
				held + 60,
			)
		}
	})

	test('a timer that runs out flashes and chimes once on each page, except where muted', async () => {
		const { board, facilitator, participant, viewer } = await openSession()
		const writer = await connectAsFacilitator(board)
		try {
			startTimer(writer.doc, 'stage-5', 6000)
			for (const page of [facilitator, participant, viewer]) await byTestId(page, 'session-timer').waitFor()
			await byTestId(viewer, 'timer-mute').click()
			expect(await byTestId(viewer, 'timer-mute').getAttribute('aria-pressed')).toBe('true')

			for (const page of [facilitator, participant, viewer]) {
				await page.locator('[data-testid=session-timer].timer--ended[data-remaining-seconds="0"]').waitFor({ timeout: 15_000 })
				expect(await byTestId(page, 'session-timer').innerText()).toContain(en['facilitation.timeUp'])
			}
			await saveScreenshot(participant, 'facilitation-timer-ended')
			// Once per timer: the flash goes on, the chime does not repeat.
			await participant.waitForTimeout(1500)
			expect(await participant.evaluate(() => (window as unknown as { chimes: number }).chimes)).toBe(1)
			expect(await facilitator.evaluate(() => (window as unknown as { chimes: number }).chimes)).toBe(1)
			expect(await viewer.evaluate(() => (window as unknown as { chimes: number }).chimes)).toBe(0)
			expect(await viewer.evaluate(() => localStorage.getItem('strategy-board:timer-muted'))).toBe('true')
			expect(await byTestId(viewer, 'timer-mute').getAttribute('aria-pressed')).toBe('true')
			expect(await byTestId(viewer, 'timer-mute').locator('[data-icon=bellOff]').count()).toBe(1)
		} finally {
			writer.destroy()
		}
	})

	test("'Bring everyone here' moves the participant's and the viewer's camera to the facilitator's view, once per summon", async () => {
		const { facilitator, participant, viewer } = await openSession()
		const wholeModel = await settledCamera(participant)
		const facilitatorView = await jumpTo(facilitator, 'stage-3')
		expect(sameView(facilitatorView, wholeModel)).toBe(false)

		await byTestId(facilitator, 'summon').click()
		await waitForView(participant, facilitatorView, "the participant's camera to reach the facilitator's view")
		await waitForView(viewer, facilitatorView, "the viewer's camera to reach the facilitator's view")
		// The facilitator stays where they are.
		expect(sameView(await camera(facilitator), facilitatorView)).toBe(true)
		await saveScreenshot(participant, 'facilitation-summoned-participant')

		// The participant looks elsewhere; a second summon to the same place brings them back.
		const elsewhere = await jumpTo(participant, 'stage-7')
		expect(sameView(elsewhere, facilitatorView)).toBe(false)
		await byTestId(facilitator, 'summon').click()
		await waitForView(participant, facilitatorView, 'the second summon to arrive')

		// A page opened later is not pulled to an old summon: wait until its facilitation state has
		// arrived (the stage status set now), then give a summon far longer than its animation.
		await byTestId(facilitator, 'open-statuses').click()
		await byTestId(facilitator, 'status-stage-1').selectOption('discussion')
		await participant.reload()
		await participant.locator('.tl-canvas').waitFor()
		await participant.locator('[data-testid=zone-stage-1] [data-testid=zone-status][data-status=discussion]').waitFor()
		await participant.waitForTimeout(1000)
		expect(sameView(await settledCamera(participant), facilitatorView)).toBe(false)
	})

	test("'Follow me' makes others follow the facilitator until they move away themselves", async () => {
		const { facilitator, participant } = await openSession()
		await byTestId(facilitator, 'follow-me').click()
		expect(await byTestId(facilitator, 'follow-me').getAttribute('aria-pressed')).toBe('true')
		await participant.locator('.tlui-following-indicator').waitFor()

		const stage5 = await jumpTo(facilitator, 'stage-5')
		await waitForView(participant, stage5, 'the follower to follow the facilitator to stage 5')
		await saveScreenshot(participant, 'facilitation-following')

		// Breaking away: the participant scrolls their own view, and stays where they went.
		await participant.mouse.move(900, 450)
		await participant.mouse.wheel(0, 400)
		await participant.locator('.tlui-following-indicator').waitFor({ state: 'detached' })
		const own = await settledCamera(participant)
		await jumpTo(facilitator, 'stage-1')
		await participant.waitForTimeout(1000)
		expect(sameView(await camera(participant), own)).toBe(true)

		// Ending "follow me" and starting it again is a new instruction.
		await byTestId(facilitator, 'follow-me').click()
		expect(await byTestId(facilitator, 'follow-me').getAttribute('aria-pressed')).toBe('false')
		await byTestId(facilitator, 'follow-me').click()
		await participant.locator('.tlui-following-indicator').waitFor()
		await waitForView(participant, await settledCamera(facilitator), 'the follower to follow again')
		await byTestId(facilitator, 'follow-me').click()
		await participant.locator('.tlui-following-indicator').waitFor({ state: 'detached' })
	})

	test('locking the board stops the participant adding notes until the facilitator unlocks it', async () => {
		const { facilitator, participant, viewer } = await openSession()
		expect(await addButtons(participant).count()).toBe(9)
		await byTestId(facilitator, 'lock-board').click()

		await byTestId(participant, 'locked-banner').filter({ hasText: en['facilitation.lockedBanner'] }).waitFor()
		await byTestId(facilitator, 'locked-banner').filter({ hasText: en['facilitation.lockedBannerFacilitator'] }).waitFor()
		await byTestId(viewer, 'locked-banner').filter({ hasText: en['facilitation.lockedBannerViewer'] }).waitFor()
		await addButtons(participant).first().waitFor({ state: 'detached' })
		expect(await addButtons(participant).count()).toBe(0)
		// The facilitator still works on a locked board.
		expect(await addButtons(facilitator).count()).toBe(9)
		expect(await canAddNoteWithTool(participant)).toBe(false)
		await saveScreenshot(participant, 'facilitation-locked-participant')
		expect(await shapeIds(facilitator)).toEqual([])

		await byTestId(facilitator, 'lock-board').click()
		await byTestId(participant, 'locked-banner').waitFor({ state: 'detached' })
		await participant.locator('[data-testid=add-note-stage-1]').waitFor()
		const note = await addNoteWithPlus(participant, 'stage-1', 'After the lock')
		await waitForAllSaved(participant)
		await waitForShape(facilitator, note)
	})

	test('a private round is announced on every page until revealed; dot voting opens, reveals and closes', async () => {
		const { facilitator, participant, viewer } = await openSession()
		await byTestId(facilitator, 'private-start').click()
		await byTestId(participant, 'private-banner').filter({ hasText: en['facilitation.privateBanner'] }).waitFor()
		await byTestId(facilitator, 'private-banner').filter({ hasText: en['facilitation.privateBannerFacilitator'] }).waitFor()
		await byTestId(viewer, 'private-banner').filter({ hasText: en['facilitation.privateBannerViewer'] }).waitFor()
		expect(await byTestId(facilitator, 'private-start').isDisabled()).toBe(true)
		await saveScreenshot(participant, 'facilitation-private-round-participant')

		await byTestId(facilitator, 'private-reveal').click()
		for (const page of [facilitator, participant, viewer]) await byTestId(page, 'private-banner').waitFor({ state: 'detached' })
		await byTestId(facilitator, 'private-end').click()
		await facilitator.locator('fieldset[data-state=none] [data-testid=private-end]:disabled').waitFor()

		await byTestId(facilitator, 'voting-dots').fill('3')
		await byTestId(facilitator, 'voting-start').click()
		await facilitator.locator('fieldset[data-phase=open] [data-testid=voting-reveal]:enabled').waitFor()
		expect(await byTestId(facilitator, 'voting-start').isDisabled()).toBe(true)
		await byTestId(facilitator, 'voting-reveal').click()
		await facilitator.locator('fieldset[data-phase=revealed] [data-testid=voting-close]:enabled').waitFor()
		await byTestId(facilitator, 'voting-close').click()
		await facilitator.locator('fieldset[data-phase=none] [data-testid=voting-close]:disabled').waitFor()
	})

	test('only the facilitator gets the tools; the share dialog hands out the three links; a viewer cannot add notes', async () => {
		const board = await createBoard()
		const facilitator = await openBoard(await person(), facilitatorUrl(board), FACILITATOR)
		await tools(facilitator).waitFor()
		// The tools float over the canvas's left part: the facilitator's first view has the whole model right of them.
		const toolsBox = (await tools(facilitator).boundingBox())!
		const seenByFacilitator = await modelOnScreen(facilitator)
		expect(seenByFacilitator.centre.x - seenByFacilitator.outerRadius).toBeGreaterThanOrEqual(toolsBox.x + toolsBox.width - 1)
		expect(seenByFacilitator.centre.x + seenByFacilitator.outerRadius).toBeLessThanOrEqual(facilitator.viewportSize()!.width)
		// The key leaves the address bar at once, so a link copied from there is a participant link.
		expect(facilitator.url()).toBe(participantUrl(board))

		await byTestId(facilitator, 'open-share').click()
		await byTestId(facilitator, 'link-view').waitFor()
		expect(await byTestId(facilitator, 'link-facilitator').inputValue()).toBe(facilitatorUrl(board))
		expect(await byTestId(facilitator, 'link-participant').inputValue()).toBe(participantUrl(board))
		const viewLink = await byTestId(facilitator, 'link-view').inputValue()
		expect(viewLink).toBe(viewUrl(board))
		await saveScreenshot(facilitator, 'facilitation-share-dialog')
		await facilitator.keyboard.press('Escape')
		await byTestId(facilitator, 'share-dialog').waitFor({ state: 'detached' })

		const participant = await openBoard(await person(), participantUrl(board), PARTICIPANT)
		const viewer = await openBoard(await person(), viewLink)
		expect(await viewer.locator('[data-testid=join-dialog]').count()).toBe(0)
		for (const page of [participant, viewer]) {
			expect(await tools(page).count()).toBe(0)
			expect(await byTestId(page, 'open-share').count()).toBe(0)
		}
		// Without the tools the model sits in the middle of the canvas.
		const canvas = (await participant.locator('.tl-canvas').boundingBox())!
		expect(Math.abs((await modelOnScreen(participant)).centre.x - (canvas.x + canvas.width / 2))).toBeLessThan(2)
		expect(await addButtons(viewer).count()).toBe(0)
		expect(await canAddNoteWithTool(viewer)).toBe(false)
		expect(await shapeIds(facilitator)).toEqual([])
		await saveScreenshot(viewer, 'facilitation-viewer')
		await saveScreenshot(facilitator, 'facilitation-tools')

		// The viewer is named as one, and sees the board settings without fields that go nowhere.
		expect(await viewer.locator('[data-testid=participant] .participants__name').first().textContent()).toBe(en['participants.viewer'])
		await byTestId(viewer, 'open-settings').click()
		await byTestId(viewer, 'settings-read-only').waitFor()
		expect(await byTestId(viewer, 'settings-board-title').getAttribute('readonly')).not.toBeNull()
		expect(await byTestId(viewer, 'settings-new-department').count()).toBe(0)
		expect(await viewer.locator('[data-testid=settings-dialog] textarea:not([readonly])').count()).toBe(0)
		await saveScreenshot(viewer, 'facilitation-viewer-settings')
	})

	test('stage statuses show as a broad coloured band at the whole-model view', async () => {
		const { facilitator, participant } = await openSession()
		await byTestId(facilitator, 'open-statuses').click()
		await byTestId(facilitator, 'status-stage-1').selectOption('agreed')
		await byTestId(facilitator, 'status-stage-2').selectOption('discussion')
		await byTestId(facilitator, 'status-centre').selectOption('agreed')
		const band = (zone: string) => participant.locator(`[data-testid=zone-${zone}] [data-testid=zone-status-outline]`)
		await band('stage-1').and(participant.locator('[data-status=agreed]')).waitFor()
		await band('stage-2').and(participant.locator('[data-status=discussion]')).waitFor()
		await participant.locator('[data-testid=zone-centre][data-status=agreed]').waitFor()
		expect(await band('stage-3').count()).toBe(0)
		// Half the stroke lies inside the zone; on screen it must be wide enough to see from the back of a room.
		const onScreenWidth = await band('stage-1').evaluate((path) => {
			const scale = (path as SVGPathElement).getScreenCTM()!.a
			return (parseFloat(getComputedStyle(path).strokeWidth) / 2) * scale
		})
		expect(onScreenWidth).toBeGreaterThanOrEqual(8)
		await saveScreenshot(participant, 'facilitation-status-bands')
	})

	test("a spotlight veils everything outside the spotlit zone, the other zones' notes included", async () => {
		const { facilitator, participant } = await openSession()
		const outside = await addNoteWithPlus(participant, 'stage-1', 'Outside the spotlight')
		const inside = await addNoteWithPlus(participant, 'stage-4', 'In the spotlight')
		await byTestId(facilitator, 'spotlight').selectOption('stage-4')
		await participant.locator('[data-testid=spotlight-mask][data-zone=stage-4]').waitFor()
		const veiled = (noteId: string) =>
			participant.evaluate((noteId) => {
				const note = document.querySelector(`.tl-shape[data-shape-id="${noteId}"]`)!.getBoundingClientRect()
				const mask = document.querySelector<SVGSVGElement>('[data-testid=spotlight-mask]')!
				const onPage = new DOMPoint(note.x + note.width / 2, note.y + note.height / 2).matrixTransform(mask.getScreenCTM()!.inverse())
				return mask.querySelector('path')!.isPointInFill(onPage)
			}, noteId)
		expect(await veiled(outside)).toBe(true)
		expect(await veiled(inside)).toBe(false)
		await saveScreenshot(participant, 'facilitation-spotlight-veil')
		await byTestId(facilitator, 'spotlight').selectOption('')
		await participant.locator('[data-testid=spotlight-mask]').waitFor({ state: 'detached' })
	})

	test('a spotlight dims the other zones; stage statuses and the overview in the centre show on every page', async () => {
		const { facilitator, participant, viewer } = await openSession()
		await byTestId(facilitator, 'spotlight').selectOption('stage-4')
		await participant.locator('[data-testid=zone-stage-4][data-spotlit=true]').waitFor()
		// Each zone re-renders on its own, so each is awaited rather than read at once.
		for (const stage of STAGE_NUMBERS.filter((stage) => stage !== 4)) {
			await participant.locator(`[data-testid=zone-stage-${stage}][data-spotlit=false]`).waitFor()
		}
		await participant.locator('[data-testid=zone-centre][data-spotlit=false]').waitFor()
		// Dimmed, not hidden: the fill fades to about a third.
		await participant.waitForFunction(() => getComputedStyle(document.querySelector('[data-testid=zone-stage-1] .stage-zone__shape')!).opacity === '0.3')
		expect(await participant.locator('[data-testid=zone-stage-4] .stage-zone__shape').evaluate((element) => getComputedStyle(element).opacity)).toBe('1')
		await saveScreenshot(participant, 'facilitation-spotlight-participant')
		await byTestId(facilitator, 'spotlight').selectOption('')
		await participant.locator('[data-testid=zone-stage-1][data-spotlit=true]').waitFor()

		// Two departments write in two stages: both stages are islands, each held by one department.
		await addNoteWithPlus(participant, 'stage-1', 'Fewer support calls')
		await addNoteWithPlus(facilitator, 'stage-2', 'Existing customers')
		await byTestId(facilitator, 'open-statuses').click()
		await byTestId(facilitator, 'status-stage-3').selectOption('agreed')
		await byTestId(facilitator, 'status-stage-5').selectOption('discussion')
		for (const page of [facilitator, participant, viewer]) {
			// Attached, not visible: tldraw does not draw zones outside the view (the "+" zoomed in).
			await zoneStatus(page, 'stage-3').and(page.locator('[data-status=agreed]')).waitFor({ state: 'attached' })
			expect(await zoneStatus(page, 'stage-3').textContent()).toBe(en['facilitation.status.agreed'])
			expect(await zoneStatus(page, 'stage-5').getAttribute('data-status')).toBe('discussion')
			expect(await zoneStatus(page, 'stage-1').textContent()).toBe(en['facilitation.status.open'])
			const overview = page.locator('[data-testid=centre-overview][data-agreed="1"][data-departments="2"][data-islands="2"]')
			await overview.waitFor({ state: 'attached' })
			expect(await overview.textContent()).toContain('Stages agreed: 1/8')
		}
		await saveScreenshot(viewer, 'facilitation-statuses-viewer')
		await saveScreenshot(facilitator, 'facilitation-statuses-facilitator')
	})
})
