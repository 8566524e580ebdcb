import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import type { Editor } from 'tldraw'
import { zoneOfNoteRecord } from '../../shared/model/privateRound'
import { benchNotes, createBoard, participantUrl, writeNotes } from '../bench/browser/boards'
import { openBoard, panelNote, waitForShape, waitForZoneCount } from './boardPage'
import { browserSession } from './browserSession'

const session = browserSession({ viewport: { width: 1600, height: 900 } })

const VISITOR = { name: 'Iris', department: 'Klantenservice' }
const NOTES = 1000

/** Whether the note is the page's only selection and lies wholly in the view. */
function isFocused(page: Page, noteId: string): Promise<boolean> {
	return page.evaluate((noteId) => {
		const editor = (window as unknown as { strategyBoard: { editor: Editor } }).strategyBoard.editor
		const bounds = editor.getShapePageBounds(noteId as never)
		const selected = editor.getSelectedShapeIds()
		return bounds !== undefined && selected.length === 1 && selected[0] === noteId && editor.getViewportPageBounds().contains(bounds)
	}, noteId)
}

describe('a big board', () => {
	test('a board of 1,000 notes opens, the side panel lists every note under its zone, and each entry brings its note into view, selected', async () => {
		const board = await createBoard(session.server)
		const notes = benchNotes(NOTES)
		await writeNotes(session.server, board, notes)
		const page = await openBoard(await session.person(), participantUrl(session.server, board.boardId), VISITOR)
		await waitForShape(page, notes.at(-1)!.id, 60_000)

		const byZone = new Map<string, typeof notes>()
		for (const note of notes) {
			const zone = zoneOfNoteRecord(note)!
			byZone.set(zone, [...(byZone.get(zone) ?? []), note])
		}
		for (const [zone, inZone] of byZone) await waitForZoneCount(page, zone, inZone.length)
		const listed = await page.locator('[data-testid=panel-note]').evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-note-id')))
		expect(listed.toSorted()).toEqual(notes.map((note) => note.id).toSorted())

		// Each zone's first and last note: the first lies under later ones in a crowded zone, still one click away.
		for (const [zone, inZone] of byZone) {
			for (const note of [inZone[0]!, inZone.at(-1)!]) {
				await panelNote(page, zone, note.id).locator('button').click()
				await expect.poll(() => isFocused(page, note.id), { timeout: 5_000 }).toBe(true)
			}
		}
	})
})
