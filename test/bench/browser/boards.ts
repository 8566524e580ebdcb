/**
 * The boards of the browser benchmark: `count` sticky notes with text, spread over the model's
 * centre and its eight stages, in a grid around each zone's centre (tighter, overlapping, as the
 * count grows, so every note stays inside its zone); and those notes on a board of the real server,
 * written by a y-websocket client in Node with the facilitator key, as another browser would.
 */
import type { Browser } from 'playwright-core'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MODEL_LAYOUT, zoneCentre } from '../../../shared/model/geometry'
import { STAGE_NUMBERS, stageZone, type ZoneId } from '../../../shared/model/zones'
import { recordsOf, writeRecordChanges } from '../../../shared/recordDoc'
import { credentialSubprotocols } from '../../../shared/wire/credentials'
import { BOARDS_PATH, createdBoardBody, readBody, type CreatedBoardBody } from '../../../shared/wire/http'
import { openBoard, waitForAllSaved, type Person } from '../../e2e/boardPage'
import { noteRecord, type ShapeRecord } from '../../helpers/noteRecord'
import type { RunningServer } from '../../helpers/serverProcess'
import { waitFor } from '../../helpers/waitFor'
import { fractionalIndex, makeGen } from '../noteRecords'

const ZONES: ZoneId[] = ['centre', ...STAGE_NUMBERS.map(stageZone)]
const NOTE_SIZE = 200
const GAP = 20
/** Note centres stay within this square around a zone's centre: inside the centre circle and inside each stage's sector. */
const ZONE_SPAN = 560
const COLORS = ['yellow', 'blue', 'green', 'orange', 'violet', 'light-blue', 'light-green']
const NOTE_SEED = 0xb0a2d
/**
 * The model's nine zones take the page's lowest indices ('a0'...'a8', client/canvas/modelTemplate.ts
 * when the page is empty); the notes' start above them ('b11'...), so they are drawn on top.
 */
const FIRST_NOTE_INDEX = 62
/** Ample for the server to have written what it received to disk (PERSIST_DELAY_MS, 100 ms, on an idle machine). */
const DURABLE_WAIT_MS = 2000

/** `count` notes, zone by zone, row by row; the same ones on every call. */
export function benchNotes(count: number): ShapeRecord[] {
	const generate = makeGen(NOTE_SEED)
	const notes: ShapeRecord[] = []
	for (const [zoneIndex, zone] of ZONES.entries()) {
		const inZone = Math.floor(count / ZONES.length) + (zoneIndex < count % ZONES.length ? 1 : 0)
		const columns = Math.ceil(Math.sqrt(inZone))
		const step = Math.min(NOTE_SIZE + GAP, ZONE_SPAN / Math.max(columns - 1, 1))
		const centre = zoneCentre(MODEL_LAYOUT, zone)
		for (let i = 0; i < inZone; i++) {
			const [column, row] = [i % columns, Math.floor(i / columns)]
			const rows = Math.ceil(inZone / columns)
			notes.push(
				noteRecord({
					id: `shape:bench-${zone}-${i}`,
					x: centre.x + (column - (columns - 1) / 2) * step - NOTE_SIZE / 2,
					y: centre.y + (row - (rows - 1) / 2) * step - NOTE_SIZE / 2,
					index: fractionalIndex(FIRST_NOTE_INDEX + notes.length),
					color: COLORS[notes.length % COLORS.length],
					paragraphs: [`${notes.length + 1}. ${generate.text()}`],
				}),
			)
		}
	}
	return notes
}

export async function createBoard(server: RunningServer): Promise<CreatedBoardBody> {
	return readBody(await fetch(server.httpUrl + BOARDS_PATH, { method: 'POST' }), BOARDS_PATH, createdBoardBody)
}

export const participantUrl = (server: RunningServer, boardId: string) => `${server.httpUrl}/b/${boardId}?debug`

/**
 * A board holding the model and `notes`. A participant opens it empty first, in a context of its
 * own, so the model's zones are drawn (and saved) before the benchmark's visits: none of them then
 * pays for drawing the model, and the notes sit above it.
 */
export async function createBenchBoard(server: RunningServer, browser: Browser, notes: ShapeRecord[], person: Person): Promise<CreatedBoardBody> {
	const board = await createBoard(server)
	const context = await browser.newContext()
	try {
		const page = await openBoard(context, participantUrl(server, board.boardId), person)
		await waitForAllSaved(page, 30_000)
	} finally {
		await context.close()
	}
	await writeNotes(server, board, notes)
	return board
}

/** Writes `notes` to the board as a client with the facilitator key, and waits until a fresh client reads them all back from the server. */
export async function writeNotes(server: RunningServer, board: CreatedBoardBody, notes: ShapeRecord[]): Promise<void> {
	const connect = (doc: Y.Doc) =>
		new WebsocketProvider(server.relayUrl, board.boardId, doc, {
			WebSocketPolyfill: WebSocket as never,
			disableBc: true,
			protocols: credentialSubprotocols({ identityToken: null, facilitatorKey: board.facilitatorKey }),
		})
	const writer = new Y.Doc()
	const writing = connect(writer)
	const reader = new Y.Doc()
	let reading: WebsocketProvider | undefined
	try {
		await waitFor(() => writing.synced, { timeoutMs: 30_000, what: `the writer on ${board.boardId} to sync` })
		const before = recordsOf(writer).size
		writeRecordChanges(writer, { put: notes, removed: [] }, 'bench')
		await waitFor(() => writing.ws?.bufferedAmount === 0, { timeoutMs: 60_000, what: `${notes.length} notes to be sent` })
		// The relay's sync step 1 carries the state vector of what is on disk: a client joining before
		// the notes are written there answers with all it holds beyond it, over MAX_UPDATE_ENTRIES, and is closed.
		await new Promise((resolve) => setTimeout(resolve, DURABLE_WAIT_MS))
		// What the server holds, as a new client gets it: every note arrived and none was refused.
		reading = connect(reader)
		await waitFor(() => reading!.synced && recordsOf(reader).size >= before + notes.length, {
			timeoutMs: 60_000,
			what: `a reader to see the ${notes.length} notes on ${board.boardId}`,
		})
	} finally {
		writing.destroy()
		reading?.destroy()
		writer.destroy()
		reader.destroy()
	}
}
