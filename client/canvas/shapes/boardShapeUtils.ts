import { defaultShapeUtils } from 'tldraw'
import type { BoardSession } from '../../session/BoardSession'
import { ModelCentreShapeUtil } from './ModelCentreShapeUtil'
import { StageZoneShapeUtil } from './StageZoneShapeUtil'

/** Every shape a board can hold: tldraw's own plus the model's zones. Store and editor must agree. */
export const BOARD_SHAPE_UTILS = [...defaultShapeUtils, StageZoneShapeUtil, ModelCentreShapeUtil]

/** The same shapes, the zones drawing from this board's session. */
export const boardShapeUtilsFor = (session: BoardSession) => [
	...defaultShapeUtils,
	StageZoneShapeUtil.configure({ session }),
	ModelCentreShapeUtil.configure({ session }),
]
