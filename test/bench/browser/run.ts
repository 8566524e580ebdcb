/**
 * Browser benchmark (issue 14): the app against a bare tldraw page (bare/, the project's own tldraw
 * on a store of its own, nothing else), in Debian's Chromium (test/helpers/browser.ts, never a
 * downloaded browser; nothing beyond loopback). Per board of 40, 1,000 and 5,000 notes with text,
 * spread over the model's centre and stages (boards.ts), and for both pages: the time from
 * navigation to all notes in the DOM, the longest task meanwhile, the JS heap after a GC and the
 * DOM node count (DevTools protocol), and the frames per second while the camera pans every
 * animation frame, at the whole-model view and at 100% around stage 1; for the app also a second
 * visit (a reload in the same browser context: the board comes from its local copy in IndexedDB).
 * A Markdown table per board: app, bare, app/bare; a JSON line with every sample. Figures, not assertions.
 *
 *   npm run bench:browser                        builds the app first, then all boards
 *   BENCH_BROWSER_BOARDS=40,1000 npm run bench:browser
 *   BENCH_BROWSER_RUNS=3                         median (and min) of 3 runs per page and board
 *   BENCH_TARGETS=...                            `npm run bench` skips this part unless it names `browser`
 *
 * Each visit has a browser context of its own, so a first visit finds nothing of the board in
 * IndexedDB. The app's visitor has joined once before, on another board (the join dialog is per
 * browser), which also puts the app's code in the HTTP cache; the bare page is opened once empty
 * beforehand for the same reason.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'
import { MODEL_LAYOUT, zoneCentre } from '../../../shared/model/geometry'
import { localCopyHas, openBoard, waitForConnection, type Person } from '../../e2e/boardPage'
import { ARTIFACTS_DIR, launchChromium, saveScreenshot } from '../../helpers/browser'
import { removeDataDir, startServer, type RunningServer } from '../../helpers/serverProcess'
import { waitFor } from '../../helpers/waitFor'
import { PROFILING, startProfile, stopProfile } from './devtoolsProfile'
import { buildBarePage, serveBarePage, type BareServer } from './barePage'
import { benchNotes, createBenchBoard, createBoard, participantUrl } from './boards'
import { devtools, heapAndNodes, installProbe, notesShown, pan, readProbe, type PanResult } from './pageProbe'

const DEFAULT_BOARDS = [40, 1000, 5000]
const RUNS = positiveInteger('BENCH_BROWSER_RUNS', process.env.BENCH_BROWSER_RUNS ?? '1')
const BOARDS = (process.env.BENCH_BROWSER_BOARDS?.split(',') ?? DEFAULT_BOARDS.map(String)).map((each) => positiveInteger('BENCH_BROWSER_BOARDS', each))
const VIEWPORT = { width: 1280, height: 800 }
/** 5,000 notes take ~30 s in the app on a small machine; a busy one may take several times that. */
const SHOWN_TIMEOUT_MS = 180_000
/** After all notes are shown: what the load still does (fonts, the panel's counts) before heap and panning. */
const SETTLE_MS = 1000
const PAN_SECONDS = 3
const VISITOR: Person = { name: 'Bench Visitor', department: 'Marketing' }
const STAGE_1 = zoneCentre(MODEL_LAYOUT, 'stage-1')
const SERVER_ENTRY = fileURLToPath(new URL('../../../dist/node/server/main.js', import.meta.url))
const CLIENT_INDEX = fileURLToPath(new URL('../../../dist/client/index.html', import.meta.url))

type Sample = {
	firstVisitMs: number
	/** The app only: a reload, the board in IndexedDB. */
	secondVisitMs: number | null
	/** The app only: whether its board connection was live a few seconds after the second visit (a refused update leaves it offline). */
	secondVisitLive: boolean | null
	loadLongestTaskMs: number
	heapMb: number
	nodes: number
	panModel: PanResult
	panFull: PanResult
}
type BoardResult = { notes: number; app: Sample[]; bare: Sample[] }

