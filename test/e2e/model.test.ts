import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { en } from '../../client/i18n/en'
import { MODEL_LAYOUT, pointAt, sectorAngles, zoneOfPoint } from '../../shared/model/geometry'
import { MODEL_TEXTS, type Locale } from '../../shared/model/modelTexts'
import { STAGE_NUMBERS } from '../../shared/model/zones'
import { readAllRecords, recordsOf, writeRecordChanges } from '../../shared/recordDoc'
import { saveScreenshot } from '../helpers/browser'
import { waitFor } from '../helpers/waitFor'
import { fractionalIndex } from '../bench/noteRecords'
import { noteRecord } from '../helpers/noteRecord'
import { connectSynced } from '../helpers/yjsClient'
import {
	addNoteWithPlus,
	boardIdOf,
	clickCanvas,
	dragShapeTo,
	drawRectangle,
	modelOnScreen,
	newBoardUrl,
	openBoard,
	panelNote,
	pointInStage,
	shapeIds,
	shapeSelector,
	waitForAllSaved,
	waitForShape,
	waitForShapeGone,
	waitForZoneCount,
} from './boardPage'
import { browserSession } from './browserSession'

const session = browserSession({ viewport: { width: 1600, height: 900 } })
const person = session.person

const MARKETING = { name: 'Anna', department: 'Marketing' }
const IT = { name: 'Bram', department: 'IT' }

const ZONE_SHAPES = '.tl-shape[data-shape-type=stage-zone], .tl-shape[data-shape-type=model-centre]'
/** The ids ensureModelTemplate gives the model's zones. */
const ZONE_RECORD_IDS = [...STAGE_NUMBERS.map((stage) => `shape:model-stage-${stage}`), 'shape:model-centre']

const zoneTitle = (page: Page, zone: string) => page.locator(`[data-testid=zone-${zone}] [data-testid=zone-title]`)

/** Waits until every zone on the canvas shows its title in `locale`. */
async function waitForZoneTitles(page: Page, locale: Locale) {
	const texts = MODEL_TEXTS[locale]
	const wanted: Record<string, string> = { centre: texts.centre.title }
	for (const stage of STAGE_NUMBERS) wanted[`stage-${stage}`] = texts.stages[stage].title
	await page.waitForFunction((wanted) => {
		return Object.entries(wanted).every(
			([zone, title]) => document.querySelector(`[data-testid=zone-${zone}] [data-testid=zone-title]`)?.textContent === title,
		)
	}, wanted)
}

/** tldraw's own UI: the select tool's accessible name is translated by tldraw. */
const SELECT_TOOL = '[data-testid="tools.select"]'
const SELECT_TOOL_LABEL: Record<Locale, string> = { en: 'Select — V', nl: 'Selecteer — V' }

async function waitForAttribute(page: Page, selector: string, name: string, value: string) {
	await page.waitForFunction(({ selector, name, value }) => document.querySelector(selector)?.getAttribute(name) === value, { selector, name, value })
}

/** A CSS colour as the browser computes it: `#rrggbb` -> `rgb(r, g, b)`. */
function rgbOf(hex: string): string {
	const value = parseInt(hex.slice(1), 16)
	return `rgb(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255})`
}

const backgroundOf = (page: Page, selector: string) =>
	page
		.locator(selector)
		.first()
		.evaluate((element) => getComputedStyle(element).backgroundColor)

