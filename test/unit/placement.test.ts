import { describe, it, expect } from 'vitest'
import { MODEL_LAYOUT, centreOf, zoneOfPoint, type Box, type ModelLayout, type Point } from '../../shared/model/geometry'
import { centreTextBox } from '../../shared/model/labelBoxes'
import { freeSpotInZone } from '../../shared/model/placement'
import { STAGE_NUMBERS, ZONE_IDS, stageZone } from '../../shared/model/zones'

const NOTE = 200

const boxAt = (topLeft: Point, size = NOTE): Box => ({ x: topLeft.x, y: topLeft.y, w: size, h: size })
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

/** Places `count` notes one after another, each seeing the ones placed before it. */
function placeMany(zone: (typeof ZONE_IDS)[number], count: number, start: Box[] = [], layout: ModelLayout = MODEL_LAYOUT): Box[] {
	const occupied = [...start]
	const placed: Box[] = []
	for (let i = 0; i < count; i++) {
		const box = boxAt(freeSpotInZone(zone, occupied, NOTE, layout))
		placed.push(box)
		occupied.push(box)
	}
	return placed
}

describe('freeSpotInZone', () => {
	it('on an empty board puts the note centre in the requested zone, for all 10 zones and several sizes', () => {
		for (const size of [200, 120, 50]) {
			for (const zone of ZONE_IDS) {
				const spot = freeSpotInZone(zone, [], size)
				expect(zoneOfPoint(centreOf(boxAt(spot, size))), `${zone}, size ${size}`).toBe(zone)
			}
		}
	})

	it('honours a layout that is not the default one', () => {
		const layout: ModelLayout = { centre: { x: 5000, y: 3000 }, innerRadius: 600, outerRadius: 2000 }
		for (const zone of ZONE_IDS) {
			const spot = freeSpotInZone(zone, [], NOTE, layout)
			expect(zoneOfPoint(centreOf(boxAt(spot)), layout), zone).toBe(zone)
		}
	})

	it('successive notes placed in a stage do not overlap for the first eight 200-unit notes', () => {
		for (const stage of STAGE_NUMBERS) {
			const placed = placeMany(stageZone(stage), 8)
			for (let i = 0; i < placed.length; i++) {
				expect(zoneOfPoint(centreOf(placed[i]!)), `stage ${stage}, note ${i}`).toBe(stageZone(stage))
				for (let j = 0; j < i; j++) expect(overlaps(placed[i]!, placed[j]!), `stage ${stage}, notes ${j} and ${i}`).toBe(false)
			}
		}
	})

	it('successive notes do not overlap: the first eight in the parking lot, the first six in the centre', () => {
		for (const [zone, count] of [
			['parking', 8],
			['centre', 6],
		] as const) {
			const placed = placeMany(zone, count)
			for (let i = 0; i < placed.length; i++) {
				expect(zoneOfPoint(centreOf(placed[i]!))).toBe(zone)
				for (let j = 0; j < i; j++) expect(overlaps(placed[i]!, placed[j]!), `${zone}, notes ${j} and ${i}`).toBe(false)
			}
		}
	})

	it("keeps the centre's text clear while the centre has room, on any layout", () => {
		const moved: ModelLayout = { centre: { x: 5000, y: 3000 }, innerRadius: 600, outerRadius: 2000 }
		for (const layout of [MODEL_LAYOUT, moved]) {
			const text = centreTextBox(layout)
			for (const [i, box] of placeMany('centre', 6, [], layout).entries()) expect(overlaps(box, text), `note ${i}`).toBe(false)
		}
	})

	it('does not return a spot overlapping a note already on the board', () => {
		const first = boxAt(freeSpotInZone('stage-2', [], NOTE))
		// The same box shifted a little: its centre is still in stage 2, so the first spot is taken.
		const blocker = { ...first, x: first.x + 30, y: first.y - 30 }
		const second = boxAt(freeSpotInZone('stage-2', [blocker], NOTE))
		expect(second).not.toEqual(first)
		expect(overlaps(second, blocker)).toBe(false)
		expect(zoneOfPoint(centreOf(second))).toBe('stage-2')
	})

	it('is deterministic and does not modify the occupied list', () => {
		for (const zone of ZONE_IDS) {
			const occupied = placeMany(zone, 3)
			const copy = occupied.map((box) => ({ ...box }))
			const a = freeSpotInZone(zone, occupied, NOTE)
			const b = freeSpotInZone(zone, occupied, NOTE)
			expect(a).toEqual(b)
			expect(occupied).toEqual(copy)
		}
	})

	it('when a zone is full it still returns a spot whose centre is in that zone', () => {
		for (const zone of ZONE_IDS) {
			for (const [i, box] of placeMany(zone, 30).entries()) expect(zoneOfPoint(centreOf(box)), `${zone}, note ${i}`).toBe(zone)
		}
	})

	it('when the whole board is covered every zone still gets a spot in itself', () => {
		const cover: Box = { x: -10_000, y: -10_000, w: 20_000, h: 20_000 }
		for (const zone of ZONE_IDS) {
			const spot = freeSpotInZone(zone, [cover], NOTE)
			expect(zoneOfPoint(centreOf(boxAt(spot))), zone).toBe(zone)
		}
	})

	it('when a zone is full the next notes are stacked with an offset, not exactly on top of each other', () => {
		for (const stage of STAGE_NUMBERS) {
			// A stage holds well under ten notes, so notes 10 to 19 are all stacked.
			const overflow = placeMany(stageZone(stage), 20).slice(10)
			const spots = new Set(overflow.map((box) => `${box.x},${box.y}`))
			expect(spots.size, `stage ${stage}`).toBe(overflow.length)
		}
	})
})
