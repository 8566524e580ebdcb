import type { ReactElement } from 'react'
import { ShapeUtil, type TLShape } from 'tldraw'
import type { BoardSession } from '../../session/BoardSession'
import { BoardSessionProvider } from '../../session/BoardSessionContext'

/** Set per open board with `configure` (see boardShapeUtilsFor); null in a store that only needs the schema. */
export type ModelZoneOptions = { session: BoardSession | null }

/** What every zone of the model is on the canvas: fixed in size, not editable, bound to nothing, without handles. */
export abstract class ModelZoneShapeUtil<Shape extends TLShape> extends ShapeUtil<Shape> {
	override options: ModelZoneOptions = { session: null }
	override canResize = () => false
	override canEdit = () => false
	override canBind = () => false
	override hideRotateHandle = () => true
	override hideSelectionBoundsFg = () => true

	/**
	 * A zone's parts read the session like every component on the board; tldraw also renders
	 * shapes outside the page's React tree (an export), so the util hands its own session down.
	 */
	protected withSession(zone: ReactElement): ReactElement | null {
		const { session } = this.options
		return session && <BoardSessionProvider session={session}>{zone}</BoardSessionProvider>
	}
}
