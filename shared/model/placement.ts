import { MODEL_LAYOUT, centreOf, pointAt, sectorAngles, zoneCentre, zoneOfPoint, type Box, type ModelLayout, type Point } from './geometry.js'
import { centreTextBox } from './labelBoxes.js'
import { stageOf, type ZoneId } from './zones.js'

/** The part of each ring sector kept free for notes: the outer band holds the stage's label and prompts. */
export const NOTE_BAND = { inner: 0.04, outer: 0.7 }
const GAP = 16
const CENTRE_NOTE_OFFSET = 0.5

/**
 * Where a new note of `size` goes in a zone: the free spot (not overlapping `occupied`) closest to
 * the zone's note area, trying a grid of candidates; falls back to stacking slightly offset on the
 * zone's middle when the zone is full, so a note is always created and always in its zone.
 */
export function freeSpotInZone(zone: ZoneId, occupied: Box[], size: number, layout: ModelLayout = MODEL_LAYOUT): Point {
	const candidates = candidateCentres(zone, size, layout)
	const target = candidates[0]!
	// The centre's own text counts as taken: a note there would hide what the centre asks.
	const taken = zone === 'centre' ? [...occupied, centreTextBox(layout)] : occupied
	const free = candidates.filter((centre) => {
		const box = boxAround(centre, size)
		return zoneOfPoint(centre, layout) === zone && !taken.some((other) => overlaps(box, other))
	})
	if (free.length > 0) return topLeftOf(free[0]!, size)
	const stacked = occupied.filter((box) => zoneOfPoint(centreOf(box), layout) === zone).length
	return topLeftOf({ x: target.x + (stacked % 10) * 12, y: target.y + (stacked % 10) * 12 }, size)
}

function candidateCentres(zone: ZoneId, size: number, layout: ModelLayout): Point[] {
	const step = size + GAP
	if (zone === 'centre') {
		// The centre's title and questions fill its upper part: new notes go below them first.
		const below = { x: layout.centre.x, y: layout.centre.y + layout.innerRadius * CENTRE_NOTE_OFFSET }
		// A grid finer than a note, so notes pack around the text instead of on a coarse lattice.
		return gridAround(layout.centre, layout.innerRadius, step / 4).sort((a, b) => distance(a, below) - distance(b, below))
	}
	if (zone === 'parking') return gridAround(zoneCentre(layout, zone), layout.outerRadius * 0.25, step)
	const { start, end } = sectorAngles(stageOf(zone))
	const ring = layout.outerRadius - layout.innerRadius
	const innerRadius = layout.innerRadius + ring * NOTE_BAND.inner + size / 2
	const outerRadius = layout.innerRadius + ring * NOTE_BAND.outer - size / 2
	const middle = pointAt(layout, (innerRadius + outerRadius) / 2, (start + end) / 2)
	// A fine polar grid (an eighth of a note apart), so free spots are found between earlier notes too.
	const fine = step / 8
	const points: Point[] = []
	for (let radius = innerRadius; radius <= outerRadius; radius += fine) {
		const count = Math.max(1, Math.floor((radius * (end - start)) / fine))
		for (let i = 0; i < count; i++) points.push(pointAt(layout, radius, start + ((i + 0.5) * (end - start)) / count))
	}
	return points.sort((a, b) => distance(a, middle) - distance(b, middle))
}

function gridAround(middle: Point, reach: number, step: number): Point[] {
	const points: Point[] = []
	const steps = Math.floor(reach / step)
	for (let row = -steps; row <= steps; row++) {
		for (let column = -steps; column <= steps; column++) points.push({ x: middle.x + column * step, y: middle.y + row * step })
	}
	return points.sort((a, b) => distance(a, middle) - distance(b, middle))
}

const boxAround = (centre: Point, size: number): Box => ({ x: centre.x - size / 2, y: centre.y - size / 2, w: size, h: size })
const topLeftOf = (centre: Point, size: number): Point => ({ x: centre.x - size / 2, y: centre.y - size / 2 })
const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y)
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
