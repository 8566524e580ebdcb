import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { readAllRecords } from '../../shared/recordDoc'
import { saveScreenshot } from '../helpers/browser'
import { waitFor } from '../helpers/waitFor'
import { connectSynced } from '../helpers/yjsClient'
import {
	PARTICIPANT,
	addNoteWithPlus,
	boardIdOf,
	clickCanvas,
	onCanvas,
	drag,
	drawLine,
	drawRectangle,
	newBoardUrl,
	openBoard,
	ownName,
	placeNote,
	shapeIds,
	shapeSelector,
	shapeTransform,
	waitForAllSaved,
	waitForParticipantCount,
	waitForShape,
	waitForShapeGone,
	waitForShapeTransform,
	whileMovingMouse,
} from './boardPage'
import { browserSession } from './browserSession'
import { createBoard } from '../helpers/uploads'

const session = browserSession()
const person = session.person

describe('a board shared by two people', () => {
	test('creating a board from the landing page opens it at /b/<id> and lists it under Recently opened', async () => {
		const page = await (await person()).newPage()
		await page.goto(`${session.server.httpUrl}/`)
		await page.getByText('Boards you open appear here').waitFor()

		await page.locator('[data-testid=create-board]').click()
		await page.waitForURL(/\/b\/[A-Za-z0-9_-]{22}$/)
		const boardId = new URL(page.url()).pathname.slice('/b/'.length)
		expect(boardId).toMatch(/^[A-Za-z0-9_-]{22}$/)
		await page.locator('.tl-canvas').waitFor()

		await page.goBack()
		await page.waitForURL(`${session.server.httpUrl}/`)
		const recent = page.getByRole('region', { name: 'Recently opened' })
		await recent.getByRole('heading', { name: 'Recently opened' }).waitFor()
		const link = recent.locator(`a[href="/b/${boardId}"]`)
		await link.waitFor()
		expect(await link.innerText()).toBe('Untitled board')
		await saveScreenshot(page, 'collaboration-landing-recently-opened')
	})

	test("everyone on a board has a cursor colour of their own, and the list shows each person's department swatch", async () => {
		const url = newBoardUrl(session.server.httpUrl)
		const people = [
			{ name: 'Anna', department: 'Marketing' },
			{ name: 'Bram', department: 'IT' },
			{ name: 'Carla', department: 'Sales' },
			{ name: 'Dirk', department: 'HR' },
		]
		const pages: Page[] = []
		for (const who of people) pages.push(await openBoard(await person(), url, who))
		const colours = (page: Page) =>
			page.locator(`${PARTICIPANT} .participants__dot`).evaluateAll((dots) => dots.map((dot) => getComputedStyle(dot).backgroundColor))
		for (const page of pages) {
			await waitForParticipantCount(page, people.length)
			await page.waitForFunction(
				({ selector, count }) => new Set([...document.querySelectorAll(selector)].map((dot) => getComputedStyle(dot).backgroundColor)).size === count,
				{ selector: `${PARTICIPANT} .participants__dot`, count: people.length },
			)
		}
		expect(new Set(await colours(pages[0]!)).size).toBe(people.length)
		const departments = await pages[0]!
			.locator('[data-testid=participant-department]')
			.evaluateAll((swatches) => swatches.map((swatch) => swatch.getAttribute('title')))
		expect(departments.sort()).toEqual(people.map((who) => who.department).sort())
		await saveScreenshot(pages[0]!, 'collaboration-distinct-colours')
	})

	test('a rectangle drawn, moved, deleted and restored by undo stays the same on both pages', async () => {
		const url = newBoardUrl(session.server.httpUrl)
		const a = await openBoard(await person(), url)
		const b = await openBoard(await person(), url)

		const rectangle = await drawRectangle(a, { x: 300, y: 300 }, { x: 420, y: 390 })
		await waitForShape(b, rectangle)
		expect(await shapeIds(b)).toEqual([rectangle])
		const drawnAt = await shapeTransform(a, rectangle)
		expect(await shapeTransform(b, rectangle)).toBe(drawnAt)

		// B drags the rectangle by its left edge, 200 px right and 100 px down.
		await drag(b, { x: 300, y: 345 }, { x: 500, y: 445 })
		const movedTo = await shapeTransform(b, rectangle)
		expect(movedTo).not.toBe(drawnAt)
		await waitForShapeTransform(a, rectangle, movedTo)
		const boxInA = await a.locator(shapeSelector(rectangle)).boundingBox()
		const boxInB = await b.locator(shapeSelector(rectangle)).boundingBox()
		expect(boxInA).toEqual(boxInB)
		expect(boxInA!.x).toBeGreaterThan(450)

		// A selects it by its (moved) left edge and deletes it.
		await clickCanvas(a, { x: 500, y: 445 })
		await a.keyboard.press('Delete')
		await waitForShapeGone(a, rectangle)
		await waitForShapeGone(b, rectangle)

		await a.keyboard.press('Control+z')
		await waitForShape(a, rectangle)
		await waitForShape(b, rectangle)
		await waitForShapeTransform(b, rectangle, movedTo)
		expect(await shapeIds(b)).toEqual([rectangle])
		await waitForAllSaved(a)
		await waitForAllSaved(b)

		await saveScreenshot(a, 'collaboration-shapes-page-a')
		await saveScreenshot(b, 'collaboration-shapes-page-b')
	})

	test('a note someone is typing in says so on the other page, and text replaced by their edit is offered back to its author', async () => {
		const url = newBoardUrl(session.server.httpUrl)
		const anna = await openBoard(await person({ viewport: { width: 1600, height: 900 } }), url, { name: 'Anna', department: 'Marketing' })
		const bram = await openBoard(await person({ viewport: { width: 1600, height: 900 } }), url, { name: 'Bram', department: 'IT' })
		const note = await addNoteWithPlus(anna, 'stage-2', 'Anna wants a customer panel')
		await waitForShape(bram, note)
		await anna.locator(`[data-testid=editing-tag]`).waitFor({ state: 'detached' })

		// Bram opens the note for typing: Anna's page tags it with his name.
		await bram.locator(shapeSelector(note)).dblclick()
		await bram.waitForFunction((id) => document.activeElement?.closest('.tl-shape')?.getAttribute('data-shape-id') === id, note)
		const tag = anna.locator(`[data-testid=editing-tag][data-note-id="${note}"]`)
		await tag.waitFor()
		expect(await tag.innerText()).toBe('Bram is editing')
		await saveScreenshot(anna, 'collaboration-bram-is-editing')

		// His text replaces hers: Anna is offered hers back, and putting it back reaches Bram too.
		await bram.keyboard.press('Control+A')
		await bram.keyboard.type('Bram prefers a survey')
		await bram.keyboard.press('Escape')
		await tag.waitFor({ state: 'detached' })
		const notice = anna.locator('[data-testid=overwritten-notice]')
		await notice.waitFor()
		expect(await notice.innerText()).toContain('Bram changed a note')
		expect(await anna.locator('[data-testid=overwritten-text]').innerText()).toBe('Anna wants a customer panel')
		await expect.poll(() => bram.locator(shapeSelector(note)).innerText()).toContain('Bram prefers a survey')
		await anna.locator('[data-testid=restore-my-text]').click()
		await notice.waitFor({ state: 'detached' })
		await expect.poll(() => bram.locator(shapeSelector(note)).innerText()).toContain('Anna wants a customer panel')
		// Putting hers back replaced his, written a moment ago: now he is offered his back, so no version is lost.
		await bram.locator('[data-testid=overwritten-notice]').waitFor()
		expect(await bram.locator('[data-testid=overwritten-text]').innerText()).toBe('Bram prefers a survey')
		await bram.locator('[data-testid=dismiss-overwrite]').click()
		await bram.locator('[data-testid=overwritten-notice]').waitFor({ state: 'detached' })
		expect(await anna.locator(shapeSelector(note)).innerText()).toContain('Anna wants a customer panel')
	})

	test("a person's cursor shows on the other page with their display name, and both lists show two people", async () => {
		const url = newBoardUrl(session.server.httpUrl)
		const a = await openBoard(await person(), url)
		const b = await openBoard(await person(), url)
		const nameOfA = await ownName(a)
		const nameOfB = await ownName(b)
		expect(nameOfA).toMatch(/\S/)

		const cursorOfA = b.locator('.tl-collaborator__cursor .tl-nametag', { hasText: nameOfA })
		await whileMovingMouse(a, cursorOfA.waitFor({ timeout: 15_000 }))
		expect(await cursorOfA.innerText()).toBe(nameOfA)

		await waitForParticipantCount(a, 2)
		await waitForParticipantCount(b, 2)
		expect(await participantNames(a)).toEqual(expect.arrayContaining([nameOfA, nameOfB]))
		expect(await participantNames(b)).toEqual(expect.arrayContaining([nameOfA, nameOfB]))

		await saveScreenshot(b, 'collaboration-cursor-of-a-on-page-b')
	})

	test('loading a board and drawing requests nothing outside our own origin, fonts included', async () => {
		const origin = new URL(session.server.httpUrl).origin
		const requested: string[] = []
		const people = [await person(), await person()]
		for (const context of people) {
			context.on('request', (request) => requested.push(request.url()))
			context.on('page', (page: Page) => page.on('websocket', (socket) => requested.push(socket.url())))
		}

		const url = newBoardUrl(session.server.httpUrl)
		const a = await openBoard(people[0]!, url)
		const b = await openBoard(people[1]!, url)
		const rectangle = await drawRectangle(a, { x: 250, y: 250 }, { x: 400, y: 350 })
		const note = await placeNote(b, { x: 650, y: 300 })
		const line = await drawLine(a, [
			{ x: 300, y: 500 },
			{ x: 400, y: 450 },
			{ x: 500, y: 520 },
		])
		for (const page of [a, b]) {
			for (const shape of [rectangle, note, line]) await waitForShape(page, shape)
		}

		const offOrigin = requested.filter((url) => {
			const parsed = new URL(url)
			if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false
			const httpOrigin = parsed.origin.replace(/^ws(s?):/, 'http$1:')
			return httpOrigin !== origin
		})
		expect(offOrigin).toEqual([])
		expect(requested.filter((url) => url.startsWith(`${origin}/`) && new URL(url).pathname.endsWith('.woff2'))).not.toEqual([])
		expect(requested.some((url) => url.startsWith(`ws://${new URL(origin).host}/yjs/`))).toBe(true)

		await saveScreenshot(b, 'collaboration-own-origin-page-b')
	})

	test('an image dropped onto the board is uploaded to the server and the board holds only its URL', async () => {
		// Uploads belong to a board that exists, as one made on the start page does.
		const url = `${session.server.httpUrl}/b/${(await createBoard(session.server.httpUrl)).boardId}`
		const a = await openBoard(await person(), url)
		const b = await openBoard(await person(), url)
		const at = await onCanvas(a, { x: 400, y: 300 })
		// A 1x1 PNG dropped as a file, as from the desktop.
		await a.evaluate(({ x, y }) => {
			const bytes = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='), (character) =>
				character.charCodeAt(0),
			)
			const transfer = new DataTransfer()
			transfer.items.add(new File([bytes], 'pixel.png', { type: 'image/png' }))
			const target = document.elementFromPoint(x, y)!
			for (const type of ['dragenter', 'dragover', 'drop']) {
				target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, clientX: x, clientY: y, dataTransfer: transfer }))
			}
		}, at)
		const image = b.locator('.tl-shape[data-shape-type=image]')
		await image.waitFor({ state: 'attached' })

		const client = await connectSynced(session.server.relayUrl, boardIdOf(url))
		try {
			const asset = await waitFor(
				() =>
					readAllRecords(client.doc).find(
						(record) => record.typeName === 'asset' && String((record.props as { src?: string }).src).startsWith('/uploads/'),
					),
				{ what: 'an asset pointing at /uploads/' },
			)
			const src = (asset.props as { src: string }).src
			expect(src).toMatch(/^\/uploads\/[0-9a-f]{64}\.png$/)
			expect(JSON.stringify(readAllRecords(client.doc))).not.toContain('data:image')
			const served = await fetch(session.server.httpUrl + src)
			expect(served.headers.get('content-type')).toBe('image/png')
		} finally {
			client.destroy()
		}
		await saveScreenshot(b, 'collaboration-dropped-image-page-b')
	})
})

function participantNames(page: Page): Promise<string[]> {
	return page.locator(`${PARTICIPANT} .participants__name`).allInnerTexts()
}