function positiveInteger(name: string, text: string): number {
	const value = Number(text.trim())
	if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: ${JSON.stringify(text)} is not a positive whole number`)
	return value
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b)
	const middle = sorted.length >> 1
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** Requests that left loopback (fonts from a CDN, a licence check): there should be none. */
const offLoopback = new Set<string>()
async function newContext(browser: Browser): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: VIEWPORT })
	context.on('request', (request) => {
		const url = new URL(request.url())
		if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
			offLoopback.add(url.origin + url.pathname)
		}
	})
	// As test/e2e/browserSession.ts: a visitor who has dismissed the first-visit hint before.
	await context.addInitScript(() => {
		try {
			localStorage.setItem('strategy-board:first-visit-hint-dismissed', 'true')
		} catch {
			// Frames without storage (about:blank) show no board.
		}
	})
	return context
}

/** After all notes are shown: the longest task so far, heap and nodes, a screenshot of the first run, then the two pans. */
async function afterLoad(page: Page, session: CDPSession, screenshot: string | null) {
	await sleep(SETTLE_MS)
	if (screenshot && PROFILING) await stopProfile(session, `${screenshot}-load`, { trace: false })
	const { longestTaskMs: loadLongestTaskMs } = await readProbe(page)
	const { heapMb, nodes } = await heapAndNodes(session)
	if (screenshot) await saveScreenshot(page, screenshot)
	if (screenshot && PROFILING) await startProfile(session, { trace: true })
	const panModel = await pan(page, session, { kind: 'current' }, PAN_SECONDS)
	if (screenshot && PROFILING) await stopProfile(session, `${screenshot}-pan`, { trace: true })
	const panFull = await pan(page, session, { kind: 'centred', x: STAGE_1.x, y: STAGE_1.y, zoom: 1 }, PAN_SECONDS)
	return { loadLongestTaskMs, heapMb, nodes, panModel, panFull }
}

async function visitApp(
	browser: Browser,
	server: RunningServer,
	lobbyId: string,
	boardId: string,
	notes: number,
	lastNoteId: string,
	screenshot: string | null,
): Promise<Sample> {
	const context = await newContext(browser)
	try {
		await installProbe(context, notes)
		// Joins once, on another board: the join dialog asks once per browser, and the code is cached.
		const lobby = await openBoard(context, participantUrl(server, lobbyId), VISITOR)
		await lobby.close()
		const page = await context.newPage()
		const session = await devtools(page)
		if (screenshot && PROFILING) await startProfile(session, { trace: false })
		await page.goto(participantUrl(server, boardId), { waitUntil: 'commit' })
		const firstVisitMs = await notesShown(page, SHOWN_TIMEOUT_MS, `app, ${notes} notes, first visit`)
		await waitForConnection(page, 'live', SHOWN_TIMEOUT_MS)
		const figures = await afterLoad(page, session, screenshot)
		// The second visit is only one if the first left the whole board in IndexedDB.
		await waitFor(() => localCopyHas(page, boardId, lastNoteId), { timeoutMs: 60_000, intervalMs: 500, what: 'the local copy to hold the board' })
		await page.reload({ waitUntil: 'commit' })
		const secondVisitMs = await notesShown(page, SHOWN_TIMEOUT_MS, `app, ${notes} notes, second visit`)
		// A page that sends the relay what it refuses is closed a moment after connecting, and stays offline.
		await sleep(2 * SETTLE_MS)
		const secondVisitLive = await waitForConnection(page, 'live', 10_000).then(
			() => true,
			() => false,
		)
		return { firstVisitMs, secondVisitMs, secondVisitLive, ...figures }
	} finally {
		await context.close()
	}
}

async function visitBare(browser: Browser, bare: BareServer, notes: number, screenshot: string | null): Promise<Sample> {
	const context = await newContext(browser)
	try {
		await installProbe(context, notes)
		const warmUp = await context.newPage()
		await warmUp.goto(`${bare.url}/`)
		await warmUp.locator('.tl-canvas').waitFor({ timeout: 60_000 })
		await warmUp.close()
		const page = await context.newPage()
		const session = await devtools(page)
		if (screenshot && PROFILING) await startProfile(session, { trace: false })
		await page.goto(`${bare.url}/?records=/records/${notes}.json`, { waitUntil: 'commit' })
		const firstVisitMs = await notesShown(page, SHOWN_TIMEOUT_MS, `bare tldraw, ${notes} notes`).catch(async (error: unknown) => {
			const pageError = await page.evaluate(() => (window as unknown as { benchBareError?: string }).benchBareError).catch(() => undefined)
			throw pageError ? new Error(`bare tldraw page: ${pageError}`) : error
		})
		return { firstVisitMs, secondVisitMs: null, secondVisitLive: null, ...(await afterLoad(page, session, screenshot)) }
	} finally {
		await context.close()
	}
}

function printTable(header: string[], rows: string[][]) {
	const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)))
	const line = (cells: string[]) => '| ' + cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ') + ' |'
	console.log(line(header))
	console.log('|' + widths.map((width, i) => (i === 0 ? '-'.repeat(width + 2) : '-'.repeat(width + 1) + ':')).join('|') + '|')
	for (const row of rows) console.log(line(row))
}

function printBoard(result: BoardResult) {
	const figures: [string, (sample: Sample) => number | null, number][] = [
		['notes shown after navigation, ms', (s) => s.firstVisitMs, 0],
		['  second visit (local copy), ms', (s) => s.secondVisitMs, 0],
		['longest task while loading, ms', (s) => s.loadLongestTaskMs, 0],
		['JS heap after GC, MB', (s) => s.heapMb, 1],
		['DOM nodes', (s) => s.nodes, 0],
		['pan fps, whole model', (s) => s.panModel.fps, 1],
		['  worst frame, ms', (s) => s.panModel.worstFrameMs, 0],
		['  longest task, ms', (s) => s.panModel.longestTaskMs, 0],
		['  script per frame, ms', (s) => s.panModel.perFrame.scriptMs, 1],
		['  style + layout per frame, ms', (s) => s.panModel.perFrame.styleLayoutMs, 1],
		['  main thread per frame, ms', (s) => s.panModel.perFrame.taskMs, 1],
		['pan fps, 100% zoom', (s) => s.panFull.fps, 1],
		['  worst frame, ms', (s) => s.panFull.worstFrameMs, 0],
		['  longest task, ms', (s) => s.panFull.longestTaskMs, 0],
		['  script per frame, ms', (s) => s.panFull.perFrame.scriptMs, 1],
		['  main thread per frame, ms', (s) => s.panFull.perFrame.taskMs, 1],
	]
	const summary = (samples: Sample[], figure: (sample: Sample) => number | null) => {
		const values = samples.map(figure).filter((value): value is number => value !== null)
		return values.length === 0 ? null : { median: median(values), min: Math.min(...values) }
	}
	const rows = figures.map(([title, figure, digits]) => {
		const [app, bare] = [summary(result.app, figure), summary(result.bare, figure)]
		const cell = (value: ReturnType<typeof summary>) =>
			value === null ? '-' : RUNS > 1 ? `${value.median.toFixed(digits)} (min ${value.min.toFixed(digits)})` : value.median.toFixed(digits)
		const ratio = app && bare && bare.median > 0 ? (app.median / bare.median).toFixed(2) : '-'
		return [title, cell(app), cell(bare), ratio]
	})
	console.log(`\n${result.notes.toLocaleString('en-US')} notes${RUNS > 1 ? `: median (min) of ${RUNS} runs` : ''}`)
	printTable([`${result.notes.toLocaleString('en-US')} notes`, 'app', 'bare tldraw', 'app/bare'], rows)
	const offline = result.app.filter((sample) => sample.secondVisitLive === false).length
	if (offline > 0) console.log(`NOTE: after the second visit the app was not live in ${offline} of ${result.app.length} runs (see the server's warn lines)`)
}

const chosen = process.env.BENCH_TARGETS?.split(',').map((name) => name.trim())
if (chosen && !chosen.includes('browser')) {
	console.log('\nBrowser benchmark skipped: BENCH_TARGETS does not name `browser`.')
	process.exit(0)
}
for (const file of [SERVER_ENTRY, CLIENT_INDEX]) {
	if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (\`npm run bench:browser\` does)`)
}

const benchStarted = performance.now()
const tldrawVersion = (JSON.parse(readFileSync(new URL('../../../node_modules/tldraw/package.json', import.meta.url), 'utf8')) as { version: string }).version
await buildBarePage({ minify: !PROFILING })
let server: RunningServer | undefined
let bare: BareServer | undefined
let browser: Browser | undefined
try {
	const notesByBoard = new Map(BOARDS.map((count) => [count, benchNotes(count)]))
	bare = await serveBarePage(new Map([...notesByBoard].map(([count, notes]) => [String(count), notes])))
	server = await startServer()
	browser = await launchChromium()
	console.log(
		`\nBrowser benchmark: Chromium ${browser.version()}, tldraw ${tldrawVersion}, viewport ${VIEWPORT.width}x${VIEWPORT.height}, ` +
			`${RUNS} run${RUNS > 1 ? 's' : ''} per page and board, pans of ${PAN_SECONDS} s`,
	)
	console.log('app: the built app as a participant (/b/<board>?debug); bare: <Tldraw> on a store of its own. app/bare: below 1, the app is lower.')
	console.log('Longest task: the Long Tasks API, which reports tasks of 50 ms or more (0: none). Worst frame: the longest gap between animation frames.')
	console.log(`Screenshots of each page's first run, after loading: ${ARTIFACTS_DIR}/bench-browser-*.png`)
	const lobby = await createBoard(server)
	const results: BoardResult[] = []
	for (const count of BOARDS) {
		const notes = notesByBoard.get(count)!
		const board = await createBenchBoard(server, browser, notes, VISITOR)
		const result: BoardResult = { notes: count, app: [], bare: [] }
		// The pages take turns, so background load on the machine hits both alike.
		for (let run = 0; run < RUNS; run++) {
			const screenshot = (page: string) => (run === 0 ? `bench-browser-${page}-${count}-notes` : null)
			result.app.push(await visitApp(browser, server, lobby.boardId, board.boardId, count, notes.at(-1)!.id, screenshot('app')))
			result.bare.push(await visitBare(browser, bare, count, screenshot('bare')))
		}
		printBoard(result)
		results.push(result)
	}
	if (offLoopback.size > 0) console.log(`\nWARNING: requests left loopback:\n  ${[...offLoopback].join('\n  ')}`)
	const complaints = server
		.output()
		.split('\n')
		.filter((line) => / (warn|error) /.test(line))
	if (complaints.length > 0) console.log(`\nthe server wrote ${complaints.length} warn/error lines, first ones:\n  ${complaints.slice(0, 5).join('\n  ')}`)
	console.log(`\nbrowser benchmark took ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`)
	console.log(
		'JSON ' +
			JSON.stringify({
				chromium: browser.version(),
				tldraw: tldrawVersion,
				viewport: VIEWPORT,
				runs: RUNS,
				offLoopback: [...offLoopback],
				boards: results,
			}),
	)
} finally {
	await browser?.close()
	await bare?.stop()
	if (server) {
		await server.stop()
		removeDataDir(server)
	}
}
