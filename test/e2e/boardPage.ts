import type { BrowserContext, Page } from 'playwright-core'
import { newBoardId } from '../../shared/boardId'

/** Page-level helpers for driving a board through its real UI: keyboard shortcuts and the mouse. */

export type Point = { x: number; y: number }

export const STATUS = '[data-testid=sync-status]'
export const PARTICIPANT = '[data-testid=participant]'

export const shapeSelector = (shapeId: string) => `.tl-shape[data-shape-id="${shapeId}"]`

export const newBoardUrl = (httpUrl: string) => `${httpUrl}/b/${newBoardId()}`

export const boardIdOf = (url: string) => new URL(url).pathname.split('/').pop()!

export type Person = { name: string; department: string }

let visitors = 0

/**
 * Opens `url` in a new page of `context` (or in a page not navigated yet), answers the join dialog when this browser has not
 * joined yet, and waits until the board is on screen and live.
 */
export async function openBoard(context: BrowserContext | Page, url: string, person?: Person): Promise<Page> {
	const page = 'newPage' in context ? await context.newPage() : context
	await page.goto(url)
	const dialog = page.locator('[data-testid=join-dialog]')
	await Promise.race([dialog.waitFor(), page.locator('[data-testid=stage-panel]').waitFor()])
	if (await dialog.isVisible()) {
		const who = person ?? { name: `Visitor ${++visitors}`, department: 'Marketing' }
		await joinAs(page, who)
	}
	await page.locator('.tl-canvas').waitFor()
	await waitForConnection(page, 'live')
	return page
}

/** Fills the join dialog: a listed department is picked, any other is typed as a new one. */
export async function joinAs(page: Page, person: Person) {
	await page.locator('[data-testid=join-name]').fill(person.name)
	const listed = await page.locator('[data-testid=join-department] option').allInnerTexts()
	if (listed.includes(person.department)) {
		await page.locator('[data-testid=join-department]').selectOption(person.department)
	} else {
		await page.locator('[data-testid=join-department]').selectOption('__new__')
		await page.locator('[data-testid=join-new-department]').fill(person.department)
	}
	await page.locator('[data-testid=join-submit]').click()
	await page.locator('[data-testid=join-dialog]').waitFor({ state: 'detached' })
}

/** Page coordinates of a point given relative to the canvas's top-left corner (the side panel is left of it). */
export async function onCanvas(page: Page, point: Point): Promise<Point> {
	const box = await page.locator('.tl-canvas').boundingBox()
	return { x: box!.x + point.x, y: box!.y + point.y }
}

export async function clickCanvas(page: Page, point: Point) {
	const at = await onCanvas(page, point)
	await page.mouse.click(at.x, at.y)
}

export async function waitForConnection(page: Page, connection: 'connecting' | 'live' | 'offline', timeout = 15_000) {
	await page.locator(`${STATUS}[data-connection=${connection}]`).waitFor({ timeout })
}

/** Waits until the status line says the server has every change made on this page. */
export async function waitForAllSaved(page: Page, timeout = 15_000) {
	await page.locator(`${STATUS}[data-connection=live][data-saved=saved]`).waitFor({ timeout })
}

const MODEL_SHAPE_TYPES = ['stage-zone', 'model-centre']

/** The ids of every shape people drew (not the model's zones), off-screen ones included. */
export function shapeIds(page: Page): Promise<string[]> {
	return page.$$eval(
		'.tl-shape[data-shape-id]',
		(elements, modelTypes) =>
			elements
				.filter((element) => !modelTypes.includes(element.getAttribute('data-shape-type')!))
				.map((element) => element.getAttribute('data-shape-id')!),
		MODEL_SHAPE_TYPES,
	)
}

export async function waitForShape(page: Page, shapeId: string, timeout = 15_000) {
	await page.locator(shapeSelector(shapeId)).waitFor({ state: 'attached', timeout })
}

export async function waitForShapeGone(page: Page, shapeId: string, timeout = 15_000) {
	await page.locator(shapeSelector(shapeId)).waitFor({ state: 'detached', timeout })
}

