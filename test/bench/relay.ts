/**
 * Relay benchmark: the same workload against three servers, each its own child process: ours (the
 * built server), the stock y-websocket server (@y/websocket-server) and a bare Hocuspocus server
 * (see targets.ts). Per scenario and server: one board, one writer making 20 edits/s, a few probe
 * clients measuring each edit's latency, and N light clients sending cursor (awareness) updates at
 * H Hz. Prints edit latency, lost edits, server CPU and memory, and the messages each cursor
 * client receives per second, side by side with ratios; then, for our server only, the cold join
 * of a 5,000-note board, the memory it holds once loaded and its size on disk. Figures, not
 * assertions: see README.
 *
 *   npm run bench                       all default scenarios
 *   npm run bench -- 200@5 50@10        chosen scenarios (clients@hertz)
 *   BENCH_SECONDS=20 npm run bench      longer runs
 *   BENCH_TARGETS=ours,hocuspocus       only some servers (ratios need ours and the other)
 */
import { execFileSync, fork } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import { recordsOf, writeRecordChanges } from '../../shared/recordDoc'
import { removeDataDir, startServer, type RunningServer } from '../helpers/serverProcess'
import { waitFor } from '../helpers/waitFor'
import { connectClient, connectSynced, type YjsClient } from '../helpers/yjsClient'
import { makeGen, makeNote } from './noteRecords'
import { TARGETS, type BenchTarget, type ProbeClient, type RunningTarget } from './targets'
import type { CursorLoadMessage, CursorLoadOptions } from './cursorLoad'

const DEFAULT_SCENARIOS = ['20@20', '50@10', '100@5', '200@2', '200@5']
const EDITS_PER_SECOND = 20
const PROBES = 3
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const GRACE_MS = 2000
const CLOCK_TICKS_PER_SECOND = 100 // Linux USER_HZ, the unit of utime/stime in /proc/<pid>/stat
/** A server still busy with the previous run (send backlogs, closes) would bill it to the next. */
const IDLE_CORES = 0.05
const IDLE_WAIT_MS = 5000

const COLD_BOARD_NOTES = 5000
const COLD_JOIN_RUNS = 3
const COLD_BATCH_NOTES = 1000 // ~0.6 MB per update, well under the relay's 4 MiB frame limit
const SETTLE_MS = 1000
/**
 * Loading a board leaves garbage (the stored update decoded to check it, the sync answer) that V8
 * frees in its idle-time collection ("memory reducer"), ~10-25 s after allocation stops; memory a
 * loaded board holds is measured after that.
 */
const IDLE_GC_MS = 30_000
/** Further copies of the cold board, loaded together to measure memory per board. */
const EXTRA_BOARDS = 4
const NOTE_SEED = 0x5eed_b0a2 // layouts.ts's seed: the same kind of board it measures

type Scenario = { clients: number; hertz: number }
type Result = {
	p50: number
	p99: number
	lost: number
	edits: number
	cpuCores: number
	rssMb: number
	messagesPerClientSecond: number
	/** This process (all clients): near 1 core it, not the server, may be what limits the figures. */
	benchCpuCores: number
	/** The server was still busy from the previous run when this one started. */
	startedBusy: boolean
}
type Ratios = { p99: number; cpuCores: number; messagesPerClientSecond: number }
type ScenarioResults = Scenario & { results: Record<string, Result>; ratios: Record<string, Ratios> }
type ColdJoin = {
	notes: number
	stateBytes: number
	joinMs: number[]
	joinMsMedian: number
	idleRssMb: number
	loadedRssMb: number
	boardRssMb: number
	boardSettledRssMb: number
	boardsLoadedTogether: number
	perBoardRssMb: number
	perBoardSettledRssMb: number
	emptyDiskBytes: number
	diskBytes: number
	diskBytesPerBoard: number
	diskBytesAfterRestart: number
}

