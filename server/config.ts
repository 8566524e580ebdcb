import { isIP } from 'node:net'
import path from 'node:path'
import { z } from 'zod'

const MiB = 1024 * 1024

/** A setting: the environment variable it is read from, and how (with its default). */
type Setting<T> = { variable: string; schema: z.ZodType<T, string | undefined> }

const integer = (variable: string, fallback: number, min: number, max: number): Setting<number> => ({
	variable,
	schema: z
		.string()
		.optional()
		.transform((raw, context) => {
			if (raw === undefined || raw.trim() === '') return fallback
			const value = Number(raw)
			if (!Number.isInteger(value) || value < min || value > max) {
				context.addIssue({
					code: 'custom',
					message: `${variable}=${JSON.stringify(raw)} must be a whole number from ${min} to ${max}`,
				})
				return z.NEVER
			}
			return value
		}),
})

/** Trimmed text, or the fallback when unset or blank. */
const text = <T extends string | undefined>(variable: string, fallback: T): Setting<string | T> => ({
	variable,
	schema: z
		.string()
		.optional()
		.transform((raw) => (raw?.trim() ? raw.trim() : fallback)),
})

const directory = (variable: string, fallback: string): Setting<string> => ({
	variable,
	schema: z
		.string()
		.optional()
		.transform((raw) => path.resolve(raw?.trim() ? raw : fallback)),
})

const addressList = (variable: string): Setting<string[]> => ({
	variable,
	schema: z
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
					message: `${variable}=${JSON.stringify(raw)}: ${JSON.stringify(invalid)} is not an IP address (give a comma-separated list of addresses)`,
				})
				return z.NEVER
			}
			return addresses
		}),
})

/** Every setting once: its name in Config, its variable, its default and bounds, and why where it is not obvious. */
const SETTINGS = {
	port: integer('PORT', 3000, 0, 65535),
	host: text('HOST', '0.0.0.0'),
	dataDir: directory('DATA_DIR', './data'),
	tldrawLicenseKey: text('TLDRAW_LICENSE_KEY', undefined),
	/** Websocket frames above this are refused before they are buffered whole. */
	maxFrameBytes: integer('MAX_FRAME_BYTES', 4 * MiB, 1024, 256 * MiB),
	uploadMaxBytes: integer('UPLOAD_MAX_BYTES', 20 * MiB, 1024, 1024 * MiB),
	/** Per client address, counted as bytes arrive; at least UPLOAD_MAX_BYTES (http/uploads.ts refuses to start otherwise). */
	uploadBytesPerMinute: integer('UPLOAD_BYTES_PER_MINUTE', 64 * MiB, 1024, 64 * 1024 * MiB),
	/** How long a board nobody is connected to stays in memory. */
	roomIdleMs: integer('ROOM_IDLE_MS', 30_000, 0, 24 * 3600_000),
	/** Accepted updates are batched for this long before they are written; must stay well under 1 s. */
	persistDelayMs: integer('PERSIST_DELAY_MS', 100, 0, 1000),
	/** After this many stored updates a board's log is merged into one state. */
	compactAfterUpdates: integer('COMPACT_AFTER_UPDATES', 500, 1, 1_000_000),
	/** Awareness (cursor) changes are coalesced and broadcast once per tick. */
	awarenessTickMs: integer('AWARENESS_TICK_MS', 50, 0, 1000),
}

const LIMITS = {
	connectionsPerBoard: integer('MAX_CONNECTIONS_PER_BOARD', 500, 1, 100_000),
	/**
	 * Generous by default: everyone in a browser holds three connections (the board, its
	 * facilitation and its support document), and a whole office behind one NAT address joins the
	 * same workshop.
	 */
	connectionsPerAddress: integer('MAX_CONNECTIONS_PER_ADDRESS', 750, 1, 100_000),
	/**
	 * Distinct participant ids (verified or guest) on one board from one address: an identity costs
	 * one request, so this bounds how many people one client can pose as at once. The default
	 * still lets the ~250 people behind one office NAT (750 connections, three each) join together.
	 */
	identitiesPerAddressPerBoard: integer('MAX_IDENTITIES_PER_ADDRESS_PER_BOARD', 250, 1, 100_000),
	/** Reverse proxies whose X-Forwarded-For names the client (see relay/clientAddress.ts). */
	trustedProxies: addressList('TRUSTED_PROXIES'),
	/** Average rate per connection; bursts of twice this pass, more is throttled, then closed. */
	messagesPerSecond: integer('MAX_MESSAGES_PER_SECOND', 300, 1, 100_000),
	/** A client whose unsent backlog grows past this is too slow to follow and is disconnected. */
	sendBufferBytes: integer('MAX_SEND_BUFFER_BYTES', 32 * MiB, 64 * 1024, 1024 * MiB),
	documentBytes: integer('MAX_DOCUMENT_BYTES', 64 * MiB, 1024, 4096 * MiB),
	/** Ping interval; a connection that missed a whole interval's pong is dropped. */
	heartbeatMs: integer('HEARTBEAT_MS', 15_000, 100, 600_000),
	/**
	 * Shape limits of one update (see relay/updateShape.ts). The board's layout nests 3 levels
	 * (records map, record, its props object) and tldraw's rich text about 8 more.
	 */
	maxNestingDepth: integer('MAX_NESTING_DEPTH', 32, 4, 1000),
	maxKeyLength: integer('MAX_KEY_LENGTH', 256, 64, 65_536),
	maxValueBytes: integer('MAX_VALUE_BYTES', 1 * MiB, 1024, 256 * MiB),
	/**
	 * Checking and applying costs ~2-5 µs an entry once warm, but up to ~20 µs in a fresh process
	 * with its garbage collection: 2,500 keep one update under ~50 ms on a 2-core machine. The
	 * client writes big pastes in steps below this (shared/recordDoc.ts).
	 */
	maxUpdateEntries: integer('MAX_UPDATE_ENTRIES', 2_500, 100, 10_000_000),
	/** A select-all of 4,000 shapes puts ~110 KB of shape ids in a person's presence. */
	maxAwarenessStateBytes: integer('MAX_AWARENESS_STATE_BYTES', 128 * 1024, 1024, 16 * MiB),
	maxAwarenessClientsPerConnection: integer('MAX_AWARENESS_CLIENTS_PER_CONNECTION', 4, 1, 1000),
}

type ValuesOf<Settings> = { [Name in keyof Settings]: Settings[Name] extends Setting<infer Value> ? Value : never }

export type RelayLimits = ValuesOf<typeof LIMITS>
export type Config = ValuesOf<typeof SETTINGS> & { limits: RelayLimits }

export class ConfigError extends Error {}

/** Turns the process environment into a validated Config, or throws a ConfigError naming the variable. */
export function readConfig(environment: NodeJS.ProcessEnv): Config {
	return { ...readSettings(SETTINGS, environment), limits: readSettings(LIMITS, environment) }
}

function readSettings<Settings extends Record<string, Setting<unknown>>>(settings: Settings, environment: NodeJS.ProcessEnv): ValuesOf<Settings> {
	const values = Object.entries(settings).map(([name, { variable, schema }]) => {
		const parsed = schema.safeParse(environment[variable])
		if (!parsed.success) throw new ConfigError(`Invalid configuration: ${parsed.error.issues[0]!.message}`)
		return [name, parsed.data]
	})
	return Object.fromEntries(values) as ValuesOf<Settings>
}
