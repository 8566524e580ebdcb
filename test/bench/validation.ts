/**
 * What checking an update costs the relay before it takes effect (server/relay/updateShape.ts and
 * updateDependencies.ts, then the write policy: server/policy/updateEffects.ts and writePolicy.ts),
 * against a loaded 5,000-note board: a drag frame, a freehand-stroke frame, the browser's largest
 * transaction (a paste of 100 notes), 1,200 notes moved in one update and the largest updates the
 * default limits allow. Prints median and max of repeated runs, and what applying the same update
 * costs, for scale. Run by `npm run bench`.
 */
import * as Y from 'yjs'
import { readConfig } from '../../server/config'
import { documentPolicy } from '../../server/policy/documentPolicy'
import { checkDependencies } from '../../server/relay/updateDependencies'
import { scanUpdate } from '../../server/relay/updateShape'
import { YDocState } from '../../server/relay/YDocState'
import { recordsOf, RECORDS_PER_TRANSACTION, writeRecordChanges, type PlainRecord } from '../../shared/recordDoc'
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
const paste = (step: number) => {
	const pasted = Array.from({ length: RECORDS_PER_TRANSACTION }, (_, index) => makeNote(gen, NOTES + step * RECORDS_PER_TRANSACTION + index))
	return nextUpdate(() => writeRecordChanges(author, { put: pasted as unknown as PlainRecord[], removed: [] }, null))
}
/** Each note's old x is its own delete range the first time, so 1,200 moves and their ranges stay under MAX_UPDATE_ENTRIES. */
const manyMoved = (step: number) =>
	nextUpdate(() =>
		author.transact(() =>
			notes.slice(0, 1200).forEach((note, index) =>
				recordsOf(author)
					.get(note.id)!
					.set('x', step * 10 + index),
			),
		),
	)
const largestByEntries = (step: number) => manyEntriesUpdate(limits.maxUpdateEntries - 1, `bench-entries-${step}`)
const largestValue = (step: number) => {
	const doc = new Y.Doc()
	doc.getMap(`bench-value-${step}`).set('big', 'v'.repeat(limits.maxValueBytes - 32))
	return Y.encodeStateAsUpdate(doc)
}

const policy = documentPolicy('board', () => null)!
const participant = { role: 'participant', participantId: 'bench' } as const

type Figures = { median: number; max: number }
const figures = (samples: number[]): Figures => {
	samples.sort((a, b) => a - b)
	return { median: samples[Math.floor(samples.length / 2)]!, max: samples.at(-1)! }
}

/** Validates, then applies, a fresh update per run (the first runs warm up and are not counted). */
function measure(makeUpdate: (step: number) => Uint8Array, runs: number) {
	const validation: number[] = []
	const judgement: number[] = []
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
		const refusal = board.read((doc) => policy(participant, update, doc))
		const judged = performance.now() - started
		if (refusal) throw new Error(`bench update refused by the write policy: ${refusal.detail}`)
		started = performance.now()
		board.apply(update)
		const applied = performance.now() - started
		if (step >= warmUp) {
			validation.push(validated)
			judgement.push(judged)
			application.push(applied)
		}
	}
	return { bytes, validation: figures(validation), judgement: figures(judgement), application: figures(application) }
}

const cases: [string, (step: number) => Uint8Array, number][] = [
	['drag frame (one note moved)', dragFrame, RUNS * 5],
	['freehand stroke frame', strokeFrame, RUNS * 5],
	[`paste of ${RECORDS_PER_TRANSACTION} notes (one browser transaction)`, paste, 40],
	['1,200 notes moved in one update', manyMoved, 20],
	[`largest by entries (${limits.maxUpdateEntries - 1} map sets)`, largestByEntries, 20],
	[`largest value (${Math.round(limits.maxValueBytes / 1024)} KiB string)`, largestValue, 20],
]
const format = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(1)} ms`)
const both = ({ median, max }: Figures) => `${format(median)} / ${format(max)}`
console.log(`\nUpdate validation against a loaded ${NOTES}-note board: check (scan + dependencies), write policy (effects + rules) and apply, median / max`)
console.log('| update | bytes | check | policy | apply |')
console.log('|---|---|---|---|---|')
for (const [label, makeUpdate, runs] of cases) {
	const { bytes, validation, judgement, application } = measure(makeUpdate, runs)
	console.log(`| ${label} | ${bytes.toLocaleString('en')} | ${both(validation)} | ${both(judgement)} | ${both(application)} |`)
}