function parseScenario(text: string): Scenario {
	const match = /^(\d+)@(\d+(?:\.\d+)?)$/.exec(text)
	if (!match) throw new Error(`scenario "${text}" must look like CLIENTS@HERTZ, e.g. 200@5`)
	return { clients: Number(match[1]), hertz: Number(match[2]) }
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

function median(values: number[]): number {
	return percentile(
		[...values].sort((a, b) => a - b),
		50,
	)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Waits (bounded) until the server has drained what the previous run left it; false if it never did. */
async function waitUntilIdle(pid: number): Promise<boolean> {
	const deadline = performance.now() + IDLE_WAIT_MS
	while (performance.now() < deadline) {
		const before = cpuSeconds(pid)
		await sleep(250)
		if ((cpuSeconds(pid) - before) / 0.25 < IDLE_CORES) return true
	}
	return false
}

async function runScenario(server: RunningTarget, scenario: Scenario, index: number): Promise<Result> {
	const startedBusy = !(await waitUntilIdle(server.pid))
	const board = `bench-${index}-${scenario.clients}at${scenario.hertz}`
	const writer = await server.connectProbe(board)
	const probes: ProbeClient[] = []
	for (let i = 0; i < PROBES; i++) probes.push(await server.connectProbe(board))
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

	const crowd = await startCursorLoad({ endpoint: server.cursorEndpoint, board, clients: scenario.clients, hertz: scenario.hertz })

	const cpuBefore = cpuSeconds(server.pid)
	const benchCpuBefore = process.cpuUsage()
	const started = performance.now()
	crowd.start()
	let edits = 0
	const editTimer = setInterval(() => writer.doc.getMap<number>('edits').set(`edit-${edits++}`, performance.now()), 1000 / EDITS_PER_SECOND)
	await sleep(SECONDS * 1000)
	clearInterval(editTimer)
	const received = await crowd.stop()
	const elapsedSeconds = (performance.now() - started) / 1000
	const cpuCores = (cpuSeconds(server.pid) - cpuBefore) / elapsedSeconds
	const benchCpu = process.cpuUsage(benchCpuBefore)
	const benchCpuCores = (benchCpu.user + benchCpu.system) / 1e6 / elapsedSeconds
	const rssMb = rssMegabytes(server.pid)

	await waitFor(() => seen.every((keys) => keys.size >= edits), { timeoutMs: GRACE_MS, what: 'late edits' }).catch(() => {})
	const lost = seen.reduce((sum, keys) => sum + (edits - keys.size), 0)
	for (const client of [writer, ...probes]) client.destroy()
	latencies.sort((a, b) => a - b)
	return {
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		lost,
		edits,
		cpuCores,
		rssMb,
		messagesPerClientSecond: received / scenario.clients / elapsedSeconds,
		benchCpuCores,
		startedBusy,
	}
}

/** Opens the scenario's cursor clients in their own process and waits until all are accepted. */
async function startCursorLoad(options: CursorLoadOptions) {
	const worker = fork(fileURLToPath(new URL('./cursorLoad.ts', import.meta.url)), [JSON.stringify(options)], {
		execArgv: ['--import', 'tsx'],
	})
	const next = () =>
		new Promise<CursorLoadMessage>((resolve, reject) => {
			worker.once('message', (message) => resolve(message as CursorLoadMessage))
			worker.once('error', reject)
		})
	const ready = await next()
	if (ready.type === 'stopped') throw new Error(`cursor clients could not connect: ${ready.failed}`)
	return {
		start: () => worker.send('start'),
		/** Stops the moves and returns how many messages the crowd received since start. */
		stop: async () => {
			const stopped = next()
			worker.send('stop')
			const result = await stopped
			return result.type === 'stopped' ? result.received : 0
		},
	}
}

function ratiosOf(results: Record<string, Result>): Record<string, Ratios> {
	const base = results.ours
	if (!base) return {}
	return Object.fromEntries(
		Object.entries(results)
			.filter(([name]) => name !== 'ours')
			.map(([name, other]) => [
				name,
				{
					p99: base.p99 / other.p99,
					cpuCores: base.cpuCores / other.cpuCores,
					messagesPerClientSecond: base.messagesPerClientSecond / other.messagesPerClientSecond,
				},
			]),
	)
}

function printTable(header: string[], rows: string[][]) {
	const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)))
	const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')
	console.log(line(header))
	console.log(widths.map((width) => '-'.repeat(width)).join('-|-'))
	for (const row of rows) console.log(line(row))
}

