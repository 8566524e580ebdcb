import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import {
	MODEL_LAYOUT,
	pointAt,
	sectorAngles,
	sectorOutline,
	zoneBounds,
	zoneCentre,
	zoneOfPoint,
	zoneOutline,
	type ModelLayout,
	type Point,
} from '../../shared/model/geometry'
import { STAGE_NUMBERS, ZONE_IDS, stageOf, stageZone, type StageNumber, type ZoneId } from '../../shared/model/zones'

const DEGREE = Math.PI / 180
const SECTOR = Math.PI / 4

/** Radii divisible by 5, so 3-4-5 triangles give points at exactly those distances. */
const OFFSET_LAYOUT: ModelLayout = { centre: { x: 1234.5, y: -678 }, innerRadius: 100, outerRadius: 300 }

const LAYOUTS: [string, ModelLayout][] = [
	['the default layout', MODEL_LAYOUT],
	['a layout centred at (1234.5, -678)', OFFSET_LAYOUT],
]

const stageAfter = (stage: StageNumber, steps: number): StageNumber => STAGE_NUMBERS[(stage - 1 + steps + 8) % 8]!

const offset = (layout: ModelLayout, dx: number, dy: number): Point => ({ x: layout.centre.x + dx, y: layout.centre.y + dy })

/** Eight points at exactly `radius` from the centre: on the axes and on 3-4-5 triangles. */
function exactPointsAt(layout: ModelLayout, radius: number): Point[] {
	const a = (radius / 5) * 3
	const b = (radius / 5) * 4
	return [
		offset(layout, 0, -radius),
		offset(layout, radius, 0),
		offset(layout, 0, radius),
		offset(layout, -radius, 0),
		offset(layout, a, -b),
		offset(layout, b, a),
		offset(layout, -a, b),
		offset(layout, -b, -a),
	]
}

describe.each(LAYOUTS)('zoneOfPoint on %s', (_name, layout) => {
	const { innerRadius, outerRadius } = layout
	// outerRadius itself is covered by exactPointsAt: pointAt's rounding can put a point 1 ulp outside it.
	const ringRadii = [innerRadius + 1, (innerRadius + outerRadius) / 2, outerRadius - 1e-6]

	it('a point exactly on a sector boundary belongs to the stage that starts there', () => {
		for (let k = 0; k <= 8; k++) {
			for (const radius of ringRadii) {
				const expected = stageZone(STAGE_NUMBERS[k % 8]!)
				expect(zoneOfPoint(pointAt(layout, radius, k * SECTOR), layout), `boundary ${k}, radius ${radius}`).toBe(expected)
			}
		}
	})

	it('a point just before a sector boundary belongs to the previous stage', () => {
		for (let k = 0; k < 8; k++) {
			for (const radius of ringRadii) {
				const expected = stageZone(stageAfter(STAGE_NUMBERS[k]!, -1))
				expect(zoneOfPoint(pointAt(layout, radius, k * SECTOR - 1e-6), layout), `boundary ${k}, radius ${radius}`).toBe(expected)
			}
		}
	})

	it('the exact centre and points exactly on the inner circle are the centre zone', () => {
		expect(zoneOfPoint(layout.centre, layout)).toBe('centre')
		for (const point of exactPointsAt(layout, innerRadius)) expect(zoneOfPoint(point, layout)).toBe('centre')
	})

	it('a point just outside the inner circle is in the ring', () => {
		for (const point of exactPointsAt(layout, innerRadius + 1e-6)) expect(zoneOfPoint(point, layout)).toMatch(/^stage-[1-8]$/)
	})

	it('points exactly on the outer circle are in the ring, not the parking lot', () => {
		const zones = exactPointsAt(layout, outerRadius).map((point) => zoneOfPoint(point, layout))
		expect(zones).toEqual(['stage-1', 'stage-3', 'stage-5', 'stage-7', 'stage-1', 'stage-3', 'stage-5', 'stage-7'])
	})

	it('points just outside the outer circle are in the parking lot', () => {
		for (const point of exactPointsAt(layout, outerRadius + 1e-6)) expect(zoneOfPoint(point, layout)).toBe('parking')
		for (let k = 0; k < 16; k++) expect(zoneOfPoint(pointAt(layout, outerRadius + 1e-6, (k * SECTOR) / 2), layout)).toBe('parking')
		expect(zoneOfPoint(offset(layout, 1e9, -1e9), layout)).toBe('parking')
	})

	it("stage 1 starts at 12 o'clock and the stages run clockwise with y pointing down", () => {
		const middle = (innerRadius + outerRadius) / 2
		expect(zoneOfPoint(offset(layout, 0, -middle), layout)).toBe('stage-1')
		expect(zoneOfPoint(offset(layout, middle, 0), layout)).toBe('stage-3')
		expect(zoneOfPoint(offset(layout, 0, middle), layout)).toBe('stage-5')
		expect(zoneOfPoint(offset(layout, -middle, 0), layout)).toBe('stage-7')
		// Just right of 12 o'clock is stage 1, just left of it is stage 8.
		expect(zoneOfPoint(offset(layout, 1, -middle), layout)).toBe('stage-1')
		expect(zoneOfPoint(offset(layout, -1, -middle), layout)).toBe('stage-8')
	})
})

