import { MODEL_LAYOUT } from './geometry.js'
import { STAGE_NUMBERS, type StageNumber } from './zones.js'

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

/** Where a zone of the template sits and what it holds: the same for every board (shared/model/geometry.ts). */
export type TemplateZone = { id: string; type: string; x: number; y: number; props: Record<string, number> }

export function templateZones(): TemplateZone[] {
	const { centre, innerRadius, outerRadius } = MODEL_LAYOUT
	return [
		...STAGE_NUMBERS.map((stage) => ({
			id: stageZoneRecordId(stage),
			type: STAGE_ZONE_TYPE,
			x: centre.x - outerRadius,
			y: centre.y - outerRadius,
			props: { stage, innerRadius, outerRadius },
		})),
		{ id: MODEL_CENTRE_RECORD_ID, type: MODEL_CENTRE_TYPE, x: centre.x - innerRadius, y: centre.y - innerRadius, props: { radius: innerRadius } },
	]
}

/**
 * Whether a new zone record is the template's own, as any browser that may edit draws it on a new
 * board: exactly in place, locked, unturned, unchanged. Only that may be created by someone other
 * than the facilitator; every later change of a zone is the facilitator's.
 */
export function isTemplateZone(id: string, record: { [property: string]: unknown }): boolean {
	const zone = templateZones().find((each) => each.id === id)
	if (!zone) return false
	const props = record.props as Record<string, unknown> | undefined
	return (
		record.typeName === 'shape' &&
		record.type === zone.type &&
		record.x === zone.x &&
		record.y === zone.y &&
		record.rotation === 0 &&
		record.isLocked === true &&
		record.opacity === 1 &&
		typeof props === 'object' &&
		props !== null &&
		Object.keys(props).length === Object.keys(zone.props).length &&
		Object.entries(zone.props).every(([name, value]) => props[name] === value)
	)
}
