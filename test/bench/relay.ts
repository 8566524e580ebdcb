/**
 * Relay benchmark: the built server as a child process, one board, one writer making 20 edits/s,
 * a few probe clients measuring each edit's latency, and N light clients sending cursor
 * (awareness) updates at H Hz. Prints edit latency, lost edits, server CPU and memory, and the
 * messages each cursor client receives per second. Figures, not assertions: see README.
 *
 *   npm run bench                       all default scenarios
 *   npm run bench -- 200@5 50@10        chosen scenarios (clients@hertz)
 *   BENCH_SECONDS=20 npm run bench      longer runs
 */
import { readFileSync } from 'node:fs'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import { removeDataDir, startServer, type RunningServer } from '../helpers/serverProcess'
import { waitFor } from '../helpers/waitFor'
import { connectSynced, type YjsClient } from '../helpers/yjsClient'

const DEFAULT_SCENARIOS = ['20@20', '50@10', '100@5', '200@2', '200@5']
const EDITS_PER_SECOND = 20
const PROBES = 3
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const GRACE_MS = 2000
const CLOCK_TICKS_PER_SECOND = 100 // Linux USER_HZ, the unit of utime/stime in /proc/<pid>/stat

type Scenario = { clients: number; hertz: number }
type Result = Scenario & {
	p50: number
	p99: number
	lost: number
	edits: number
	cpuCores: number
	rssMb: number
	messagesPerClientSecond: number
}

function parseScenario(text: string): Scenario {
	const match = /^(\d+)@(\d+(?:\.\d+)?)$/.exec(text)
	if (!match) throw new Error(`scenario "${text}" must look like CLIENTS@HERTZ, e.g. 200@5`)
	return { clients: Number(match[1]), hertz: Number(match[2]) }
}

/** A cursor-moving participant without a Y.Doc: sends awareness frames, counts what it receives. */
function lightCursorClient(url: string, clientId: number) {
	const socket = new WebSocket(url)
	let received = 0
	let clock = 0
	socket.on('message', () => received++)
	socket.on('error', () => {})
	const opened = new Promise<void>((resolve) => socket.once('open', () => resolve()))
	return {
		opened,
		get received() {
			return received
		},
		resetCount: () => (received = 0),
		moveCursor: () => {
			if (socket.readyState !== socket.OPEN) return
			const state = JSON.stringify({ presence: { cursor: { x: Math.random() * 2000, y: Math.random() * 1200 }, userName: `bench ${clientId}` } })
			const update = encoding.createEncoder()
			encoding.writeVarUint(update, 1)
			encoding.writeVarUint(update, clientId)
			encoding.writeVarUint(update, ++clock)
			encoding.writeVarString(update, state)
			const frame = encoding.createEncoder()
			encoding.writeVarUint(frame, 1) // awareness message
			encoding.writeVarUint8Array(frame, encoding.toUint8Array(update))
			socket.send(encoding.toUint8Array(frame))
		},
		close: () => socket.close(),
	}
}

function cpuSeconds(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
	return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND
}

function rssMegabytes(pid: number): number {
	return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024
}

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

async function runScenario(server: RunningServer, scenario: Scenario, index: number): Promise<Result> {
	const board = `bench-${index}-${scenario.clients}at${scenario.hertz}`
	const writer = await connectSynced(server.relayUrl, board)
	const probes: YjsClient[] = []
	for (let i = 0; i < PROBES; i++) probes.push(await connectSynced(server.relayUrl, board))
	const latencies: number[] = []
	const seen = probes.map(() => new Set<string>())
	probes.forEach((probe, i) =>
		probe.doc.getMap<number>('edits').observe((event) => {
			const now = performance.now()
			for (const key of event.keysChanged) {
				seen[i]!.add(key)
				latencies.push(now - probe.doc.getMap<number>('edits').get(key)!)
			}
		}),
	)

	const cursors = Array.from({ length: scenario.clients }, (_, i) => lightCursorClient(`${server.relayUrl}/${board}`, 1_000_000 + i))
	await Promise.all(cursors.map((cursor) => cursor.opened))
	for (const cursor of cursors) cursor.resetCount()

	const cpuBefore = cpuSeconds(server.process.pid!)
	const started = performance.now()
	// Spread cursor moves evenly over each period, as real people do not move in lockstep.
	const cursorTimers = cursors.map((cursor, i) => {
		const period = 1000 / scenario.hertz
		let interval: NodeJS.Timeout | undefined
		const timeout = setTimeout(() => (interval = setInterval(cursor.moveCursor, period)), (i / cursors.length) * period)
		return () => {
			clearTimeout(timeout)
			clearInterval(interval)
		}
	})
	let edits = 0
	const editTimer = setInterval(() => writer.doc.getMap<number>('edits').set(`edit-${edits++}`, performance.now()), 1000 / EDITS_PER_SECOND)
	await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000))
	clearInterval(editTimer)
	for (const stop of cursorTimers) stop()
	const elapsedSeconds = (performance.now() - started) / 1000
	const cpuCores = (cpuSeconds(server.process.pid!) - cpuBefore) / elapsedSeconds
	const rssMb = rssMegabytes(server.process.pid!)
	const messages = cursors.reduce((sum, cursor) => sum + cursor.received, 0)

	await waitFor(() => seen.every((keys) => keys.size >= edits), { timeoutMs: GRACE_MS, what: 'late edits' }).catch(() => {})
	const lost = seen.reduce((sum, keys) => sum + (edits - keys.size), 0)
	for (const cursor of cursors) cursor.close()
	for (const client of [writer, ...probes]) client.destroy()
	latencies.sort((a, b) => a - b)
	return {
		...scenario,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		lost,
		edits,
		cpuCores,
		rssMb,
		messagesPerClientSecond: messages / cursors.length / elapsedSeconds,
	}
}

function printResults(results: Result[]) {
	const rows = results.map((r) => [
		`${r.clients}@${r.hertz}Hz`,
		r.p50.toFixed(1),
		r.p99.toFixed(1),
		`${r.lost}/${r.edits * PROBES}`,
		r.cpuCores.toFixed(2),
		r.rssMb.toFixed(0),
		r.messagesPerClientSecond.toFixed(1),
	])
	const header = ['scenario', 'p50 ms', 'p99 ms', 'lost', 'cpu cores', 'rss MB', 'msgs/client/s']
	const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)))
	const line = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i]!)).join(' | ')
	console.log(line(header))
	console.log(widths.map((width) => '-'.repeat(width)).join('-|-'))
	for (const row of rows) console.log(line(row))
	console.log('JSON ' + JSON.stringify(results))
}

const scenarios = (process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_SCENARIOS).map(parseScenario)
console.log(`Relay benchmark: ${SECONDS} s per scenario, writer at ${EDITS_PER_SECOND} edits/s, ${PROBES} latency probes`)
const server = await startServer({ env: { ROOM_IDLE_MS: '1000' } })
try {
	const results: Result[] = []
	for (const [index, scenario] of scenarios.entries()) results.push(await runScenario(server, scenario, index))
	printResults(results)
} finally {
	await server.stop()
	removeDataDir(server)
}
