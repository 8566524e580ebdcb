import { STAGE_NUMBERS, stageOf, stageZone, type StageNumber, type ZoneId } from './zones.js'

export type Point = { x: number; y: number }
/** An upright box on the page: a note's bounds, a zone's, a label's. */
export type Box = { x: number; y: number; w: number; h: number }

export const centreOf = (box: Box): Point => ({ x: box.x + box.w / 2, y: box.y + box.h / 2 })

/** Where the model sits on the page. Page units: a tldraw note is 200 x 200. */
export type ModelLayout = { centre: Point; innerRadius: number; outerRadius: number }

export const MODEL_LAYOUT: ModelLayout = { centre: { x: 0, y: 0 }, innerRadius: 440, outerRadius: 1600 }

const TURN = 2 * Math.PI
const SECTOR_ANGLE = TURN / STAGE_NUMBERS.length
/** Points this close to a sector boundary (in radians) count as on it, so rounding never flips a stage. */
const BOUNDARY_TOLERANCE = 1e-9
/** Likewise for the circles: a point computed on a circle may round to just outside it. */
const RADIUS_TOLERANCE = 1e-12

/**
 * Angles run clockwise from 12 o'clock, as on a clock face, in page coordinates (y grows down).
 * Stage 1 spans [0, 45°), stage 2 [45°, 90°) ... stage 8 [315°, 360°).
 */
export function sectorAngles(stage: StageNumber): { start: number; end: number } {
	return { start: (stage - 1) * SECTOR_ANGLE, end: stage * SECTOR_ANGLE }
}

export function pointAt(layout: ModelLayout, radius: number, angle: number): Point {
	return { x: layout.centre.x + radius * Math.sin(angle), y: layout.centre.y - radius * Math.cos(angle) }
}

/** Clockwise angle from 12 o'clock of a point around the centre, in [0, 2π). */
export function angleOf(layout: ModelLayout, point: Point): number {
	const angle = Math.atan2(point.x - layout.centre.x, layout.centre.y - point.y)
	// A tiny negative angle plus a full turn rounds to exactly 2π; fold it back to 0.
	return angle < 0 ? (angle + TURN) % TURN : angle
}

/**
 * The zone a point belongs to: inside or on the inner circle is the centre; beyond the outer
 * circle is the parking lot; in between, the sector whose half-open angle range holds the point
 * (a point on a boundary belongs to the stage that starts there; on the outer edge, to the ring).
 */
export function zoneOfPoint(point: Point, layout: ModelLayout = MODEL_LAYOUT): ZoneId {
	const distance = Math.hypot(point.x - layout.centre.x, point.y - layout.centre.y)
	if (distance <= layout.innerRadius * (1 + RADIUS_TOLERANCE)) return 'centre'
	// Written so that a NaN coordinate (a corrupt record) lands in the parking lot, not nowhere.
	if (!(distance <= layout.outerRadius * (1 + RADIUS_TOLERANCE))) return 'parking'
	const index = Math.floor(angleOf(layout, point) / SECTOR_ANGLE + BOUNDARY_TOLERANCE) % STAGE_NUMBERS.length
	return stageZone(STAGE_NUMBERS[index]!)
}

/** The ring sector of a stage as a closed polygon (outer arc clockwise, inner arc back). */
export function sectorOutline(layout: ModelLayout, stage: StageNumber, pointsPerArc = 48): Point[] {
	const { start, end } = sectorAngles(stage)
	const arc = (radius: number) => Array.from({ length: pointsPerArc + 1 }, (_, i) => pointAt(layout, radius, start + ((end - start) * i) / pointsPerArc))
	return [...arc(layout.outerRadius), ...arc(layout.innerRadius).reverse()]
}

/** Where a zone's label and "+" sit: the middle of the sector, or the middle of the circle. */
export function zoneCentre(layout: ModelLayout, zone: ZoneId): Point {
	if (zone === 'centre') return layout.centre
	if (zone === 'parking') return { x: layout.centre.x + layout.outerRadius * 1.25, y: layout.centre.y }
	const { start, end } = sectorAngles(stageOf(zone))
	return pointAt(layout, (layout.innerRadius + layout.outerRadius) / 2, (start + end) / 2)
}

/** The axis-aligned box around a zone, for jumping the camera to it. */
export function zoneBounds(layout: ModelLayout, zone: ZoneId): Box {
	if (zone === 'centre') return squareAround(layout.centre, layout.innerRadius)
	if (zone === 'parking') return squareAround(zoneCentre(layout, zone), layout.outerRadius * 0.25)
	const outline = sectorOutline(layout, stageOf(zone), 12)
	const xs = outline.map((point) => point.x)
	const ys = outline.map((point) => point.y)
	const x = Math.min(...xs)
	const y = Math.min(...ys)
	return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y }
}

function squareAround(centre: Point, halfSide: number): Box {
	return { x: centre.x - halfSide, y: centre.y - halfSide, w: 2 * halfSide, h: 2 * halfSide }
}

/**
 * The outline of a zone as a polygon, for drawing it (a spotlight's window): the centre is its
 * circle, a stage its ring sector; the parking lot, being everything outside the circle, has none.
 */
export function zoneOutline(layout: ModelLayout, zone: ZoneId, pointsPerArc = 48): Point[] | null {
	if (zone === 'parking') return null
	if (zone === 'centre') {
		const steps = pointsPerArc * 2
		return Array.from({ length: steps }, (_, index) => pointAt(layout, layout.innerRadius, (index / steps) * 2 * Math.PI))
	}
	const stage = stageOf(zone)
	return stage === null ? null : sectorOutline(layout, stage, pointsPerArc)
}