/** One table per scenario: a row per figure, a column per server, then ours/other ratios. */
function printScenario(entry: ScenarioResults, targetNames: string[]) {
	const others = Object.keys(entry.ratios)
	const metrics: [string, (r: Result) => string, keyof Ratios | undefined][] = [
		['p50 ms', (r) => r.p50.toFixed(1), undefined],
		['p99 ms', (r) => r.p99.toFixed(1), 'p99'],
		['lost edits', (r) => `${r.lost}/${r.edits * PROBES}`, undefined],
		['cpu cores', (r) => r.cpuCores.toFixed(2), 'cpuCores'],
		['rss MB', (r) => r.rssMb.toFixed(0), undefined],
		['msgs/client/s', (r) => r.messagesPerClientSecond.toFixed(1), 'messagesPerClientSecond'],
		['bench cpu cores', (r) => r.benchCpuCores.toFixed(2), undefined],
	]
	const rows = metrics.map(([title, format, ratio]) => [
		title,
		...targetNames.map((name) => format(entry.results[name]!)),
		...others.map((name) => (ratio ? entry.ratios[name]![ratio].toFixed(2) : '')),
	])
	console.log(`\n${entry.clients} cursor clients @ ${entry.hertz} Hz`)
	printTable([`${entry.clients}@${entry.hertz}Hz`, ...targetNames, ...others.map((name) => `ours/${name}`)], rows)
	const busy = targetNames.filter((name) => entry.results[name]!.startedBusy)
	if (busy.length > 0) console.log(`(still busy from the previous run after ${IDLE_WAIT_MS / 1000} s, so started anyway: ${busy.join(', ')})`)
}

/** Issue 6's goals, each with what this run measured; a goal whose scenario or server did not run is left out. */
function printGoals(scenarios: ScenarioResults[], cold: ColdJoin | undefined) {
	const find = (clients: number, hertz: number) => scenarios.find((entry) => entry.clients === clients && entry.hertz === hertz)
	const rows: [string, string, boolean][] = []
	const busiest = find(200, 5)
	const ours = busiest?.results.ours
	if (busiest && ours) {
		rows.push(['200@5: p99 edit latency <= 5 ms', `${ours.p99.toFixed(1)} ms`, ours.p99 <= 5])
		rows.push(['200@5: no lost edits', `${ours.lost}`, ours.lost === 0])
		const hocuspocus = busiest.results.hocuspocus
		if (hocuspocus) {
			rows.push(["200@5: p99 <= Hocuspocus's", `${ours.p99.toFixed(1)} vs ${hocuspocus.p99.toFixed(1)} ms`, ours.p99 <= hocuspocus.p99])
			const ratio = ours.cpuCores / hocuspocus.cpuCores
			rows.push(["200@5: CPU <= half of Hocuspocus's", `${ratio.toFixed(2)} of it`, ratio <= 0.5])
		}
	}
	const reference = find(50, 10)
	if (reference?.results.ours && reference.results['y-websocket']) {
		const ratio = reference.results.ours.cpuCores / reference.results['y-websocket'].cpuCores
		rows.push(["50@10: CPU <= half of y-websocket-server's", `${ratio.toFixed(2)} of it`, ratio <= 0.5])
	}
	const ourRuns = scenarios.flatMap((entry) => (entry.results.ours ? [entry.results.ours] : []))
	if (ourRuns.length > 0) {
		const most = Math.max(...ourRuns.map((result) => result.messagesPerClientSecond))
		rows.push(['every scenario: <= 60 messages per client per second', `at most ${most.toFixed(1)}`, most <= 60])
	}
	if (cold) {
		rows.push(['5,000-note board: cold join <= 1 s', `${cold.joinMsMedian.toFixed(0)} ms`, cold.joinMsMedian <= 1000])
		rows.push([
			'5,000-note board: memory loaded <= 50 MB',
			`${cold.perBoardSettledRssMb.toFixed(1)} MB per board (${cold.boardsLoadedTogether} loaded, after idle GC)`,
			cold.perBoardSettledRssMb <= 50,
		])
	}
	if (rows.length === 0) return
	console.log('\nGoals (issue 6)')
	printTable(
		['goal', 'measured', 'met'],
		rows.map(([goal, measured, met]) => [goal, measured, met ? 'yes' : 'NO']),
	)
}

function duBytes(directory: string): number {
	return Number(execFileSync('du', ['-sb', directory], { encoding: 'utf8' }).split('\t')[0])
}

/** Resolves when the client has its first sync (the 'sync' event, not polling: ms matter here). */
function whenSynced(client: YjsClient): Promise<void> {
	return new Promise((resolve, reject) => {
		const timeout = setTimeout(() => reject(new Error('cold join did not sync within 30 s')), 30_000)
		const onSync = (synced: boolean) => {
			if (!synced) return
			clearTimeout(timeout)
			client.provider.off('sync', onSync)
			resolve()
		}
		client.provider.on('sync', onSync)
	})
}

/**
 * Our server only: a 5,000-note board written through a y-websocket client, unloaded (which
 * compacts it), then joined cold after each restart: connect -> synced, and the server's RSS
 * before and after, both after a settle.
 */
