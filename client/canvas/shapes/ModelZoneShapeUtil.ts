import { ShapeUtil, type TLShape } from 'tldraw'

/** What every zone of the model is on the canvas: fixed in size, not editable, bound to nothing, without handles. */
export abstract class ModelZoneShapeUtil<Shape extends TLShape> extends ShapeUtil<Shape> {
	override canResize = () => false
	override canEdit = () => false
	override canBind = () => false
	override hideRotateHandle = () => true
	override hideSelectionBoundsFg = () => true
}
