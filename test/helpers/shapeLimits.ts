import type { ShapeLimits } from '../../server/relay/updateShape'

/** The relay's default shape limits (server/config.ts), for tests that check updates the way it does. */
export const SHAPE_LIMITS: ShapeLimits = {
	maxNestingDepth: 32,
	maxKeyLength: 256,
	maxValueBytes: 1024 * 1024,
	maxUpdateEntries: 20_000,
}
