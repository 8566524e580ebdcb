import { isIP } from 'node:net'
import path from 'node:path'
import { z } from 'zod'

const MiB = 1024 * 1024

const integer = (name: string, fallback: number, min: number, max: number) =>
	z
		.string()
		.optional()
		.transform((raw, context) => {
			if (raw === undefined || raw.trim() === '') return fallback
			const value = Number(raw)
			if (!Number.isInteger(value) || value < min || value > max) {
				context.addIssue({
					code: 'custom',
					message: `${name}=${JSON.stringify(raw)} must be a whole number from ${min} to ${max}`,
				})
				return z.NEVER
			}
			return value
		})

const addressList = (name: string) =>
	z
		.string()
		.optional()
		.transform((raw, context) => {
			const addresses = (raw ?? '')
				.split(',')
				.map((entry) => entry.trim())
				.filter((entry) => entry !== '')
			const invalid = addresses.find((address) => isIP(address) === 0)
			if (invalid !== undefined) {
				context.addIssue({
					code: 'custom',
					message: `${name}=${JSON.stringify(raw)}: ${JSON.stringify(invalid)} is not an IP address (give a comma-separated list of addresses)`,
				})
				return z.NEVER
			}
			return addresses
		})

const environmentSchema = z.object({
	PORT: integer('PORT', 3000, 0, 65535),
	HOST: z
		.string()
		.optional()
		.transform((raw) => (raw?.trim() ? raw.trim() : '0.0.0.0')),
	DATA_DIR: z
		.string()
		.optional()
		.transform((raw) => path.resolve(raw?.trim() ? raw : './data')),
	TLDRAW_LICENSE_KEY: z
		.string()
		.optional()
		.transform((raw) => (raw?.trim() ? raw.trim() : undefined)),
	MAX_FRAME_BYTES: integer('MAX_FRAME_BYTES', 4 * MiB, 1024, 256 * MiB),
	UPLOAD_MAX_BYTES: integer('UPLOAD_MAX_BYTES', 20 * MiB, 1024, 1024 * MiB),
	ROOM_IDLE_MS: integer('ROOM_IDLE_MS', 30_000, 0, 24 * 3600_000),
	PERSIST_DELAY_MS: integer('PERSIST_DELAY_MS', 100, 0, 1000),
	COMPACT_AFTER_UPDATES: integer('COMPACT_AFTER_UPDATES', 500, 1, 1_000_000),
	AWARENESS_TICK_MS: integer('AWARENESS_TICK_MS', 50, 0, 1000),
	MAX_CONNECTIONS_PER_BOARD: integer('MAX_CONNECTIONS_PER_BOARD', 500, 1, 100_000),
	MAX_CONNECTIONS_PER_ADDRESS: integer('MAX_CONNECTIONS_PER_ADDRESS', 750, 1, 100_000),
	TRUSTED_PROXIES: addressList('TRUSTED_PROXIES'),
	MAX_MESSAGES_PER_SECOND: integer('MAX_MESSAGES_PER_SECOND', 300, 1, 100_000),
	MAX_SEND_BUFFER_BYTES: integer('MAX_SEND_BUFFER_BYTES', 32 * MiB, 64 * 1024, 1024 * MiB),
	MAX_DOCUMENT_BYTES: integer('MAX_DOCUMENT_BYTES', 64 * MiB, 1024, 4096 * MiB),
	HEARTBEAT_MS: integer('HEARTBEAT_MS', 15_000, 100, 600_000),
	MAX_NESTING_DEPTH: integer('MAX_NESTING_DEPTH', 32, 4, 1000),
	MAX_KEY_LENGTH: integer('MAX_KEY_LENGTH', 256, 64, 65_536),
	MAX_VALUE_BYTES: integer('MAX_VALUE_BYTES', 1 * MiB, 1024, 256 * MiB),
	MAX_UPDATE_ENTRIES: integer('MAX_UPDATE_ENTRIES', 2_500, 100, 10_000_000),
	MAX_AWARENESS_STATE_BYTES: integer('MAX_AWARENESS_STATE_BYTES', 128 * 1024, 1024, 16 * MiB),
	MAX_AWARENESS_CLIENTS_PER_CONNECTION: integer('MAX_AWARENESS_CLIENTS_PER_CONNECTION', 4, 1, 1000),
})

