import type { MessageLimits } from '../../server/relay/protocol'

/** The relay's default limits (server/config.ts), for tests that check messages the way it does. */
export const SHAPE_LIMITS: MessageLimits = {
	maxNestingDepth: 32,
	maxKeyLength: 256,
	maxValueBytes: 1024 * 1024,
	maxUpdateEntries: 20_000,
	// MAX_CONNECTIONS_PER_BOARD x MAX_AWARENESS_CLIENTS_PER_CONNECTION
	maxAwarenessEntries: 500 * 4,
}
