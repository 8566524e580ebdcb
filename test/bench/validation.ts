/**
 * What checking an update costs the relay before it takes effect (server/relay/updateShape.ts and
 * updateDependencies.ts), against a loaded 5,000-note board: a drag frame, a freehand-stroke frame
 * and the largest updates the default limits allow. Prints median and max of repeated runs, and
 * what applying the same update costs, for scale. Run by `npm run bench`.
 */
import * as Y from 'yjs'
import { readConfig } from '../../server/config'
import { checkDependencies } from '../../server/relay/updateDependencies'
import { scanUpdate } from '../../server/relay/updateShape'
import { YDocState } from '../../server/relay/YDocState'
import { writeRecordChanges, type PlainRecord } from '../../shared/recordDoc'
import { manyEntriesUpdate } from '../helpers/hostileUpdates'
import { makeGen, makeNote } from './noteRecords'

const { limits } = readConfig({})
const NOTES = 5000
const RUNS = 200

const gen = makeGen(42)
const notes = Array.from({ length: NOTES }, (_, index) => makeNote(gen, index)) as unknown as PlainRecord[]
const author = new Y.Doc()
writeRecordChanges(author, { put: notes, removed: [] }, null)

function nextUpdate(edit: () => void): Uint8Array {
	let captured: Uint8Array | null = null
	const capture = (update: Uint8Array) => (captured = update)
	author.on('update', capture)
	edit()
	author.off('update', capture)
	return captured!
}

const board = new YDocState(limits.maxNestingDepth)
board.load([Y.encodeStateAsUpdate(author)])

const moved = notes[17]!
const dragFrame = (step: number) =>
	nextUpdate(() => writeRecordChanges(author, { put: [{ ...moved, x: 100 + step * 0.37, y: -50 - step * 0.61 }], removed: [] }, null))
const points = (count: number) => Array.from({ length: count }, (_, index) => ({ x: index * 1.5, y: Math.sin(index / 10) * 40, z: 0.5 }))
const stroke = { ...notes[0]!, id: 'shape:stroke', type: 'draw', props: { segments: [{ type: 'free', points: points(1) }], color: 'black' } }
board.apply(nextUpdate(() => writeRecordChanges(author, { put: [stroke as PlainRecord], removed: [] }, null)))
/** A stroke grows a point a frame; tldraw rewrites its segments, about 1.5 KB at 60 points. */
const strokeFrame = (step: number) =>
	nextUpdate(() =>
		writeRecordChanges(
			author,
			{ put: [{ ...stroke, props: { ...stroke.props, segments: [{ type: 'free', points: points(60 + (step % 2)) }] } } as PlainRecord], removed: [] },
			null,
		),
	)
const largestByEntries = (step: number) => manyEntriesUpdate(limits.maxUpdateEntries - 1, `bench-entries-${step}`)
const largestValue = (step: number) => {
	const doc = new Y.Doc()
	doc.getMap(`bench-value-${step}`).set('big', 'v'.repeat(limits.maxValueBytes - 32))
	return Y.encodeStateAsUpdate(doc)
}

type Figures = { median: number; max: number }
const figures = (samples: number[]): Figures => {
	samples.sort((a, b) => a - b)
	return { median: samples[Math.floor(samples.length / 2)]!, max: samples.at(-1)! }
}

/** Validates, then applies, a fresh update per run (the first runs warm up and are not counted). */
function measure(makeUpdate: (step: number) => Uint8Array, runs: number) {
	const validation: number[] = []
	const application: number[] = []
	let bytes = 0
	const warmUp = Math.min(20, runs)
	for (let step = 0; step < runs + warmUp; step++) {
		const update = makeUpdate(step)
		bytes = update.byteLength
		let started = performance.now()
		const verdict = checkDependencies(scanUpdate(update, limits), board, limits.maxNestingDepth)
		const validated = performance.now() - started
		if (!verdict.ok) throw new Error(`bench update refused: ${verdict.reason}`)
		started = performance.now()
		board.apply(update)
		const applied = performance.now() - started
		if (step >= warmUp) {
			validation.push(validated)
			application.push(applied)
		}
	}
	return { bytes, validation: figures(validation), application: figures(application) }
}

const cases: [string, (step: number) => Uint8Array, number][] = [
	['drag frame (one note moved)', dragFrame, RUNS * 5],
	['freehand stroke frame', strokeFrame, RUNS * 5],
	[`largest by entries (${limits.maxUpdateEntries - 1} map sets)`, largestByEntries, 20],
	[`largest value (${Math.round(limits.maxValueBytes / 1024)} KiB string)`, largestValue, 20],
]
const format = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(1)} ms`)
console.log(`\nUpdate validation against a loaded ${NOTES}-note board: check (scan + dependencies) and apply, median / max`)
console.log('| update | bytes | check | apply |')
console.log('|---|---|---|---|')
for (const [label, makeUpdate, runs] of cases) {
	const { bytes, validation, application } = measure(makeUpdate, runs)
	console.log(
		`| ${label} | ${bytes.toLocaleString('en')} | ${format(validation.median)} / ${format(validation.max)} | ${format(application.median)} / ${format(application.max)} |`,
	)
}
