/**
 * Benchmark: three candidate layouts for storing tldraw-like records in a Y.Doc.
 *
 *   A. map-of-records  doc.getMap('records'): id -> whole plain JSON record (re-set on every change)
 *   B. keyvalue        YKeyValue (y-utility) over doc.getArray('records'): kv.set(id, record)
 *   C. map-of-maps     doc.getMap('records'): id -> Y.Map with one key per top-level record
 *                      property (each a plain JSON value); a change sets only the changed properties
 *
 * Run:  npx tsx test/bench/layouts.ts
 *   (or node --expose-gc --import tsx test/bench/layouts.ts; without --expose-gc the script
 *    enables gc itself via v8.setFlagsFromString, see getGc()).
 *
 * All layouts see exactly the same data and the same sequence of edits (deterministic PRNG,
 * data generated once up front), so the numbers are directly comparable.
 */
import { gzipSync } from 'node:zlib'
import { isDeepStrictEqual } from 'node:util'
import { createRequire } from 'node:module'
import v8 from 'node:v8'
import vm from 'node:vm'
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
// Only used for the extra "stroke as tldraw 5.4 actually stores it" figure (see makeStrokeRecordB64).
import { b64Vecs, DIM_2D } from '@tldraw/tlschema'
import { fractionalIndex, makeGen, makeNote, type Json, type ShapeRecord } from './noteRecords'

// ---------------------------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------------------------

const CFG = {
	seed: 0x5eed_b0a2,
	notes: 5_000,
	moves: 1_000,
	dragFrames: 100,
	strokePoints: 500,
	buildRuns: 3, // board build is timed as the median of this many builds
	loadRuns: 5, // load (apply + read back) is the median of this many runs
	heapRuns: 3, // heap figures are the median of this many measurements
}

/** Small pass over every code path before measuring, so layout A does not pay for JIT warm-up. */
const WARMUP = { notes: 300, moves: 50, dragFrames: 20, strokePoints: 50, buildRuns: 1, loadRuns: 1, heapRuns: 1 }

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

interface Vec {
	x: number
	y: number
	z: number
}

/** Draw shape with points stored as an array of {x,y,z} (the shape given in the brief). */
function makeStrokeRecordPoints(base: ShapeRecord, points: Vec[], isComplete: boolean): ShapeRecord {
	return { ...base, props: { ...base.props, segments: [{ type: 'free', points: points as unknown as Json[] }], isComplete } }
}

/**
 * Same stroke, stored the way tldraw 5.4.2 actually stores it (see node_modules/tldraw/.../Drawing.ts):
 * segments[].path is a base64 string of delta-encoded Float16s, dim 2 for mouse input (no pressure).
 */
function makeStrokeRecordB64(base: ShapeRecord, points: Vec[], isComplete: boolean): ShapeRecord {
	const path = b64Vecs.encodePoints(points, DIM_2D)
	return { ...base, props: { ...base.props, segments: [{ type: 'free', path, dim: DIM_2D }], isComplete } }
}

interface BenchData {
	notes: ShapeRecord[]
	/** [note index, new x, new y] per move */
	moves: [number, number, number][]
	dragNote: number
	/** [dx, dy] per drag frame */
	dragDeltas: [number, number][]
	strokeBase: ShapeRecord
	strokeBaseB64: ShapeRecord
	strokePoints: Vec[]
}

