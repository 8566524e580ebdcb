import type { Box, ModelLayout } from './geometry.js'
import type { StageNumber } from './zones.js'

/**
 * Where each zone's title and questions go, as upright boxes on the page: text set along the ring
 * is unreadable at the whole-model view (stages 6 and 7 stood on end). Found by searching for the
 * largest upright box in a stage's outer band, then fixed here as fractions of the outer radius.
 *
 * The stages at the top and bottom (1, 4, 5, 8) get a wide box in their band, reaching a little
 * past the circle at its outer corner. The band of a stage at the side is too narrow for a
 * horizontal title, so those boxes (2, 3, 6, 7) start in the band and hang out of the circle,
 * into the room a wide screen has left and right of the model.
 */
const TOP_RIGHT_BOX = { left: 0.03, right: 0.464, top: -0.952, bottom: -0.783 }
const SIDE_UPPER_RIGHT_BOX = { left: 0.769, right: 1.144, top: -0.5, bottom: -0.1875 }

/** How far a side stage's label reaches past the circle, as a fraction of the outer radius. */
export const LABEL_OVERHANG = SIDE_UPPER_RIGHT_BOX.right - 1

type Mirror = { base: typeof TOP_RIGHT_BOX; flipX: boolean; flipY: boolean }

// Stages clockwise from 12 o'clock: each box is one of the two above, mirrored into its quadrant.
const MIRRORS: Record<StageNumber, Mirror> = {
	1: { base: TOP_RIGHT_BOX, flipX: false, flipY: false },
	2: { base: SIDE_UPPER_RIGHT_BOX, flipX: false, flipY: false },
	3: { base: SIDE_UPPER_RIGHT_BOX, flipX: false, flipY: true },
	4: { base: TOP_RIGHT_BOX, flipX: false, flipY: true },
	5: { base: TOP_RIGHT_BOX, flipX: true, flipY: true },
	6: { base: SIDE_UPPER_RIGHT_BOX, flipX: true, flipY: true },
	7: { base: SIDE_UPPER_RIGHT_BOX, flipX: true, flipY: false },
	8: { base: TOP_RIGHT_BOX, flipX: true, flipY: false },
}

/** `mirrored`: in the model's left half, where the heading reads from the rim or the axis inwards. */
export type LabelBox = Box & { align: 'start' | 'centre' | 'end'; mirrored: boolean }

/** The stage's label box on the page; side stages align their text towards the circle. */
export function stageLabelBox(layout: ModelLayout, stage: StageNumber): LabelBox {
	const { base, flipX, flipY } = MIRRORS[stage]
	const radius = layout.outerRadius
	const [left, right] = flipX ? [-base.right, -base.left] : [base.left, base.right]
	const [top, bottom] = flipY ? [-base.bottom, -base.top] : [base.top, base.bottom]
	const side = base === SIDE_UPPER_RIGHT_BOX
	return {
		x: layout.centre.x + left * radius,
		y: layout.centre.y + top * radius,
		w: (right - left) * radius,
		h: (bottom - top) * radius,
		align: side ? (flipX ? 'end' : 'start') : 'centre',
		mirrored: flipX,
	}
}

/**
 * The part of the centre that holds its title and questions: centre notes are placed around it,
 * so they never cover the text (the upper part of the disc, as the text is set from the top).
 */
export function centreTextBox(layout: ModelLayout): Box {
	const radius = layout.innerRadius
	return { x: layout.centre.x - 0.75 * radius, y: layout.centre.y - 0.82 * radius, w: 1.5 * radius, h: 0.9 * radius }
}