describe('the SocialStrategyModel on the board', () => {
	test('a new board shows the eight numbered stage zones around the centre, with their labels', async () => {
		const page = await openBoard(await person({ viewport: { width: 1920, height: 1080 } }), newBoardUrl(session.server.httpUrl), MARKETING)
		const viewport = page.viewportSize()!

		expect(await page.locator('[data-testid=zone-centre]').isVisible()).toBe(true)
		expect(await page.locator('[data-testid^=zone-stage-]').count()).toBe(8)
		expect(await zoneTitle(page, 'centre').innerText()).toBe(MODEL_TEXTS.en.centre.title)
		for (const stage of STAGE_NUMBERS) {
			const zone = page.locator(`[data-testid=zone-stage-${stage}]`)
			expect(await zone.isVisible()).toBe(true)
			expect(await zone.locator('[data-testid=zone-title]').innerText()).toBe(MODEL_TEXTS.en.stages[stage].title)
			expect(await zone.locator('.stage-zone__number').innerText()).toBe(String(stage))
			// The zone's element box is not its sector: the drawn sector is the svg path.
			const sector = (await zone.locator('.stage-zone__shape path').boundingBox())!
			expect(sector.width).toBeGreaterThan(100)
			expect(sector.x).toBeGreaterThanOrEqual(0)
			expect(sector.y).toBeGreaterThanOrEqual(0)
			expect(sector.x + sector.width).toBeLessThanOrEqual(viewport.width)
			expect(sector.y + sector.height).toBeLessThanOrEqual(viewport.height)
			// The label (number, title, "+") is inside the viewport too.
			const heading = (await zone.locator('.stage-zone__heading').boundingBox())!
			expect(heading.x).toBeGreaterThanOrEqual(0)
			expect(heading.y).toBeGreaterThanOrEqual(0)
			expect(heading.x + heading.width).toBeLessThanOrEqual(viewport.width)
			expect(heading.y + heading.height).toBeLessThanOrEqual(viewport.height)
		}
		// The model sits right of the side panel, whole.
		const canvas = (await page.locator('.tl-canvas').boundingBox())!
		const model = await modelOnScreen(page)
		expect(model.centre.x - model.outerRadius).toBeGreaterThanOrEqual(canvas.x)
		expect(await shapeIds(page)).toEqual([])

		await saveScreenshot(page, 'model-new-board-1920x1080')
	})

	test('two people from different departments add notes to stages 1 and 3 with the + buttons, and both panels group them', async () => {
		const url = newBoardUrl(session.server.httpUrl)
		const a = await openBoard(await person(), url, MARKETING)
		const b = await openBoard(await person(), url, IT)

		const noteOfA = await addNoteWithPlus(a, 'stage-1', 'Too few leads')
		const noteOfB = await addNoteWithPlus(b, 'stage-3', 'They live on LinkedIn')
		for (const page of [a, b]) {
			await waitForShape(page, noteOfA)
			await waitForShape(page, noteOfB)
			await waitForZoneCount(page, 'stage-1', 1)
			await waitForZoneCount(page, 'stage-3', 1)
			const entryOfA = panelNote(page, 'stage-1', noteOfA)
			const entryOfB = panelNote(page, 'stage-3', noteOfB)
			await entryOfA.filter({ hasText: 'Too few leads' }).waitFor()
			await entryOfB.filter({ hasText: 'They live on LinkedIn' }).waitFor()
			expect(await entryOfA.getAttribute('data-department')).toBe('Marketing')
			expect(await entryOfB.getAttribute('data-department')).toBe('IT')
			expect(await page.locator('[data-testid=panel-stage-1] [data-testid=panel-department]').getAttribute('data-department')).toBe('Marketing')
			expect(await page.locator('[data-testid=panel-stage-3] [data-testid=panel-department]').getAttribute('data-department')).toBe('IT')
			for (const zone of ['centre', 'stage-2', 'stage-4', 'stage-5', 'stage-6', 'stage-7', 'stage-8', 'parking']) {
				expect(await page.locator(`[data-testid=panel-${zone}]`).getAttribute('data-count')).toBe('0')
			}

			const colourOfA = (await entryOfA.locator('.swatch').getAttribute('data-colour'))!
			const colourOfB = (await entryOfB.locator('.swatch').getAttribute('data-colour'))!
			expect(colourOfA).toMatch(/^#[0-9a-f]{6}$/i)
			expect(colourOfB).toMatch(/^#[0-9a-f]{6}$/i)
			expect(colourOfA).not.toBe(colourOfB)
			// The dot shows the colour it names, and the legend shows the same colour for the department.
			expect(await backgroundOf(page, `[data-testid=panel-note][data-note-id="${noteOfA}"] .swatch`)).toBe(rgbOf(colourOfA))
			expect(await backgroundOf(page, '[data-testid=legend-department][data-department=Marketing] .swatch')).toBe(rgbOf(colourOfA))
			expect(await backgroundOf(page, '[data-testid=legend-department][data-department=IT] .swatch')).toBe(rgbOf(colourOfB))
			// Both people are present, each in their own department.
			await page.locator('[data-testid=legend-department][data-department=Marketing][data-present="1"]').waitFor()
			await page.locator('[data-testid=legend-department][data-department=IT][data-present="1"]').waitFor()
		}

		await saveScreenshot(a, 'model-plus-notes-page-a')
		await saveScreenshot(b, 'model-plus-notes-page-b')
	})

	test('dragging a note from stage 1 to stage 2 moves it in both panels', async () => {
		const url = newBoardUrl(session.server.httpUrl)
		const a = await openBoard(await person(), url, MARKETING)
		const b = await openBoard(await person(), url, IT)
		const note = await addNoteWithPlus(a, 'stage-1', 'Move me')
		await waitForZoneCount(b, 'stage-1', 1)
		await panelNote(b, 'stage-1', note).waitFor()

		await dragShapeTo(a, note, await pointInStage(a, 2))

		for (const page of [a, b]) {
			await panelNote(page, 'stage-2', note).waitFor()
			await waitForZoneCount(page, 'stage-2', 1)
			await waitForZoneCount(page, 'stage-1', 0)
			expect(await page.locator('[data-testid=panel-stage-1] [data-testid=panel-note]').count()).toBe(0)
			expect(await panelNote(page, 'stage-2', note).getAttribute('data-department')).toBe('Marketing')
		}

		await saveScreenshot(a, 'model-dragged-to-stage-2-page-a')
		await saveScreenshot(b, 'model-dragged-to-stage-2-page-b')
	})

	test('switching to Dutch changes the zone labels and the panel', async () => {
		const page = await openBoard(await person(), newBoardUrl(session.server.httpUrl), MARKETING)
		await waitForZoneTitles(page, 'en')
		await waitForAttribute(page, SELECT_TOOL, 'aria-label', SELECT_TOOL_LABEL.en)
		expect(await page.locator('[data-testid=panel-stage-1] .stage-list__title').innerText()).toBe(MODEL_TEXTS.en.stages[1].title)

		await page.locator('[data-testid=language-nl]').click()
		await waitForZoneTitles(page, 'nl')
		await waitForAttribute(page, SELECT_TOOL, 'aria-label', SELECT_TOOL_LABEL.nl)
		expect(await page.locator('[data-testid=language-nl]').getAttribute('aria-pressed')).toBe('true')
		for (const stage of STAGE_NUMBERS) {
			expect(await page.locator(`[data-testid=panel-stage-${stage}] .stage-list__title`).innerText()).toBe(MODEL_TEXTS.nl.stages[stage].title)
		}
		expect(await page.locator('[data-testid=panel-centre] .stage-list__title').innerText()).toBe(MODEL_TEXTS.nl.centre.title)
		expect(await page.locator('[data-testid=panel-parking] .stage-list__title').innerText()).toBe(MODEL_TEXTS.nl.parking.title)
		await saveScreenshot(page, 'model-dutch')

		await page.locator('[data-testid=language-en]').click()
		await waitForZoneTitles(page, 'en')
		await waitForAttribute(page, SELECT_TOOL, 'aria-label', SELECT_TOOL_LABEL.en)
		expect(await page.locator('[data-testid=panel-stage-1] .stage-list__title').innerText()).toBe(MODEL_TEXTS.en.stages[1].title)

		// The choice is remembered in this browser.
		await page.locator('[data-testid=language-nl]').click()
		await waitForZoneTitles(page, 'nl')
		await page.reload()
		await page.locator('.tl-canvas').waitFor()
		await waitForZoneTitles(page, 'nl')
		await waitForAttribute(page, SELECT_TOOL, 'aria-label', SELECT_TOOL_LABEL.nl)
		expect(await page.locator('[data-testid=panel-stage-1] .stage-list__title').innerText()).toBe(MODEL_TEXTS.nl.stages[1].title)
		await saveScreenshot(page, 'model-dutch-after-reload')
	})

	test('a first visit shows a hint (Shift+N, draagvlak, islands) until dismissed, and Shift+N is in the keyboard shortcuts', async () => {
		const context = await person({ firstVisit: true })
		const page = await openBoard(context, newBoardUrl(session.server.httpUrl), MARKETING)
		const hint = page.locator('[data-testid=first-visit-hint]')
		await hint.waitFor()
		expect(await hint.innerText()).toContain('Shift+N')
		await saveScreenshot(page, 'model-first-visit-hint')
		await page.locator('[data-testid=first-visit-hint-dismiss]').click()
		await hint.waitFor({ state: 'detached' })
		await page.reload()
		await page.locator('.tl-canvas').waitFor()
		await page.waitForTimeout(500)
		expect(await hint.count()).toBe(0)

		await clickCanvas(page, { x: 60, y: 250 })
		await page.keyboard.press('Control+Alt+/')
		const dialog = page.locator('.tlui-dialog__content')
		await dialog.waitFor()
		expect(await dialog.innerText()).toContain('Add a note to the zone under the cursor')
		await saveScreenshot(page, 'model-shortcuts-dialog')
	})

	test('"+" at the whole-model view adds notes without moving the camera, each ready for typing', async () => {
		const page = await openBoard(await person(), newBoardUrl(session.server.httpUrl), IT)
		const zoom = () => page.locator('[data-testid="minimap.zoom-menu-button"]').innerText()
		const before = await zoom()
		const plus = page.locator('[data-testid=add-note-stage-3]')
		const plusAt = await plus.boundingBox()
		const first = await addNoteWithPlus(page, 'stage-3', 'Where are they online?')
		expect(await zoom()).toBe(before)
		const second = await addNoteWithPlus(page, 'stage-3', 'How active are they?')
		expect(await zoom()).toBe(before)
		expect(await plus.boundingBox()).toEqual(plusAt)
		await waitForZoneCount(page, 'stage-3', 2)
		for (const [id, text] of [
			[first, 'Where are they online?'],
			[second, 'How active are they?'],
		] as const) {
			expect(await panelNote(page, 'stage-3', id).innerText()).toContain(text)
		}
		await saveScreenshot(page, 'model-plus-keeps-the-camera')
	})

	test("at the whole-model view on a 1080p projector titles stand upright at 18 px or more, questions wait for a closer look, notes show their first words at 12 px, and centre notes leave the centre's text free", async () => {
		const page = await openBoard(await person({ viewport: { width: 1920, height: 1080 } }), newBoardUrl(session.server.httpUrl), MARKETING)
		const notes: string[] = []
		for (const zone of ['centre', 'centre', 'centre', 'centre', 'centre', 'centre', 'stage-6', 'stage-7']) {
			notes.push(await addNoteWithPlus(page, zone, 'Customer stories on the website, every week'))
		}
		const zoom = () => page.locator('.tl-container').evaluate((element) => Number(getComputedStyle(element).getPropertyValue('--tl-zoom')))
		expect(await zoom()).toBeLessThan(0.35)
		/** The on-screen heights of the elements' text: their CSS font size, scaled by the camera. */
		const screenFontSizes = async (selector: string) => {
			const scale = await zoom()
			const sizes = await page.locator(selector).evaluateAll((elements) => elements.map((element) => parseFloat(getComputedStyle(element).fontSize)))
			return sizes.map((size) => size * scale)
		}
		const titleSizes = await screenFontSizes('[data-testid=zone-title]')
		expect(titleSizes).toHaveLength(9)
		for (const size of titleSizes) expect(size).toBeGreaterThanOrEqual(18)
		// Upright: no label and no title is turned.
		const turned = await page
			.locator('.stage-zone__label, [data-testid=zone-title]')
			.evaluateAll((elements) => elements.filter((element) => !['none', 'matrix(1, 0, 0, 1, 0, 0)'].includes(getComputedStyle(element).transform)).length)
		expect(turned).toBe(0)
		expect(await page.locator('[data-testid=zone-prompts]').count()).toBe(0)
		// 12 px, give or take the float rounding of a size divided by the zoom and multiplied back.
		for (const size of await screenFontSizes(`${shapeSelector(notes[6]!)} .tl-text-label__inner`)) expect(size).toBeGreaterThan(11.99)

		await saveScreenshot(page, 'model-overview-1080p')
		// The centre's text (overview line, title, status and "+") is clear of the six centre notes.
		const centreText = await page
			.locator('[data-testid=zone-centre] .model-centre__text > *')
			.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect))
		for (const note of notes.slice(0, 6)) {
			const box = (await page.locator(shapeSelector(note)).boundingBox())!
			for (const text of centreText) {
				const apart = box.x >= text.right || text.left >= box.x + box.width || box.y >= text.bottom || text.top >= box.y + box.height
				expect(apart, `note ${note} ${JSON.stringify(box)} over the centre's text ${JSON.stringify(text)}`).toBe(true)
			}
		}

		// Closer in, the questions show, at 12 px or more.
		await clickCanvas(page, { x: 40, y: 400 })
		await page.keyboard.press('Shift+0')
		await page.locator('[data-testid=zone-prompts]').first().waitFor()
		for (const size of await screenFontSizes('[data-testid=zone-prompts]')) expect(size).toBeGreaterThanOrEqual(12)
	})

	test("tldraw's export draws the model's zones with their titles and the centre's overview", async () => {
		const page = await openBoard(await person(), `${newBoardUrl(session.server.httpUrl)}?debug`, MARKETING)
		await waitFor(async () => (await page.locator(ZONE_SHAPES).count()) === 9, { what: 'the model drawn' })
		const svg = await page.evaluate(async () => {
			type Exporting = { getCurrentPageShapeIds(): Set<string>; getSvgString(ids: string[]): Promise<{ svg: string } | undefined> }
			const { editor } = (window as unknown as { strategyBoard: { editor: Exporting } }).strategyBoard
			return (await editor.getSvgString([...editor.getCurrentPageShapeIds()]))?.svg ?? ''
		})
		// The zones render outside the page's React tree here: without their own session they would be missing.
		const asMarkup = (text: string) => text.replace(/&/g, '&amp;')
		expect(svg).toContain(asMarkup(MODEL_TEXTS.en.centre.title))
		for (const stage of STAGE_NUMBERS) expect(svg).toContain(asMarkup(MODEL_TEXTS.en.stages[stage].title))
		expect(svg).toContain('data-testid="centre-overview"')
	})

	test("a selected note offers no colour picker (its colour is its department's), a rectangle does", async () => {
		const page = await openBoard(await person(), newBoardUrl(session.server.httpUrl), MARKETING)
		const note = await addNoteWithPlus(page, 'stage-2', 'Department colour stays')
		await page.locator(`.tl-shape[data-shape-id="${note}"]`).click()
		await page.locator('.tlui-style-panel').waitFor()
		expect(await page.locator('[data-testid="style.color"]').count()).toBe(0)
		await saveScreenshot(page, 'model-note-style-panel')

		await page.keyboard.press('Escape')
		await drawRectangle(page, { x: 700, y: 120 }, { x: 800, y: 200 })
		await page.locator('[data-testid="style.color"]').waitFor()
	})

	test('zones cannot be deleted with select-all and delete', async () => {
		const url = newBoardUrl(session.server.httpUrl)
		const a = await openBoard(await person(), url, MARKETING)
		const b = await openBoard(await person(), url, IT)
		const note = await addNoteWithPlus(a, 'centre', 'Delete me')
		await waitForShape(b, note)

		// An empty spot of the canvas outside the model (the side panel is left of the canvas).
		await clickCanvas(a, { x: 40, y: 40 })
		await a.keyboard.press('Control+a')
		await a.keyboard.press('Delete')

		await waitForShapeGone(a, note)
		await waitForShapeGone(b, note)
		await waitForAllSaved(a)
		for (const page of [a, b]) {
			expect(await page.locator(ZONE_SHAPES).count()).toBe(9)
			expect(await page.locator('[data-testid^=zone-stage-]').count()).toBe(8)
			expect(await page.locator('[data-testid=zone-centre]').count()).toBe(1)
		}
		// The relay still holds every zone (a reload alone would not tell: each page redraws missing zones).
		const client = await connectSynced(session.server.relayUrl, boardIdOf(url))
		try {
			const records = recordsOf(client.doc)
			expect(ZONE_RECORD_IDS.filter((id) => !records.has(id))).toEqual([])
			expect(records.has(note)).toBe(false)
		} finally {
			client.destroy()
		}

		await a.reload()
		await a.locator('.tl-canvas').waitFor()
		await waitForZoneTitles(a, 'en')
		expect(await a.locator(ZONE_SHAPES).count()).toBe(9)
		expect(await shapeIds(a)).toEqual([])
		await saveScreenshot(a, 'model-zones-survive-select-all-delete')
	})

	test('the join dialog refuses an empty, whitespace-only or over-long department and accepts a new one', async () => {
		const url = newBoardUrl(session.server.httpUrl)
		const a = await openBoard(await person(), url, MARKETING)

		const page = await (await person()).newPage()
		await page.goto(url)
		const dialog = page.locator('[data-testid=join-dialog]')
		await dialog.waitFor()
		const problem = page.locator('[data-testid=join-problem]')
		await page.locator('[data-testid=join-name]').fill('Chris')

		// Nothing chosen.
		await page.locator('[data-testid=join-submit]').click()
		await problem.filter({ hasText: en['join.departmentEmpty'] }).waitFor()

		await page.locator('[data-testid=join-department]').selectOption('__new__')
		const typed = page.locator('[data-testid=join-new-department]')
		await typed.fill('   ')
		await page.locator('[data-testid=join-submit]').click()
		await problem.filter({ hasText: en['join.departmentEmpty'] }).waitFor()
		expect(await dialog.isVisible()).toBe(true)

		await typed.fill('x'.repeat(41))
		await page.locator('[data-testid=join-submit]').click()
		await problem.filter({ hasText: en['join.departmentTooLong'].replace('{max}', '40') }).waitFor()
		expect(await dialog.isVisible()).toBe(true)
		await saveScreenshot(page, 'model-join-dialog-too-long')

		await typed.fill('Juridische zaken')
		await page.locator('[data-testid=join-submit]').click()
		await dialog.waitFor({ state: 'detached' })
		await page.locator('[data-testid=change-identity]', { hasText: 'Chris · Juridische zaken' }).waitFor()

		// The new department joins the board's list, for everyone, with its one person present.
		for (const other of [a, page]) {
			await other.locator('[data-testid=legend-department][data-department="Juridische zaken"][data-present="1"]').waitFor()
			await other.locator('[data-testid=legend-department][data-department=Marketing][data-present="1"]').waitFor()
		}
		expect(await a.locator('[data-testid=legend-department]').count()).toBe(9)
		await saveScreenshot(a, 'model-new-department-in-legend-page-a')
	})

	test("select-all and delete of more than 10 other people's notes asks first; declining keeps them for everyone", async () => {
		const url = newBoardUrl(session.server.httpUrl)
		const bram = await openBoard(await person(), url, IT)
		const template = await addNoteWithPlus(bram, 'stage-1', 'Template')
		await waitForAllSaved(bram)
		const client = await connectSynced(session.server.relayUrl, boardIdOf(url))
		try {
			const copied = await waitFor(() => readAllRecords(client.doc).find((record) => record.id === template), { what: 'the note on the relay' })
			const others = Array.from({ length: 12 }, (_, index) => ({
				...copied,
				id: `shape:anna-${index}`,
				x: (copied.x as number) + (index % 4) * 10,
				// Anna's by name and department; the relay lets nobody else write her id as a note's author.
				meta: { authorName: 'Anna', department: 'Marketing', createdAt: '2026-12-01T10:00:00Z' },
			}))
			writeRecordChanges(client.doc, { put: others, removed: [] }, 'test')
			await waitForZoneCount(bram, 'stage-1', 13)
		} finally {
			client.destroy()
		}
		const question = bram.locator('[data-testid=confirm-deletion]')
		await clickCanvas(bram, { x: 60, y: 250 })
		await bram.keyboard.press('Control+a')
		await bram.keyboard.press('Delete')
		await question.waitFor()
		expect(await question.innerText()).toContain(en['board.confirmDeleteOthers'].replace('{count}', '12'))
		await bram.locator('[data-testid=keep-notes]').click()
		await question.waitFor({ state: 'detached' })
		await bram.waitForTimeout(500)
		expect((await shapeIds(bram)).filter((id) => id.startsWith('shape:anna-'))).toHaveLength(12)

		await bram.keyboard.press('Control+a')
		await bram.keyboard.press('Delete')
		await bram.locator('[data-testid=delete-notes]').click()
		await waitForZoneCount(bram, 'stage-1', 0)
	})

	test("a board that already holds more notes than tldraw's 4,000-shape cap still gets its model drawn", async () => {
		const url = newBoardUrl(session.server.httpUrl)
		const first = await openBoard(await person(), url, MARKETING)
		await waitForAllSaved(first)
		await first.close()
		const client = await connectSynced(session.server.relayUrl, boardIdOf(url))
		try {
			// Notes from an import, outside the circle, and no model: as a board imported from another tool arrives.
			const notes = Array.from({ length: 4_050 }, (_, index) =>
				noteRecord({
					id: `shape:imported-${index}`,
					x: 2_000 + (index % 60) * 220,
					y: (Math.floor(index / 60) - 30) * 220,
					index: fractionalIndex(index),
				}),
			)
			writeRecordChanges(client.doc, { put: notes as never, removed: ZONE_RECORD_IDS }, 'import')
			await waitFor(() => client.provider.ws!.bufferedAmount === 0, { what: 'the notes sent' })
		} finally {
			client.destroy()
		}
		const page = await openBoard(await person(), url, IT)
		await page.waitForFunction((selector) => document.querySelectorAll(selector).length === 9, ZONE_SHAPES, { timeout: 60_000 })
		await saveScreenshot(page, 'model-drawn-over-the-cap')
	}, 120_000)

	test('a note without department meta still shows and counts as unknown department', async () => {
		const errors: Error[] = []
		const context = await person()
		context.on('page', (page: Page) => page.on('pageerror', (error) => errors.push(error)))
		const url = newBoardUrl(session.server.httpUrl)
		const page = await openBoard(context, url, MARKETING)
		const original = await addNoteWithPlus(page, 'stage-1', 'Stamped')
		await waitForAllSaved(page)

		// A plain y-websocket client writes a note as plain tldraw (or an older client) would: no meta.
		const client = await connectSynced(session.server.relayUrl, boardIdOf(url))
		try {
			const copied = await waitFor(() => readAllRecords(client.doc).find((record) => record.id === original), {
				what: 'the note on the relay',
			})
			// Moved along stage 1, towards stage 2 (but still in stage 1), beside the original.
			const { innerRadius, outerRadius } = MODEL_LAYOUT
			const spot = pointAt(MODEL_LAYOUT, (innerRadius + outerRadius) / 2 - 100, (sectorAngles(1).end * 3) / 4)
			expect(zoneOfPoint(spot)).toBe('stage-1')
			const handmade = { ...copied, id: 'shape:handmade', x: spot.x - 100, y: spot.y - 100, meta: {} }
			writeRecordChanges(client.doc, { put: [handmade], removed: [] }, 'test')

			await waitForShape(page, 'shape:handmade')
			await waitForZoneCount(page, 'stage-1', 2)
		} finally {
			client.destroy()
		}
		const entry = panelNote(page, 'stage-1', 'shape:handmade')
		await entry.waitFor()
		expect(await entry.getAttribute('data-department')).toBe('')
		expect(await entry.innerText()).toContain('Stamped')
		expect(await panelNote(page, 'stage-1', original).getAttribute('data-department')).toBe('Marketing')
		const unknown = page.locator('[data-testid=panel-stage-1] [data-testid=panel-department][data-department=""]')
		expect(await unknown.innerText()).toBe(`${en['panel.unknownDepartment']} · 1`)
		expect(await page.locator('[data-testid=panel-stage-1] [data-testid=panel-department][data-department=Marketing]').innerText()).toBe('Marketing · 1')
		// The note's dot shows the colour the note really has (copied: Marketing's), whatever its meta says;
		// the unknown department's own dot is white, tldraw's white note fill.
		const originalDot = await panelNote(page, 'stage-1', original).locator('.swatch').getAttribute('data-colour')
		expect(await entry.locator('.swatch').getAttribute('data-colour')).toBe(originalDot)
		expect((await unknown.locator('.swatch').getAttribute('data-colour'))!.toLowerCase()).toBe('#ffffff')
		expect(errors).toEqual([])

		await saveScreenshot(page, 'model-note-without-department')
	})
})
