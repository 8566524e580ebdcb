import { getIndicesBelow, type Editor, type TLShape, type TLShapePartial } from 'tldraw'
import { templateZones } from '../../shared/model/zoneRecords'
import type { ModelCentreShape } from './shapes/ModelCentreShapeUtil'
import type { StageZoneShape } from './shapes/StageZoneShapeUtil'

/**
 * Draws the model on the board's first page if any of its zones is missing; not undoable. The
 * zones go into the store directly: tldraw's createShapes refuses new shapes on a page already
 * at its shape cap, and a board that arrives with thousands of notes must still show its model.
 */
export function ensureModelTemplate(editor: Editor): void {
	const page = editor.getPages()[0]
	if (!page) return
	const wanted = templateZones() as TLShapePartial<StageZoneShape | ModelCentreShape>[]
	const missing = wanted.filter((shape) => !editor.getShape(shape.id))
	if (missing.length === 0) return
	// Below everything already on the page, so notes always sit on top of the zones.
	const lowest = editor.getSortedChildIdsForParent(page.id)[0]
	const indices = getIndicesBelow(lowest ? editor.getShape(lowest)!.index : undefined, missing.length)
	const records = missing.map(
		(shape, i): TLShape =>
			({
				typeName: 'shape',
				rotation: 0,
				opacity: 1,
				meta: {},
				...shape,
				parentId: page.id,
				index: indices[i]!,
				isLocked: true,
				props: { ...editor.getShapeUtil(shape.type).getDefaultProps(), ...shape.props },
			}) as TLShape,
	)
	editor.run(() => editor.store.put(records), { history: 'ignore', ignoreShapeLock: true })
}
