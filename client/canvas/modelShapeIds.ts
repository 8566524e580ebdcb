import type { TLShapeId } from 'tldraw'
import { MODEL_CENTRE_RECORD_ID, stageZoneRecordId } from '../../shared/model/zoneRecords'
import type { StageNumber } from '../../shared/model/zones'

/** The zones' fixed record ids (see shared/model/zoneRecords.ts) as tldraw's shape ids. */
export const stageZoneId = (stage: StageNumber) => stageZoneRecordId(stage) as TLShapeId
export const MODEL_CENTRE_ID = MODEL_CENTRE_RECORD_ID as TLShapeId
