import type { StageNumber } from './zones.js'

/**
 * How the model's zones are stored on the board: tldraw shape records of two custom types under
 * fixed ids, so creating the template is idempotent (two people opening a new board at once write
 * the same records) and the server can tell a zone from a note by its record alone.
 */
export const STAGE_ZONE_TYPE = 'stage-zone'
export const MODEL_CENTRE_TYPE = 'model-centre'
export const MODEL_ZONE_TYPES: ReadonlySet<string> = new Set([STAGE_ZONE_TYPE, MODEL_CENTRE_TYPE])

export const stageZoneRecordId = (stage: StageNumber) => `shape:model-stage-${stage}` as const
export const MODEL_CENTRE_RECORD_ID = 'shape:model-centre'