/** The shape's CSS transform, e.g. `matrix(1, 0, 0, 1, 300, 300)`: its position on the page. */
export function shapeTransform(page: Page, shapeId: string): Promise<string> {
	return page.locator(shapeSelector(shapeId)).evaluate((element) => (element as HTMLElement).style.transform)
}

export async function waitForShapeTransform(page: Page, shapeId: string, transform: string, timeout = 15_000) {
	await page.waitForFunction(
		({ selector, transform }) => (document.querySelector(selector) as HTMLElement | null)?.style.transform === transform,
		{ selector: shapeSelector(shapeId), transform },
		{ timeout },
	)
}

/** Clicks empty canvas (giving the editor focus) and picks a tool by its keyboard shortcut. */
export async function selectTool(page: Page, shortcut: string, emptySpot: Point = { x: 60, y: 250 }) {
	await clickCanvas(page, emptySpot)
	await page.keyboard.press(shortcut)
}

/** Drags between two canvas points. */
export async function drag(page: Page, from: Point, to: Point) {
	const [start, end] = [await onCanvas(page, from), await onCanvas(page, to)]
	await page.mouse.move(start.x, start.y)
	await page.mouse.down()
	await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 5 })
	await page.mouse.move(end.x, end.y, { steps: 5 })
	await page.mouse.up()
}

/** Draws a rectangle with the 'r' tool from one corner to the other; returns the new shape's id. */
export async function drawRectangle(page: Page, from: Point, to: Point): Promise<string> {
	const before = await shapeIds(page)
	await selectTool(page, 'r')
	await drag(page, from, to)
	return waitForNewShape(page, before)
}

/** Places a sticky note with the 'n' tool; returns the new shape's id. */
export async function placeNote(page: Page, at: Point): Promise<string> {
	const before = await shapeIds(page)
	await selectTool(page, 'n')
	await clickCanvas(page, at)
	const id = await waitForNewShape(page, before)
	// A new note opens for typing; leave the text editor so later shortcuts reach the editor.
	await page.keyboard.press('Escape')
	return id
}

/** Draws a freehand line with the 'd' tool; returns the new shape's id. */
export async function drawLine(page: Page, points: Point[]): Promise<string> {
	const before = await shapeIds(page)
	await selectTool(page, 'd')
	const [first, ...rest] = await Promise.all(points.map((point) => onCanvas(page, point)))
	await page.mouse.move(first!.x, first!.y)
	await page.mouse.down()
	for (const point of rest) await page.mouse.move(point.x, point.y, { steps: 4 })
	await page.mouse.up()
	return waitForNewShape(page, before)
}

async function waitForNewShape(page: Page, before: string[]): Promise<string> {
	const handle = await page.waitForFunction(
		({ before, modelTypes }) =>
			[...document.querySelectorAll('.tl-shape[data-shape-id]')]
				.filter((element) => !modelTypes.includes(element.getAttribute('data-shape-type')!))
				.map((element) => element.getAttribute('data-shape-id')!)
				.find((id) => !before.includes(id)),
		{ before, modelTypes: MODEL_SHAPE_TYPES },
	)
	return (await handle.jsonValue()) as string
}

/** My own name as the participants list shows it (the item tagged 'you'). */
export function ownName(page: Page): Promise<string> {
	return page
		.locator(PARTICIPANT)
		.filter({ has: page.locator('.participants__tag', { hasText: /^you$/ }) })
		.locator('.participants__name')
		.innerText()
}

export async function waitForParticipantCount(page: Page, count: number, timeout = 15_000) {
	await page.waitForFunction(({ selector, count }) => document.querySelectorAll(selector).length === count, { selector: PARTICIPANT, count }, { timeout })
}

/**
 * Keeps moving the mouse over the canvas until `waiting` settles: collaborators' cursors are only
 * drawn while the peer's pointer is active, so a cursor check needs a moving mouse on the other side.
 */
export async function whileMovingMouse<T>(page: Page, waiting: Promise<T>): Promise<T> {
	let settled = false
	const result = waiting.finally(() => (settled = true))
	for (let step = 0; !settled; step++) {
		await page.mouse.move(400 + (step % 40) * 5, 300 + (step % 20) * 5, { steps: 2 })
		// Paces the input (about 20 moves a second, like a hand), not a wait for sync.
		await new Promise((resolve) => setTimeout(resolve, 50))
	}
	return result
}