function makeData(cfg: typeof CFG): BenchData {
	const g = makeGen(cfg.seed)
	const notes = Array.from({ length: cfg.notes }, (_, i) => makeNote(g, i))
	const moves = Array.from({ length: cfg.moves }, (): [number, number, number] => {
		const i = g.int(cfg.notes)
		return [i, notes[i].x + g.coord(400), notes[i].y + g.coord(400)]
	})
	const dragNote = g.int(cfg.notes)
	const dragDeltas = Array.from({ length: cfg.dragFrames }, (): [number, number] => [g.coord(8), g.coord(8)])
	const drawBase = (): ShapeRecord => ({
		id: g.id('shape'),
		typeName: 'shape',
		type: 'draw',
		x: g.coord(20_000),
		y: g.coord(20_000),
		rotation: 0,
		index: fractionalIndex(cfg.notes),
		parentId: 'page:page',
		isLocked: false,
		opacity: 1,
		meta: {},
		props: {
			color: 'black',
			fill: 'none',
			dash: 'draw',
			size: 'm',
			segments: [],
			isComplete: false,
			isClosed: false,
			isPen: false,
			scale: 1,
			scaleX: 1, // scaleX/scaleY exist in tldraw 5.4's draw props
			scaleY: 1,
		},
	})
	// Stroke: random walk relative to the shape origin; z = 0.5 is what a mouse (no pressure) yields.
	const strokePoints: Vec[] = []
	let px = 0
	let py = 0
	for (let i = 0; i < cfg.strokePoints; i++) {
		strokePoints.push({ x: px, y: py, z: 0.5 })
		px += g.coord(12)
		py += g.coord(12)
	}
	return { notes, moves, dragNote, dragDeltas, strokeBase: drawBase(), strokeBaseB64: drawBase(), strokePoints }
}

// ---------------------------------------------------------------------------------------------
// Layouts
// ---------------------------------------------------------------------------------------------

interface RecordStore {
	/** Insert or replace a record. Receives the whole new record, as tldraw's store diff does. */
	put(rec: ShapeRecord): void
	/** All records as plain JSON objects, as a client reads them to fill its tldraw store. */
	readAll(): ShapeRecord[]
}

interface Layout {
	key: string
	name: string
	/** Attach to a doc (fresh, or already holding a board). */
	open(doc: Y.Doc): RecordStore
}

const mapOfRecords: Layout = {
	key: 'A',
	name: 'map-of-records',
	open(doc) {
		const map = doc.getMap<ShapeRecord>('records')
		return {
			put: (rec) => map.set(rec.id, rec),
			readAll: () => Array.from(map.values()),
		}
	},
}

const keyValue: Layout = {
	key: 'B',
	name: 'keyvalue',
	open(doc) {
		// The YKeyValue constructor scans the array and builds its id -> entry index; a client has to
		// do this on every load, so it is part of the load time and the heap figure.
		const kv = new YKeyValue<ShapeRecord>(doc.getArray<{ key: string; val: ShapeRecord }>('records'))
		return {
			put: (rec) => kv.set(rec.id, rec),
			readAll: () => Array.from(kv.map.values(), (e) => e.val),
		}
	},
}

const mapOfMaps: Layout = {
	key: 'C',
	name: 'map-of-maps',
	open(doc) {
		const root = doc.getMap<Y.Map<unknown>>('records')
		return {
			put(rec) {
				let ymap = root.get(rec.id)
				if (ymap === undefined) {
					ymap = root.set(rec.id, new Y.Map<unknown>())
				}
				// Only write properties whose value actually changed. Deep equality (not reference
				// equality): tldraw hands over a new record object, and values decoded from a remote
				// update are never the same objects the local client holds.
				for (const [k, v] of Object.entries(rec)) {
					if (!ymap.has(k) || !isDeepStrictEqual(ymap.get(k), v)) ymap.set(k, v)
				}
				for (const k of Array.from(ymap.keys())) {
					if (!(k in rec)) ymap.delete(k)
				}
			},
			readAll: () => Array.from(root.values(), (m) => m.toJSON() as ShapeRecord),
		}
	},
}

const LAYOUTS: Layout[] = [mapOfRecords, keyValue, mapOfMaps]

// ---------------------------------------------------------------------------------------------
// Measurement helpers
// ---------------------------------------------------------------------------------------------

/** global.gc if node runs with --expose-gc, otherwise enable it at runtime (works in Node 20). */
function getGc(): { gc: () => void; native: boolean } {
	const g = (globalThis as { gc?: () => void }).gc
	if (g) return { gc: g, native: true }
	v8.setFlagsFromString('--expose-gc')
	return { gc: vm.runInNewContext('gc') as () => void, native: false }
}
const { gc, native: gcNative } = getGc()
const fullGc = () => {
	gc()
	gc()
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b)
	const m = s.length >> 1
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** Run fn and return the total size (and count) of the updates the doc emits meanwhile. */
function captureUpdates(doc: Y.Doc, fn: () => void): { bytes: number; updates: number } {
	let bytes = 0
	let updates = 0
	const onUpdate = (u: Uint8Array) => {
		bytes += u.byteLength
		updates++
	}
	doc.on('update', onUpdate)
	try {
		fn()
	} finally {
		doc.off('update', onUpdate)
	}
	return { bytes, updates }
}

