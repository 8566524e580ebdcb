import { Box, type Editor } from 'tldraw'
import { MODEL_LAYOUT } from '../../shared/model/geometry'
import { LABEL_OVERHANG } from '../../shared/model/labelBoxes'

/** Screen pixels split over both sides of the model; enough to clear tldraw's toolbar at the bottom. */
const INSET = 150

/**
 * The whole model in view, once the side panel has taken its share of the window. `coveredUpToX`
 * is the window x up to which a floating panel covers the canvas's left part (the facilitator's
 * tools): the model is fitted to the canvas right of it, unless that would leave it less than
 * half the canvas.
 */
export function showWholeModel(editor: Editor, coveredUpToX = 0) {
	const container = editor.getContainer()
	editor.updateViewportScreenBounds(container)
	const { outerRadius, centre } = MODEL_LAYOUT
	const size = 2 * outerRadius
	// The side stages' labels hang out of the circle: on a narrow window they must fit too.
	const halfWidth = outerRadius * (1 + LABEL_OVERHANG)
	const viewport = editor.getViewportScreenBounds()
	const coveredWidth = coveredUpToX - container.getBoundingClientRect().left
	const covered = coveredWidth > 0 && coveredWidth < viewport.w / 2 ? coveredWidth : 0
	const zoom = Math.min((viewport.w - covered - INSET) / (2 * halfWidth), (viewport.h - INSET) / size)
	// Widened to the left by the covered width at that zoom, the box fits at the same zoom and
	// tldraw centres the model in the free part.
	const coveredOnPage = covered / zoom
	const bounds = new Box(centre.x - halfWidth - coveredOnPage, centre.y - outerRadius, 2 * halfWidth + coveredOnPage, size)
	editor.zoomToBounds(bounds, { inset: INSET })
}