describe('zoneOfPoint defaults', () => {
	it('uses MODEL_LAYOUT when no layout is given', () => {
		const point = pointAt(MODEL_LAYOUT, 1000, 100 * DEGREE)
		expect(zoneOfPoint(point)).toBe('stage-3')
		expect(zoneOfPoint(point)).toBe(zoneOfPoint(point, MODEL_LAYOUT))
		// The same point is in the parking lot of a smaller model.
		expect(zoneOfPoint(point, { centre: { x: 0, y: 0 }, innerRadius: 100, outerRadius: 300 })).toBe('parking')
	})
})

describe('sectorAngles', () => {
	it('cover the full turn clockwise from 0 without gaps or overlaps', () => {
		expect(sectorAngles(1).start).toBe(0)
		expect(sectorAngles(8).end).toBe(2 * Math.PI)
		for (const stage of STAGE_NUMBERS) {
			const { start, end } = sectorAngles(stage)
			expect(end - start).toBeCloseTo(SECTOR, 12)
			if (stage < 8) expect(sectorAngles(stageAfter(stage, 1)).start).toBe(end)
		}
	})
})

describe.each(LAYOUTS)('sectorOutline, zoneCentre and zoneBounds on %s', (_name, layout) => {
	const distanceFromCentre = (point: Point) => Math.hypot(point.x - layout.centre.x, point.y - layout.centre.y)
	const clockAngle = (point: Point) => {
		const angle = Math.atan2(point.x - layout.centre.x, layout.centre.y - point.y)
		return angle < 0 ? angle + 2 * Math.PI : angle
	}

	it('sectorOutline is deterministic', () => {
		for (const stage of STAGE_NUMBERS) expect(sectorOutline(layout, stage)).toEqual(sectorOutline(layout, stage))
	})

	it('sectorOutline runs along the outer arc clockwise, then back along the inner arc', () => {
		const tolerance = 1e-9 * layout.outerRadius
		for (const stage of STAGE_NUMBERS) {
			const { start, end } = sectorAngles(stage)
			const outline = sectorOutline(layout, stage, 10)
			expect(outline).toHaveLength(22)
			outline.slice(0, 11).forEach((point) => expect(Math.abs(distanceFromCentre(point) - layout.outerRadius)).toBeLessThan(tolerance))
			outline.slice(11).forEach((point) => expect(Math.abs(distanceFromCentre(point) - layout.innerRadius)).toBeLessThan(tolerance))
			for (const point of outline) {
				// Angles next to 12 o'clock may come back as just below 2π or just above 0.
				let angle = clockAngle(point)
				if (stage === 1 && angle > Math.PI) angle -= 2 * Math.PI
				if (stage === 8 && angle < Math.PI) angle += 2 * Math.PI
				expect(angle).toBeGreaterThanOrEqual(start - 1e-9)
				expect(angle).toBeLessThanOrEqual(end + 1e-9)
			}
			// Outer arc starts at the start angle and ends at the end angle; the inner arc comes back.
			expect(outline[0]!.x).toBeCloseTo(pointAt(layout, layout.outerRadius, start).x, 6)
			expect(outline[0]!.y).toBeCloseTo(pointAt(layout, layout.outerRadius, start).y, 6)
			expect(outline[10]!.x).toBeCloseTo(pointAt(layout, layout.outerRadius, end).x, 6)
			expect(outline[10]!.y).toBeCloseTo(pointAt(layout, layout.outerRadius, end).y, 6)
			expect(outline[21]!.x).toBeCloseTo(pointAt(layout, layout.innerRadius, start).x, 6)
			expect(outline[21]!.y).toBeCloseTo(pointAt(layout, layout.innerRadius, start).y, 6)
		}
	})

	it('zoneCentre of every zone lies in that zone', () => {
		for (const zone of ZONE_IDS) expect(zoneOfPoint(zoneCentre(layout, zone), layout)).toBe(zone)
	})

	it('zoneBounds of a stage contains its whole outline', () => {
		const tolerance = 1e-9 * layout.outerRadius
		for (const stage of STAGE_NUMBERS) {
			const bounds = zoneBounds(layout, stageZone(stage))
			for (const point of sectorOutline(layout, stage)) {
				expect(point.x).toBeGreaterThanOrEqual(bounds.x - tolerance)
				expect(point.x).toBeLessThanOrEqual(bounds.x + bounds.w + tolerance)
				expect(point.y).toBeGreaterThanOrEqual(bounds.y - tolerance)
				expect(point.y).toBeLessThanOrEqual(bounds.y + bounds.h + tolerance)
			}
		}
	})

	it('zoneBounds of the centre and the parking lot contain their zone centre', () => {
		for (const zone of ['centre', 'parking'] as ZoneId[]) {
			const bounds = zoneBounds(layout, zone)
			const centre = zoneCentre(layout, zone)
			expect(bounds.w).toBeGreaterThan(0)
			expect(bounds.h).toBeGreaterThan(0)
			expect(centre.x).toBeCloseTo(bounds.x + bounds.w / 2, 9)
			expect(centre.y).toBeCloseTo(bounds.y + bounds.h / 2, 9)
		}
		expect(zoneBounds(layout, 'centre').w).toBe(2 * layout.innerRadius)
	})
})