/**
 * Heap held by a doc with the loaded board plus the layout wrapper (e.g. the YKeyValue index), and
 * additionally with the plain records a client keeps (for A/B readAll returns the very objects
 * stored in the doc; for C toJSON() builds a new top-level object per record, nested values shared).
 *
 * Deliberately a separate function: V8 keeps locals of a running frame alive in interpreter
 * registers until they are overwritten, so measuring inside a loop in the caller would count
 * (or free) the previous iteration's doc. Once this frame returns everything it made is garbage.
 */
function measureHeapOnce(layout: Layout, state: Uint8Array, expected: number): { doc: number; docAndRecords: number } {
	const pinned: unknown[] = []
	fullGc()
	const h0 = process.memoryUsage().heapUsed
	const d = new Y.Doc()
	Y.applyUpdate(d, state)
	pinned.push(d, layout.open(d))
	fullGc()
	const h1 = process.memoryUsage().heapUsed
	const recs = (pinned[1] as RecordStore).readAll()
	pinned.push(recs)
	fullGc()
	const h2 = process.memoryUsage().heapUsed
	if (recs.length !== expected || pinned.length !== 3) throw new Error(`${layout.name}: loaded ${recs.length} records`)
	return { doc: h1 - h0, docAndRecords: h2 - h0 }
}

interface Result {
	layout: string
	name: string
	buildMs: number
	freshBytes: number
	freshGzipBytes: number
	afterMovesBytes: number
	afterMovesGzipBytes: number
	moveMsAvg: number
	dragBytesPerFrame: number
	dragUpdatesPerFrame: number
	strokeBytesPerFrame: number
	strokeBytesTotal: number
	strokeB64BytesPerFrame: number
	strokeB64BytesTotal: number
	finalStateBytes: number
	loadMs: number
	loadApplyMs: number
	loadReadMs: number
	heapDocBytes: number
	heapDocAndRecordsBytes: number
}

type RunCfg = Pick<typeof CFG, 'buildRuns' | 'loadRuns' | 'heapRuns'>

