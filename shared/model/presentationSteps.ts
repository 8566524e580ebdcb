import { ZONE_IDS, type ZoneId } from './zones.js'

/**
 * The steps of presenter mode, in the model's order: the whole model first, then the centre (the
 * base everything rests on), the eight stages clockwise, and the parking lot last.
 */
export type PresentationStep = 'model' | ZoneId

export const PRESENTATION_STEPS: readonly PresentationStep[] = ['model', ...ZONE_IDS]

export function isPresentationStep(value: unknown): value is PresentationStep {
	return typeof value === 'string' && (PRESENTATION_STEPS as readonly string[]).includes(value)
}

/** The next (+1) or previous (-1) step; the first and last steps stay where they are. */
export function stepBeside(step: PresentationStep, direction: 1 | -1): PresentationStep {
	const index = PRESENTATION_STEPS.indexOf(step) + direction
	return PRESENTATION_STEPS[Math.min(PRESENTATION_STEPS.length - 1, Math.max(0, index))]!
}