/** Whether y-indexeddb's local copy of the board (in this page's origin) holds a record with this id. */
export function localCopyHas(page: Page, boardId: string, recordId: string): Promise<boolean> {
	return page.evaluate(
		({ name, recordId }) =>
			new Promise<boolean>((resolve, reject) => {
				const request = indexedDB.open(name)
				request.onerror = () => reject(request.error)
				request.onsuccess = () => {
					const db = request.result
					if (!db.objectStoreNames.contains('updates')) {
						db.close()
						return resolve(false)
					}
					const getAll = db.transaction('updates', 'readonly').objectStore('updates').getAll()
					getAll.onerror = () => reject(getAll.error)
					getAll.onsuccess = () => {
						db.close()
						// Record ids are map keys, stored as UTF-8 in the Yjs updates.
						const decoder = new TextDecoder()
						resolve((getAll.result as Uint8Array[]).some((update) => decoder.decode(update).includes(recordId)))
					}
				}
			}),
		{ name: `strategy-board/${boardId}`, recordId },
	)
}

/** Clicks a zone's "+" (e.g. `stage-1`, `centre`), types `text` into the new note and leaves it; returns its id. */
export async function addNoteWithPlus(page: Page, zone: string, text: string): Promise<string> {
	const before = await shapeIds(page)
	await page.locator(`[data-testid=add-note-${zone}]`).click()
	const id = await waitForNewShape(page, before)
	// The new note opens for typing: wait until its text editor has the keyboard.
	await page.waitForFunction((id) => document.activeElement?.closest('.tl-shape')?.getAttribute('data-shape-id') === id, id)
	await page.keyboard.type(text)
	await page.keyboard.press('Escape')
	return id
}

/** The side panel's entry for a note, under a zone (`stage-1`, `centre`, `parking`, ...). */
export const panelNote = (page: Page, zone: string, noteId: string) =>
	page.locator(`[data-testid=panel-${zone}] [data-testid=panel-note][data-note-id="${noteId}"]`)

/** Waits until a zone's entry in the side panel counts `count` notes. */
export async function waitForZoneCount(page: Page, zone: string, count: number, timeout = 15_000) {
	await page.locator(`[data-testid=panel-${zone}][data-count="${count}"]`).waitFor({ timeout })
}

/** Where the model is on screen, in page coordinates: its centre and the inner and outer radius of the ring. */
export async function modelOnScreen(page: Page): Promise<{ centre: Point; innerRadius: number; outerRadius: number }> {
	const box = (await page.locator('[data-testid=zone-centre]').boundingBox())!
	const innerRadius = box.width / 2
	// The model's layout: inner radius 440, outer radius 1600 page units (shared/model/geometry.ts).
	return { centre: { x: box.x + box.width / 2, y: box.y + box.height / 2 }, innerRadius, outerRadius: (innerRadius * 1600) / 440 }
}

/** A page point in a stage's sector: `along` 0..1 from its start angle to its end, `out` 0..1 from inner to outer circle. */
export async function pointInStage(page: Page, stage: number, along = 0.5, out = 0.35): Promise<Point> {
	const { centre, innerRadius, outerRadius } = await modelOnScreen(page)
	const angle = ((stage - 1 + along) * Math.PI) / 4 // clockwise from 12 o'clock
	const radius = innerRadius + out * (outerRadius - innerRadius)
	return { x: centre.x + radius * Math.sin(angle), y: centre.y - radius * Math.cos(angle) }
}

/** Drags a shape by the middle of its element on screen to a page point. */
export async function dragShapeTo(page: Page, shapeId: string, to: Point) {
	const box = (await page.locator(shapeSelector(shapeId)).boundingBox())!
	const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
	await page.mouse.move(from.x, from.y)
	await page.mouse.down()
	await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 })
	await page.mouse.move(to.x, to.y, { steps: 5 })
	await page.mouse.up()
}