export type Config = {
	port: number
	host: string
	dataDir: string
	tldrawLicenseKey: string | undefined
	/** Websocket frames above this are refused before they are buffered whole. */
	maxFrameBytes: number
	uploadMaxBytes: number
	/** How long a board nobody is connected to stays in memory. */
	roomIdleMs: number
	/** Accepted updates are batched for this long before they are written; must stay well under 1 s. */
	persistDelayMs: number
	/** After this many stored updates a board's log is merged into one state. */
	compactAfterUpdates: number
	/** Awareness (cursor) changes are coalesced and broadcast once per tick. */
	awarenessTickMs: number
	limits: RelayLimits
}

export type RelayLimits = {
	connectionsPerBoard: number
	/**
	 * Generous by default: everyone in a browser holds three connections (the board, its
	 * facilitation and its support document), and a whole office behind one NAT address joins the
	 * same workshop.
	 */
	connectionsPerAddress: number
	/** Reverse proxies whose X-Forwarded-For names the client (see relay/clientAddress.ts). */
	trustedProxies: string[]
	/** Average rate per connection; bursts of twice this pass, more is throttled, then closed. */
	messagesPerSecond: number
	/** A client whose unsent backlog grows past this is too slow to follow and is disconnected. */
	sendBufferBytes: number
	documentBytes: number
	/** Ping interval; a connection that missed a whole interval's pong is dropped. */
	heartbeatMs: number
	/**
	 * Shape limits of one update (see relay/updateShape.ts). The board's layout nests 3 levels
	 * (records map, record, its props object) and tldraw's rich text about 8 more.
	 */
	maxNestingDepth: number
	maxKeyLength: number
	maxValueBytes: number
	/**
	 * Checking and applying costs ~2-5 µs an entry once warm, but up to ~20 µs in a fresh process
	 * with its garbage collection: 2,500 keep one update under ~50 ms on a 2-core machine. The client writes big pastes in steps
	 * below this (shared/recordDoc.ts).
	 */
	maxUpdateEntries: number
	/** A select-all of 4,000 shapes puts ~110 KB of shape ids in a person's presence. */
	maxAwarenessStateBytes: number
	maxAwarenessClientsPerConnection: number
}

export class ConfigError extends Error {}

/** Turns the process environment into a validated Config, or throws a ConfigError naming the variable. */
export function readConfig(environment: NodeJS.ProcessEnv): Config {
	const parsed = environmentSchema.safeParse(environment)
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!
		throw new ConfigError(`Invalid configuration: ${issue.message}`)
	}
	const env = parsed.data
	return {
		port: env.PORT,
		host: env.HOST,
		dataDir: env.DATA_DIR,
		tldrawLicenseKey: env.TLDRAW_LICENSE_KEY,
		maxFrameBytes: env.MAX_FRAME_BYTES,
		uploadMaxBytes: env.UPLOAD_MAX_BYTES,
		roomIdleMs: env.ROOM_IDLE_MS,
		persistDelayMs: env.PERSIST_DELAY_MS,
		compactAfterUpdates: env.COMPACT_AFTER_UPDATES,
		awarenessTickMs: env.AWARENESS_TICK_MS,
		limits: {
			connectionsPerBoard: env.MAX_CONNECTIONS_PER_BOARD,
			connectionsPerAddress: env.MAX_CONNECTIONS_PER_ADDRESS,
			trustedProxies: env.TRUSTED_PROXIES,
			messagesPerSecond: env.MAX_MESSAGES_PER_SECOND,
			sendBufferBytes: env.MAX_SEND_BUFFER_BYTES,
			documentBytes: env.MAX_DOCUMENT_BYTES,
			heartbeatMs: env.HEARTBEAT_MS,
			maxNestingDepth: env.MAX_NESTING_DEPTH,
			maxKeyLength: env.MAX_KEY_LENGTH,
			maxValueBytes: env.MAX_VALUE_BYTES,
			maxUpdateEntries: env.MAX_UPDATE_ENTRIES,
			maxAwarenessStateBytes: env.MAX_AWARENESS_STATE_BYTES,
			maxAwarenessClientsPerConnection: env.MAX_AWARENESS_CLIENTS_PER_CONNECTION,
		},
	}
}