/** The zone by an independent route: the standard math angle (from +x, clockwise on screen as y points down) in degrees. */
function expectedZone(layout: ModelLayout, point: Point): { zone: ZoneId; nearEdge: boolean } {
	const dx = point.x - layout.centre.x
	const dy = point.y - layout.centre.y
	const distance = Math.sqrt(dx * dx + dy * dy)
	const nearCircle = Math.abs(distance - layout.innerRadius) < 1e-6 || Math.abs(distance - layout.outerRadius) < 1e-6
	if (distance <= layout.innerRadius) return { zone: 'centre', nearEdge: nearCircle }
	if (distance > layout.outerRadius) return { zone: 'parking', nearEdge: nearCircle }
	const degreesFromTwelve = (((Math.atan2(dy, dx) / DEGREE + 90) % 360) + 360) % 360
	const intoSector = degreesFromTwelve % 45
	const nearBoundary = Math.min(intoSector, 45 - intoSector) < 1e-6 / DEGREE
	const stage = STAGE_NUMBERS[Math.floor(degreesFromTwelve / 45) % 8]!
	return { zone: stageZone(stage), nearEdge: nearCircle || nearBoundary }
}

describe.each(LAYOUTS)('zoneOfPoint properties on %s', (_name, layout) => {
	const span = layout.outerRadius * 1.3
	const pointArb = fc.record({
		x: fc.double({ min: layout.centre.x - span, max: layout.centre.x + span, noNaN: true }),
		y: fc.double({ min: layout.centre.y - span, max: layout.centre.y + span, noNaN: true }),
	})

	it('agrees with the distance and clockwise-angle definition for random points', () => {
		fc.assert(
			fc.property(pointArb, (point) => {
				const { zone, nearEdge } = expectedZone(layout, point)
				fc.pre(!nearEdge)
				expect(zoneOfPoint(point, layout)).toBe(zone)
			}),
			{ numRuns: 300 },
		)
	})

	it('rotating a ring point 45° clockwise around the centre moves it exactly one stage on', () => {
		const ringPoint = fc.record({
			radius: fc.double({ min: layout.innerRadius + 1e-3, max: layout.outerRadius - 1e-3, noNaN: true }),
			angle: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true, maxExcluded: true }),
		})
		fc.assert(
			fc.property(ringPoint, ({ radius, angle }) => {
				const intoSector = angle % SECTOR
				fc.pre(Math.min(intoSector, SECTOR - intoSector) > 1e-6)
				const point = pointAt(layout, radius, angle)
				const dx = point.x - layout.centre.x
				const dy = point.y - layout.centre.y
				const c = Math.cos(SECTOR)
				const s = Math.sin(SECTOR)
				// With y pointing down, this standard rotation turns clockwise on screen.
				const rotated = offset(layout, dx * c - dy * s, dx * s + dy * c)
				const before = zoneOfPoint(point, layout)
				expect(before).toMatch(/^stage-[1-8]$/)
				const stage = Number(before.slice('stage-'.length)) as StageNumber
				expect(zoneOfPoint(rotated, layout)).toBe(stageZone(stageAfter(stage, 1)))
			}),
			{ numRuns: 300 },
		)
	})
})

describe('stage numbers of zones', () => {
	it('a stage zone has its number; the centre and the parking lot have none', () => {
		for (const stage of STAGE_NUMBERS) expect(stageOf(stageZone(stage))).toBe(stage)
		expect(stageOf('centre')).toBeNull()
		expect(stageOf('parking')).toBeNull()
	})
})

describe('zone outlines', () => {
	it("every point of a zone's outline is in that zone, and the parking lot has none", () => {
		for (const zone of ZONE_IDS) {
			const outline = zoneOutline(MODEL_LAYOUT, zone)
			if (zone === 'parking') {
				expect(outline).toBeNull()
				continue
			}
			expect(outline!.length).toBeGreaterThan(8)
			// Points on the border sit on the tolerance line; pull each a little towards the zone's middle.
			const middle = zoneCentre(MODEL_LAYOUT, zone)
			for (const point of outline!) {
				expect(zoneOfPoint({ x: point.x + (middle.x - point.x) * 0.01, y: point.y + (middle.y - point.y) * 0.01 })).toBe(zone)
			}
		}
	})
})