async function measureColdJoin(): Promise<ColdJoin> {
	// Unload the board soon after its writer leaves: unloading is what compacts it.
	const env = { ROOM_IDLE_MS: '500' }
	let server: RunningServer = await startServer({ env })
	const boardsDir = path.join(server.dataDir, 'boards')
	const board = 'cold-join-5000-notes'
	try {
		const emptyDiskBytes = duBytes(boardsDir)
		const writer = await connectSynced(server.relayUrl, board)
		const generate = makeGen(NOTE_SEED)
		const notes = Array.from({ length: COLD_BOARD_NOTES }, (_, i) => makeNote(generate, i))
		for (let start = 0; start < notes.length; start += COLD_BATCH_NOTES) {
			writeRecordChanges(writer.doc, { put: notes.slice(start, start + COLD_BATCH_NOTES), removed: [] }, 'bench')
		}
		await waitFor(() => writer.provider.ws?.bufferedAmount === 0, { timeoutMs: 30_000, what: 'the board to be sent' })
		await sleep(1000) // the server writes within PERSIST_DELAY_MS (100 ms) of receiving
		const stateBytes = Y.encodeStateAsUpdate(writer.doc).byteLength
		// The same board under more names, to see what each further loaded board costs.
		const extraBoards = Array.from({ length: EXTRA_BOARDS }, (_, i) => `${board}-copy-${i + 1}`)
		for (const extra of extraBoards) {
			const copyWriter = await connectSynced(server.relayUrl, extra)
			Y.applyUpdate(copyWriter.doc, Y.encodeStateAsUpdate(writer.doc))
			await waitFor(() => copyWriter.provider.ws?.bufferedAmount === 0, { timeoutMs: 30_000, what: 'a copy to be sent' })
			copyWriter.destroy()
		}
		await sleep(1000)
		writer.destroy()
		await waitFor(() => server.output().includes('unloaded idle board'), { timeoutMs: 30_000, what: 'the board to be unloaded' })
		const diskBytes = duBytes(boardsDir)

		const runs: { joinMs: number; idleRssMb: number; loadedRssMb: number }[] = []
		let diskBytesAfterRestart = 0
		let boardSettledRssMb = 0
		for (let run = 0; run < COLD_JOIN_RUNS; run++) {
			await server.stop()
			server = await startServer({ dataDir: server.dataDir, env })
			// LevelDB only rewrites its log (raw updates + merged state) into a table when it reopens.
			if (run === 0) diskBytesAfterRestart = duBytes(boardsDir)
			await sleep(SETTLE_MS)
			const idleRssMb = rssMegabytes(server.process.pid!)
			const started = performance.now()
			const client = connectClient(server.relayUrl, board)
			await whenSynced(client)
			const joinMs = performance.now() - started
			const loaded = recordsOf(client.doc).size
			if (loaded !== COLD_BOARD_NOTES) throw new Error(`cold join loaded ${loaded} of ${COLD_BOARD_NOTES} notes`)
			await sleep(SETTLE_MS)
			const loadedRssMb = rssMegabytes(server.process.pid!)
			if (run === 0) {
				await sleep(IDLE_GC_MS)
				boardSettledRssMb = rssMegabytes(server.process.pid!) - idleRssMb
			}
			client.destroy()
			runs.push({ joinMs, idleRssMb, loadedRssMb })
		}
		// All boards at once after a restart: the growth per board, without the one-time slack
		// V8 keeps after the first big load.
		await server.stop()
		server = await startServer({ dataDir: server.dataDir, env })
		await sleep(SETTLE_MS)
		const idleBeforeAll = rssMegabytes(server.process.pid!)
		const readers = [board, ...extraBoards].map((name) => connectClient(server.relayUrl, name))
		await Promise.all(readers.map(whenSynced))
		await sleep(SETTLE_MS)
		const perBoardRssMb = (rssMegabytes(server.process.pid!) - idleBeforeAll) / readers.length
		await sleep(IDLE_GC_MS)
		const perBoardSettledRssMb = (rssMegabytes(server.process.pid!) - idleBeforeAll) / readers.length
		for (const reader of readers) reader.destroy()
		const idleRssMb = median(runs.map((r) => r.idleRssMb))
		const loadedRssMb = median(runs.map((r) => r.loadedRssMb))
		return {
			notes: COLD_BOARD_NOTES,
			stateBytes,
			joinMs: runs.map((r) => r.joinMs),
			joinMsMedian: median(runs.map((r) => r.joinMs)),
			idleRssMb,
			loadedRssMb,
			boardRssMb: median(runs.map((r) => r.loadedRssMb - r.idleRssMb)),
			boardSettledRssMb,
			boardsLoadedTogether: 1 + extraBoards.length,
			perBoardRssMb,
			perBoardSettledRssMb,
			emptyDiskBytes,
			diskBytes,
			diskBytesPerBoard: (diskBytes - emptyDiskBytes) / (1 + extraBoards.length),
			diskBytesAfterRestart: emptyDiskBytes + (diskBytesAfterRestart - emptyDiskBytes) / (1 + extraBoards.length),
		}
	} finally {
		await server.stop()
		removeDataDir(server)
	}
}

