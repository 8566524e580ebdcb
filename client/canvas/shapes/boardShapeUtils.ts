import { defaultShapeUtils } from 'tldraw'
import { ModelCentreShapeUtil } from './ModelCentreShapeUtil'
import { StageZoneShapeUtil } from './StageZoneShapeUtil'

/** Every shape a board can hold: tldraw's own plus the model's zones. Store and editor must agree. */
export const BOARD_SHAPE_UTILS = [...defaultShapeUtils, StageZoneShapeUtil, ModelCentreShapeUtil]
