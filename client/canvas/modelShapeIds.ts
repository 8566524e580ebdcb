import { createShapeId, type TLShapeId } from 'tldraw'
import type { StageNumber } from '../../shared/model/zones'

/**
 * The model's zones have fixed ids, so creating the template is idempotent: two people opening a
 * new board at the same moment write the same records under the same ids, and the board ends up
 * with one model, not two.
 */
export const stageZoneId = (stage: StageNumber): TLShapeId => createShapeId(`model-stage-${stage}`)
export const MODEL_CENTRE_ID: TLShapeId = createShapeId('model-centre')
