import type { ComponentType } from 'react'
import { defaultShapeUtils } from 'tldraw'
import type { BoardSession } from '../../session/BoardSession'
import { ModelCentreShapeUtil } from './ModelCentreShapeUtil'
import { StageNoteShapeUtil, type NoteBadgeProps } from './StageNoteShapeUtil'
import { StageZoneShapeUtil } from './StageZoneShapeUtil'

/** tldraw's shapes but its note, whose place the board's own takes (same `note` records, same props and migrations). */
const TLDRAW_SHAPE_UTILS = defaultShapeUtils.filter((util) => util.type !== StageNoteShapeUtil.type)

/** Every shape a board can hold: tldraw's own plus the model's zones. Store and editor must agree. */
export const BOARD_SHAPE_UTILS = [...TLDRAW_SHAPE_UTILS, StageNoteShapeUtil, StageZoneShapeUtil, ModelCentreShapeUtil]

/** The same shapes, the zones drawing from this board's session and the notes with the given badge. */
export const boardShapeUtilsFor = (session: BoardSession, Badge: ComponentType<NoteBadgeProps>) => [
	...TLDRAW_SHAPE_UTILS,
	StageNoteShapeUtil.configure({ Badge }),
	StageZoneShapeUtil.configure({ session }),
	ModelCentreShapeUtil.configure({ session }),
]
