/**
 * tldraw-like records for the benchmarks: a deterministic generator of sticky notes as tldraw 5
 * stores them, shared by the layout benchmark (layouts.ts) and the relay's cold-join figure
 * (relay.ts), so both measure the same kind of board.
 */

import { noteRecord, type ShapeRecord } from '../helpers/noteRecord'

export type { Json, ShapeRecord } from '../helpers/noteRecord'

/** mulberry32: tiny, fast, deterministic PRNG returning floats in [0, 1). */
function mulberry32(seed: number): () => number {
	let a = seed >>> 0
	return () => {
		a = (a + 0x6d2b79f5) >>> 0
		let t = a
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const WORDS = (
	'we need to talk about the onboarding flow customers drop off after step two maybe ' +
	'simplify pricing page add a free tier ask legal about data retention follow up with ' +
	'sales next sprint idea cluster risks open question who owns this decision metrics ' +
	'survey results look promising but sample size is small let us prototype first'
).split(' ')
const COLORS = ['yellow', 'blue', 'green', 'orange', 'red', 'violet', 'light-blue', 'light-green']

export function makeGen(seed: number) {
	const rand = mulberry32(seed)
	const int = (n: number) => Math.floor(rand() * n)
	const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]
	/** tldraw ids are 21-char nanoid-like strings. */
	const id = (prefix: string) => {
		let s = prefix + ':'
		for (let i = 0; i < 21; i++) s += ALPHABET[int(62)]
		return s
	}
	/** Sticky-note text of 40-80 characters. */
	const text = () => {
		const target = 40 + int(41)
		let s = ''
		for (;;) {
			const next = s ? s + ' ' + pick(WORDS) : pick(WORDS)
			if (next.length > target) return s.length >= 40 ? s : next.slice(0, target)
			s = next
		}
	}
	/**
	 * Positions are full-precision doubles: at any zoom other than 1, tldraw's page coordinates
	 * are arbitrary doubles, and Yjs encodes those as 9-byte float64 (vs. varints for integers).
	 */
	const coord = (range: number) => (rand() - 0.5) * range
	return { rand, int, pick, id, text, coord }
}

/** Fractional index as tldraw produces them for a long list ('a1', ..., 'b0z', ...): 2-4 chars. */
export function fractionalIndex(i: number): string {
	let n = i + 1
	let s = ''
	while (n > 0) {
		s = ALPHABET[n % 62] + s
		n = Math.floor(n / 62)
	}
	return String.fromCharCode('a'.charCodeAt(0) + s.length - 1) + s
}

export function makeNote(g: ReturnType<typeof makeGen>, i: number): ShapeRecord {
	return noteRecord({
		id: g.id('shape'),
		x: g.coord(20_000),
		y: g.coord(20_000),
		index: fractionalIndex(i),
		color: g.pick(COLORS),
		paragraphs: [g.text()],
	})
}