function printColdJoin(cold: ColdJoin) {
	const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`
	console.log(`\nOurs: a ${cold.notes.toLocaleString('en-US')}-note board (state ${kib(cold.stateBytes)})`)
	printTable(
		['figure', 'value'],
		[
			['cold join, connect -> synced', `${cold.joinMsMedian.toFixed(0)} ms (median of ${cold.joinMs.map((ms) => ms.toFixed(0)).join(', ')})`],
			['first board loaded, RSS growth', `${cold.boardRssMb.toFixed(1)} MB (idle ${cold.idleRssMb.toFixed(0)} MB -> ${cold.loadedRssMb.toFixed(0)} MB)`],
			[`  same after V8's idle GC (${IDLE_GC_MS / 1000} s)`, `${cold.boardSettledRssMb.toFixed(1)} MB`],
			[`${cold.boardsLoadedTogether} boards loaded, RSS per board`, `${cold.perBoardRssMb.toFixed(1)} MB`],
			[`  same after V8's idle GC (${IDLE_GC_MS / 1000} s)`, `${cold.perBoardSettledRssMb.toFixed(1)} MB`],
			[
				'disk per board, compacted',
				`${kib(cold.diskBytesPerBoard)} (du -sb boards/ ${kib(cold.diskBytes)} minus empty, over ${cold.boardsLoadedTogether} boards)`,
			],
			['  same after one restart', `${kib(cold.diskBytesAfterRestart - cold.emptyDiskBytes)} (LevelDB turned its log into a table)`],
		],
	)
}

function packageVersion(name: string): string {
	const file = new URL(`../../node_modules/${name}/package.json`, import.meta.url)
	return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
}

const scenarios = (process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_SCENARIOS).map(parseScenario)
const chosen = process.env.BENCH_TARGETS?.split(',').map((name) => name.trim())
const targets: BenchTarget[] = chosen ? TARGETS.filter((target) => chosen.includes(target.name)) : TARGETS
if (targets.length === 0) throw new Error(`BENCH_TARGETS must name some of ${TARGETS.map((target) => target.name).join(', ')}`)
const versions = {
	node: process.version,
	yjs: packageVersion('yjs'),
	'@y/websocket-server': packageVersion('@y/websocket-server'),
	'@hocuspocus/server': packageVersion('@hocuspocus/server'),
	'@hocuspocus/provider': packageVersion('@hocuspocus/provider'),
}
console.log(
	`Relay benchmark: ${SECONDS} s per scenario and server, writer at ${EDITS_PER_SECOND} edits/s, ${PROBES} latency probes; ` +
		Object.entries(versions)
			.map(([name, version]) => `${name} ${version}`)
			.join(', '),
)

console.log('ours/<server>: our figure divided by theirs (below 1: ours is lower). bench cpu: this process, all clients.')

const benchStarted = performance.now()
const running = new Map<string, RunningTarget>()
try {
	for (const target of targets) running.set(target.name, await target.start())
	const all: ScenarioResults[] = []
	// Servers take turns within each scenario, so background load on the machine hits all alike.
	for (const [index, scenario] of scenarios.entries()) {
		const results: Record<string, Result> = {}
		for (const target of targets) results[target.name] = await runScenario(running.get(target.name)!, scenario, index)
		const entry = { ...scenario, results, ratios: ratiosOf(results) }
		printScenario(
			entry,
			targets.map((target) => target.name),
		)
		all.push(entry)
	}
	for (const [name, server] of running) {
		const complaints = server.complaints()
		if (complaints.length > 0) console.log(`\n${name} wrote ${complaints.length} stderr lines, first ones:\n  ${complaints.slice(0, 5).join('\n  ')}`)
		await server.stop()
	}
	running.clear()

	const coldJoin = targets.some((target) => target.name === 'ours') ? await measureColdJoin() : undefined
	if (coldJoin) printColdJoin(coldJoin)
	printGoals(all, coldJoin)
	console.log(`\nrelay benchmark took ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`)
	console.log('JSON ' + JSON.stringify({ seconds: SECONDS, editsPerSecond: EDITS_PER_SECOND, probes: PROBES, versions, scenarios: all, coldJoin }))
} finally {
	for (const server of running.values()) await server.stop()
}
