import { Box, type Editor } from 'tldraw'
import { MODEL_LAYOUT, zoneBounds } from '../../../shared/model/geometry'
import { stageLabelBox } from '../../../shared/model/labelBoxes'
import type { PresentationStep } from '../../../shared/model/presentationSteps'
import { stageOf } from '../../../shared/model/zones'
import { showWholeModel } from '../../canvas/showWholeModel'

/** Screen pixels kept free around a presented zone. */
const ZONE_INSET = 48

/** Fits the step to the window: the whole model, or one zone with its label (a side stage's hangs out of the circle). */
export function showPresentationStep(editor: Editor, step: PresentationStep): void {
	if (step === 'model') {
		showWholeModel(editor)
		return
	}
	editor.updateViewportScreenBounds(editor.getContainer())
	const zone = Box.From(zoneBounds(MODEL_LAYOUT, step))
	const stage = stageOf(step)
	const bounds = stage === null ? zone : Box.Common([zone, Box.From(stageLabelBox(MODEL_LAYOUT, stage))])
	editor.zoomToBounds(bounds, { inset: ZONE_INSET, animation: { duration: 300 } })
}
