/**
 * The SocialStrategyModel's zones: the centre (the internal organisation), the eight stages of the
 * social marketing plan in clockwise order, and the parking lot outside the circle.
 */
export const STAGE_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8] as const
export type StageNumber = (typeof STAGE_NUMBERS)[number]

export type ZoneId = 'centre' | `stage-${StageNumber}` | 'parking'

export const stageZone = (stage: StageNumber): ZoneId => `stage-${stage}`

/** Centre, stages 1-8, parking lot: the order in which panels and reports list zones. */
export const ZONE_IDS: readonly ZoneId[] = ['centre', ...STAGE_NUMBERS.map(stageZone), 'parking']

export function isStageNumber(value: unknown): value is StageNumber {
	return typeof value === 'number' && (STAGE_NUMBERS as readonly number[]).includes(value)
}

/** The stage a zone is, or null for the centre and the parking lot: the one place a zone id is taken apart. */
export function stageOf(zone: `stage-${StageNumber}`): StageNumber
export function stageOf(zone: ZoneId): StageNumber | null
export function stageOf(zone: ZoneId): StageNumber | null {
	const stage = Number(zone.slice('stage-'.length))
	return zone.startsWith('stage-') && isStageNumber(stage) ? stage : null
}
