import { describe, expect, it } from 'vitest'
import { MODEL_LAYOUT, zoneOfPoint, type Box, type ModelLayout, type Point } from '../../shared/model/geometry'
import { centreTextBox, stageLabelBox } from '../../shared/model/labelBoxes'
import { NOTE_BAND } from '../../shared/model/placement'
import { STAGE_NUMBERS, stageZone } from '../../shared/model/zones'

const MOVED: ModelLayout = { centre: { x: 5000, y: 3000 }, innerRadius: 440 * 1.25, outerRadius: 2000 }

/** Points on the box's edges and inside it, 21 x 21. */
function pointsOf(box: Box): Point[] {
	const points: Point[] = []
	for (let i = 0; i <= 20; i++) for (let j = 0; j <= 20; j++) points.push({ x: box.x + (box.w * i) / 20, y: box.y + (box.h * j) / 20 })
	return points
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

describe('stage label boxes', () => {
	for (const layout of [MODEL_LAYOUT, MOVED]) {
		const noteBandEdge = layout.innerRadius + (layout.outerRadius - layout.innerRadius) * NOTE_BAND.outer

		it(`lie in their own stage's label band or outside the circle, never where notes go (centre ${layout.centre.x})`, () => {
			for (const stage of STAGE_NUMBERS) {
				for (const point of pointsOf(stageLabelBox(layout, stage))) {
					const distance = Math.hypot(point.x - layout.centre.x, point.y - layout.centre.y)
					const zone = zoneOfPoint(point, layout)
					expect(distance, `stage ${stage} at ${point.x},${point.y}`).toBeGreaterThanOrEqual(noteBandEdge * 0.999)
					if (zone !== 'parking') expect(zone, `stage ${stage} at ${point.x},${point.y}`).toBe(stageZone(stage))
				}
			}
		})
	}

	it('do not overlap each other and are wide enough for a title at overview size', () => {
		const boxes = STAGE_NUMBERS.map((stage) => stageLabelBox(MODEL_LAYOUT, stage))
		for (const [i, box] of boxes.entries()) {
			expect(box.w).toBeGreaterThanOrEqual(590)
			expect(box.h).toBeGreaterThanOrEqual(270)
			for (const other of boxes.slice(i + 1)) expect(overlaps(box, other)).toBe(false)
		}
	})

	it('align side stages towards the circle and centre the others', () => {
		expect(STAGE_NUMBERS.map((stage) => stageLabelBox(MODEL_LAYOUT, stage).align)).toEqual([
			'centre',
			'start',
			'start',
			'centre',
			'centre',
			'end',
			'end',
			'centre',
		])
	})
})

describe('the centre text box', () => {
	it("spans the disc's upper part: its middle and the middle of each edge lie in the disc, above the disc's centre line", () => {
		for (const layout of [MODEL_LAYOUT, MOVED]) {
			const { x, y, w, h } = centreTextBox(layout)
			const middles = [
				{ x: x + w / 2, y: y + h / 2 },
				{ x: x + w / 2, y },
				{ x: x + w / 2, y: y + h },
				{ x, y: y + h / 2 },
				{ x: x + w, y: y + h / 2 },
			]
			for (const point of middles) expect(zoneOfPoint(point, layout)).toBe('centre')
			expect(y + h / 2).toBeLessThan(layout.centre.y)
		}
	})
})