function benchLayout(layout: Layout, data: BenchData, cfg: RunCfg): Result {
	// The "client store": current version of every record, updated immutably as tldraw does.
	const current = new Map<string, ShapeRecord>(data.notes.map((r) => [r.id, r]))

	// --- 5b. Build: insert the whole board in one transaction (as an import / first sync would).
	let doc!: Y.Doc
	let store!: RecordStore
	const buildTimes: number[] = []
	for (let run = 0; run < cfg.buildRuns; run++) {
		const t0 = performance.now()
		doc = new Y.Doc() // gc = true is the default
		store = layout.open(doc)
		doc.transact(() => {
			for (const rec of data.notes) store.put(rec)
		})
		buildTimes.push(performance.now() - t0)
	}

	// --- 1. Fresh state size.
	const fresh = Y.encodeStateAsUpdate(doc)
	const freshGzip = gzipSync(fresh).byteLength

	// --- 5a. Load: apply the fresh state into a new doc and read every record back as plain JSON.
	const load: { total: number; apply: number; read: number }[] = []
	for (let run = 0; run < cfg.loadRuns; run++) {
		const t0 = performance.now()
		const d = new Y.Doc()
		Y.applyUpdate(d, fresh)
		const t1 = performance.now()
		const recs = layout.open(d).readAll()
		const t2 = performance.now()
		if (recs.length !== data.notes.length) throw new Error(`${layout.name}: loaded ${recs.length} records`)
		load.push({ total: t2 - t0, apply: t1 - t0, read: t2 - t1 })
	}

	// --- 6. Heap held by a doc with the loaded board (see measureHeapOnce).
	const heap = Array.from({ length: cfg.heapRuns }, () => measureHeapOnce(layout, fresh, data.notes.length))

	// --- 2. 1,000 moves of random notes. Each move is its own transaction because that is what a
	// real client does (every store change is flushed to Yjs, and hence to the network, as it
	// happens); one big transaction would also run the YKeyValue observer once instead of 1,000
	// times and hide the per-change cost.
	const tMoves = performance.now()
	for (const [i, x, y] of data.moves) {
		const rec = { ...current.get(data.notes[i].id)!, x, y }
		current.set(rec.id, rec)
		doc.transact(() => store.put(rec))
	}
	const moveMsAvg = (performance.now() - tMoves) / data.moves.length
	const afterMoves = Y.encodeStateAsUpdate(doc)

	// --- 3. Drag one note: one transaction per frame, measure the update(s) each frame emits.
	let dragBytes = 0
	let dragUpdates = 0
	const dragId = data.notes[data.dragNote].id
	for (const [dx, dy] of data.dragDeltas) {
		const prev = current.get(dragId)!
		const rec = { ...prev, x: prev.x + dx, y: prev.y + dy }
		current.set(rec.id, rec)
		const u = captureUpdates(doc, () => doc.transact(() => store.put(rec)))
		dragBytes += u.bytes
		dragUpdates += u.updates
	}

	// --- 4. Freehand stroke growing one point per frame (frame 1 creates the record); the last
	// frame also flips isComplete. Done twice: points as {x,y,z} objects (as in the brief), and as
	// tldraw 5.4.2 really stores them (base64 `path`).
	const drawStroke = (base: ShapeRecord, make: typeof makeStrokeRecordPoints) => {
		let total = 0
		const n = data.strokePoints.length
		for (let k = 1; k <= n; k++) {
			const rec = make(base, data.strokePoints.slice(0, k), k === n)
			current.set(rec.id, rec)
			total += captureUpdates(doc, () => doc.transact(() => store.put(rec))).bytes
		}
		return total
	}
	const strokeTotal = drawStroke(data.strokeBase, makeStrokeRecordPoints)
	const strokeB64Total = drawStroke(data.strokeBaseB64, makeStrokeRecordB64)
	const finalState = Y.encodeStateAsUpdate(doc)

	// --- Sanity check: the final state, loaded into a fresh doc, must equal the client store.
	{
		const d = new Y.Doc()
		Y.applyUpdate(d, finalState)
		const loaded = layout.open(d).readAll()
		if (loaded.length !== current.size) throw new Error(`${layout.name}: ${loaded.length} != ${current.size} records`)
		for (const rec of loaded) {
			if (!isDeepStrictEqual(rec, current.get(rec.id))) throw new Error(`${layout.name}: record ${rec.id} differs`)
		}
	}

	const frames = data.strokePoints.length
	return {
		layout: layout.key,
		name: layout.name,
		buildMs: median(buildTimes),
		freshBytes: fresh.byteLength,
		freshGzipBytes: freshGzip,
		afterMovesBytes: afterMoves.byteLength,
		afterMovesGzipBytes: gzipSync(afterMoves).byteLength,
		moveMsAvg,
		dragBytesPerFrame: dragBytes / data.dragDeltas.length,
		dragUpdatesPerFrame: dragUpdates / data.dragDeltas.length,
		strokeBytesPerFrame: strokeTotal / frames,
		strokeBytesTotal: strokeTotal,
		strokeB64BytesPerFrame: strokeB64Total / frames,
		strokeB64BytesTotal: strokeB64Total,
		finalStateBytes: finalState.byteLength,
		loadMs: median(load.map((l) => l.total)),
		loadApplyMs: median(load.map((l) => l.apply)),
		loadReadMs: median(load.map((l) => l.read)),
		heapDocBytes: median(heap.map((h) => h.doc)),
		heapDocAndRecordsBytes: median(heap.map((h) => h.docAndRecords)),
	}
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

const kib = (b: number) => (b / 1024).toFixed(1)
const mib = (b: number) => (b / 1024 / 1024).toFixed(1)
const ms = (t: number) => t.toFixed(1)
const int = (n: number) => Math.round(n).toLocaleString('en-US')

function printTable(results: Result[]) {
	const cols: [string, (r: Result) => string][] = [
		['layout', (r) => `${r.layout}. ${r.name}`],
		['build ms', (r) => ms(r.buildMs)],
		['fresh KiB', (r) => kib(r.freshBytes)],
		['fresh gz KiB', (r) => kib(r.freshGzipBytes)],
		['1k moves KiB', (r) => kib(r.afterMovesBytes)],
		['move ms/op', (r) => r.moveMsAvg.toFixed(3)],
		['drag B/frame', (r) => int(r.dragBytesPerFrame)],
		['stroke B/frame', (r) => int(r.strokeBytesPerFrame)],
		['stroke total KiB', (r) => kib(r.strokeBytesTotal)],
		['b64 stroke B/frame', (r) => int(r.strokeB64BytesPerFrame)],
		['load ms', (r) => ms(r.loadMs)],
		['heap doc MiB', (r) => mib(r.heapDocBytes)],
		['heap +recs MiB', (r) => mib(r.heapDocAndRecordsBytes)],
	]
	const rows = results.map((r) => cols.map(([, f]) => f(r)))
	const widths = cols.map(([h], i) => Math.max(h.length, ...rows.map((row) => row[i].length)))
	const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')
	console.log(line(cols.map(([h]) => h)))
	console.log(widths.map((w) => '-'.repeat(w)).join('-|-'))
	for (const row of rows) console.log(line(row))
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

const tStart = performance.now()
const require = createRequire(import.meta.url)
const yjsVersion = (require('yjs/package.json') as { version: string }).version

// Warm-up on a small board, all layouts, results discarded.
{
	const warm = makeData({ ...CFG, ...WARMUP, seed: CFG.seed + 1 })
	for (const layout of LAYOUTS) benchLayout(layout, warm, WARMUP)
}

const data = makeData(CFG)
const results = LAYOUTS.map((layout) => benchLayout(layout, data, CFG))
const totalMs = performance.now() - tStart

console.log(
	`Yjs record layouts — node ${process.version}, yjs ${yjsVersion}, ` +
		`gc ${gcNative ? 'exposed (--expose-gc)' : 'enabled at runtime'}, seed 0x${CFG.seed.toString(16)}`,
)
console.log(
	`board: ${int(CFG.notes)} notes; ${int(CFG.moves)} random moves (1 txn each); ` +
		`${CFG.dragFrames}-frame drag; ${CFG.strokePoints}-point freehand stroke (1 point/frame)\n`,
)
printTable(results)
console.log(`
Columns:
  build ms            insert all ${int(CFG.notes)} notes in one transaction (median of ${CFG.buildRuns})
  fresh KiB / gz      Y.encodeStateAsUpdate of the fresh board, raw / gzipSync
  1k moves KiB        state size after ${int(CFG.moves)} moves (x,y of a random note, own transaction each, doc.gc = true)
  move ms/op          local cost of one move transaction (put + Yjs + observers), mean
  drag B/frame        update bytes emitted per drag frame of one note (mean of ${CFG.dragFrames})
  stroke B/frame      update bytes per frame of a ${CFG.strokePoints}-point stroke, points as [{x,y,z}] (mean); total in next column
  b64 stroke B/frame  same stroke with segments[].path = base64 Float16 deltas, as tldraw 5.4.2 stores it
  load ms             new doc + Y.applyUpdate(fresh board) + read all records as plain JSON (median of ${CFG.loadRuns})
  heap doc MiB        heapUsed growth for a doc holding the loaded board (+ layout wrapper), after gc (median of ${CFG.heapRuns})
  heap +recs MiB      same, plus the plain records the client keeps (A/B: the doc's own objects; C: new top-level objects, nested values shared)
`)
console.log(`total runtime ${(totalMs / 1000).toFixed(1)} s`)
console.log(
	'JSON ' +
		JSON.stringify({
			config: CFG,
			node: process.version,
			yjs: yjsVersion,
			gcNative,
			totalRuntimeMs: Math.round(totalMs),
			results: results.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 1000) / 1000 : v]))),
		}),
)
