import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { connect, createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { launchChromium, saveScreenshot } from '../helpers/browser'
import { waitFor } from '../helpers/waitFor'
import { newBoardUrl, openBoard } from '../e2e/boardPage'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
// From a cold cache Vite first bundles tldraw and React for the browser: ~10 s here, far more on a loaded machine.
const FIRST_START_MS = 180_000

type DevRun = {
	child: ChildProcess
	devPort: number
	serverPort: number
	dataDir: string
	output: () => string
	exited: Promise<number | null>
}

/** `started` (clock ticks after boot) tells the process from a later one given the same pid. */
type OwnProcess = { pid: number; started: number; command: string }

let run: DevRun | undefined
let processes: OwnProcess[] = []

afterEach(() => {
	if (!run) return
	// A failed test must not leave a server or Vite behind on the machine.
	const stillRunning = run.child.exitCode === null && run.child.signalCode === null
	const leftovers = [...processes, ...(stillRunning ? descendantsOf(run.child.pid!) : [])].filter(isRunning)
	run.child.kill('SIGKILL')
	for (const { pid } of leftovers) process.kill(pid, 'SIGKILL')
	rmSync(run.dataDir, { recursive: true, force: true })
	run = undefined
	processes = []
})

describe('npm run dev', () => {
	it(
		'serves a board through Vite that goes live over the proxied websocket, and Ctrl+C stops the server and Vite',
		async () => {
			run = await startDev()
			const url = await readyUrl(run)
			expect(url).toBe(`http://localhost:${run.devPort}`)
			processes = descendantsOf(run.child.pid!)
			expect(commandsOf(processes)).toEqual(expect.arrayContaining([expect.stringContaining('server/main.ts'), expect.stringContaining('vite.js')]))

			const browser = await launchChromium()
			try {
				const context = await browser.newContext()
				context.setDefaultTimeout(FIRST_START_MS)
				context.setDefaultNavigationTimeout(FIRST_START_MS)
				// The board's relay URL is the page's own host, so 'live' means the websocket went through Vite.
				const page = await openBoard(context, newBoardUrl(url))
				await saveScreenshot(page, 'dev-server-board-live')
				expect(await page.locator('script[src="/@vite/client"]').count()).toBe(1)
			} finally {
				await browser.close()
			}

			// The terminal's Ctrl+C signals the whole foreground process group.
			process.kill(-run.child.pid!, 'SIGINT')
			expect(await run.exited).toBe(0)
			await expectAllGone(run)
			expect(run.output()).toContain('shutdown complete')
		},
		2 * FIRST_START_MS,
	)

	it(
		'when Vite dies, the server is stopped too and npm run dev exits with 1',
		async () => {
			run = await startDev()
			await readyUrl(run)
			processes = descendantsOf(run.child.pid!)
			const vite = processes.find(({ command }) => command.includes('vite.js'))!

			process.kill(vite.pid, 'SIGKILL')
			expect(await run.exited).toBe(1)
			await expectAllGone(run)
			expect(run.output()).toContain('Vite stopped (SIGKILL)')
			expect(run.output()).toContain('shutdown complete')
		},
		2 * FIRST_START_MS,
	)
})

/** Runs scripts/dev.mjs (what `npm run dev` runs) on free ports, in a process group of its own as a terminal would. */
async function startDev(): Promise<DevRun> {
	const [devPort, serverPort] = await freePorts(2)
	const dataDir = mkdtempSync(path.join(tmpdir(), 'strategy-board-dev-'))
	const env: NodeJS.ProcessEnv = { ...process.env, DEV_PORT: String(devPort), DEV_SERVER_PORT: String(serverPort), DATA_DIR: dataDir }
	// Vitest's own settings (NODE_ENV=test and its markers) would change how Vite builds the page.
	for (const name of Object.keys(env)) if (name === 'NODE_ENV' || name.startsWith('VITEST')) delete env[name]
	const child = spawn(process.execPath, ['scripts/dev.mjs'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
	let output = ''
	child.stdout!.on('data', (chunk) => (output += chunk))
	child.stderr!.on('data', (chunk) => (output += chunk))
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
	return { child, devPort, serverPort, dataDir, output: () => output, exited }
}

async function readyUrl(run: DevRun): Promise<string> {
	const outcome = await waitFor(
		() => {
			const url = /is ready: open (\S+)/.exec(run.output())?.[1]
			if (url) return { url }
			if (run.child.exitCode !== null) return { exitCode: run.child.exitCode }
		},
		{ timeoutMs: FIRST_START_MS, intervalMs: 100, what: 'npm run dev to print its URL' },
	)
	if (outcome.url) return outcome.url
	throw new Error(`npm run dev exited with ${outcome.exitCode} before printing its URL:\n${run.output()}`)
}

/** Every process npm run dev started, and theirs, is gone and nothing listens on its ports. */
async function expectAllGone(run: DevRun) {
	// Helpers such as esbuild's service notice their parent's exit a moment later.
	await waitFor(
		() => {
			const left = processes.filter(isRunning)
			if (left.length > 0) throw new Error(`still running: ${commandsOf(left).join('; ')}`)
			return true
		},
		{ timeoutMs: 15_000, what: 'every process npm run dev started to end' },
	)
	expect(await refusesConnections(run.devPort)).toBe(true)
	expect(await refusesConnections(run.serverPort)).toBe(true)
}

function freePorts(count: number): Promise<number[]> {
	const servers = Array.from({ length: count }, () => createServer())
	return Promise.all(
		servers.map((server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))),
	).finally(() => servers.forEach((server) => server.close()))
}

function refusesConnections(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1')
		socket.once('connect', () => {
			socket.destroy()
			resolve(false)
		})
		socket.once('error', () => resolve(true))
	})
}

/** The process's children, grandchildren and so on, from /proc (Linux). */
function descendantsOf(pid: number): OwnProcess[] {
	const all = readdirSync('/proc').flatMap((entry) => {
		const stat = statOf(Number(entry))
		return stat ? [{ pid: Number(entry), ...stat }] : []
	})
	const found: OwnProcess[] = []
	const visit = (parent: number) => {
		for (const { pid, parent: itsParent, started } of all) {
			if (itsParent !== parent) continue
			found.push({ pid, started, command: commandOf(pid) })
			visit(pid)
		}
	}
	visit(pid)
	return found
}

/** A zombie holds no port and waits only for its parent (or init) to collect it. */
function isRunning({ pid, started }: OwnProcess): boolean {
	const stat = statOf(pid)
	return stat !== undefined && stat.started === started && stat.state !== 'Z'
}

function statOf(pid: number): { state: string; parent: number; started: number } | undefined {
	if (!Number.isInteger(pid)) return undefined
	try {
		// After the command name (in parentheses, may hold spaces) come state, parent, ..., start time (the 20th).
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
			.replace(/^.*\) /s, '')
			.split(' ')
		return { state: fields[0]!, parent: Number(fields[1]), started: Number(fields[19]) }
	} catch {
		return undefined
	}
}

function commandOf(pid: number): string {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()
	} catch {
		return ''
	}
}

const commandsOf = (list: OwnProcess[]) => list.map(({ command }) => command)
