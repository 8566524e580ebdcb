import path from 'node:path'
import { describe, it, expect } from 'vitest'
import { ConfigError, readConfig } from '../../server/config'

const MiB = 1024 * 1024

function configError(environment: NodeJS.ProcessEnv): ConfigError {
	try {
		readConfig(environment)
	} catch (error) {
		expect(error).toBeInstanceOf(ConfigError)
		return error as ConfigError
	}
	throw new Error(`readConfig accepted ${JSON.stringify(environment)}`)
}

describe('readConfig', () => {
	it('an empty environment gives the defaults', () => {
		expect(readConfig({})).toEqual({
			port: 3000,
			host: '0.0.0.0',
			dataDir: path.resolve('./data'),
			tldrawLicenseKey: undefined,
			maxFrameBytes: 4 * MiB,
			uploadMaxBytes: 20 * MiB,
			uploadBytesPerMinute: 64 * MiB,
			roomIdleMs: 30_000,
			persistDelayMs: 100,
			compactAfterUpdates: 500,
			awarenessTickMs: 50,
			limits: {
				connectionsPerBoard: 500,
				connectionsPerAddress: 750,
				identitiesPerAddressPerBoard: 250,
				trustedProxies: [],
				messagesPerSecond: 300,
				sendBufferBytes: 32 * MiB,
				documentBytes: 64 * MiB,
				heartbeatMs: 15_000,
				maxNestingDepth: 32,
				maxKeyLength: 256,
				maxValueBytes: MiB,
				maxUpdateEntries: 2_500,
				maxAwarenessStateBytes: 128 * 1024,
				maxAwarenessClientsPerConnection: 4,
			},
		})
	})

	it('blank values count as unset', () => {
		expect(readConfig({ PORT: '', HOST: '  ', DATA_DIR: ' ', TLDRAW_LICENSE_KEY: '   ', MAX_FRAME_BYTES: ' ' })).toEqual(readConfig({}))
	})

	it('reads every variable', () => {
		expect(
			readConfig({
				PORT: '8080',
				HOST: ' 127.0.0.1 ',
				DATA_DIR: '/var/lib/boards',
				TLDRAW_LICENSE_KEY: ' key-123 ',
				MAX_FRAME_BYTES: '2048',
				UPLOAD_MAX_BYTES: '4096',
				UPLOAD_BYTES_PER_MINUTE: '8192',
				ROOM_IDLE_MS: '0',
				PERSIST_DELAY_MS: '1000',
				COMPACT_AFTER_UPDATES: '1',
				AWARENESS_TICK_MS: '0',
				MAX_CONNECTIONS_PER_BOARD: '10',
				MAX_CONNECTIONS_PER_ADDRESS: '20',
				MAX_IDENTITIES_PER_ADDRESS_PER_BOARD: '5',
				TRUSTED_PROXIES: ' 127.0.0.1, ::1,10.0.0.2 ',
				MAX_MESSAGES_PER_SECOND: '30',
				MAX_SEND_BUFFER_BYTES: '65536',
				MAX_DOCUMENT_BYTES: '1024',
				HEARTBEAT_MS: '100',
				MAX_NESTING_DEPTH: '8',
				MAX_KEY_LENGTH: '64',
				MAX_VALUE_BYTES: '2048',
				MAX_UPDATE_ENTRIES: '100',
				MAX_AWARENESS_STATE_BYTES: '4096',
				MAX_AWARENESS_CLIENTS_PER_CONNECTION: '1',
			}),
		).toEqual({
			port: 8080,
			host: '127.0.0.1',
			dataDir: '/var/lib/boards',
			tldrawLicenseKey: 'key-123',
			maxFrameBytes: 2048,
			uploadMaxBytes: 4096,
			uploadBytesPerMinute: 8192,
			roomIdleMs: 0,
			persistDelayMs: 1000,
			compactAfterUpdates: 1,
			awarenessTickMs: 0,
			limits: {
				connectionsPerBoard: 10,
				connectionsPerAddress: 20,
				identitiesPerAddressPerBoard: 5,
				trustedProxies: ['127.0.0.1', '::1', '10.0.0.2'],
				messagesPerSecond: 30,
				sendBufferBytes: 65536,
				documentBytes: 1024,
				heartbeatMs: 100,
				maxNestingDepth: 8,
				maxKeyLength: 64,
				maxValueBytes: 2048,
				maxUpdateEntries: 100,
				maxAwarenessStateBytes: 4096,
				maxAwarenessClientsPerConnection: 1,
			},
		})
	})

	it('a relative DATA_DIR is resolved against the working directory', () => {
		expect(readConfig({ DATA_DIR: 'boards' }).dataDir).toBe(path.resolve('boards'))
	})

	it('accepts the bounds of each range', () => {
		expect(readConfig({ PORT: '0' }).port).toBe(0)
		expect(readConfig({ PORT: '65535' }).port).toBe(65535)
		expect(readConfig({ MAX_FRAME_BYTES: '1024' }).maxFrameBytes).toBe(1024)
		expect(readConfig({ MAX_FRAME_BYTES: String(256 * MiB) }).maxFrameBytes).toBe(256 * MiB)
		expect(readConfig({ UPLOAD_MAX_BYTES: String(1024 * MiB) }).uploadMaxBytes).toBe(1024 * MiB)
		expect(readConfig({ ROOM_IDLE_MS: String(24 * 3600_000) }).roomIdleMs).toBe(24 * 3600_000)
		expect(readConfig({ COMPACT_AFTER_UPDATES: '1000000' }).compactAfterUpdates).toBe(1_000_000)
		expect(readConfig({ AWARENESS_TICK_MS: '1000' }).awarenessTickMs).toBe(1000)
	})

	it('ignores unrelated variables', () => {
		expect(readConfig({ PATH: '/usr/bin', NODE_ENV: 'production', PORT: '4000' }).port).toBe(4000)
	})

	it.each([
		['PORT', 'abc'],
		['PORT', '70000'],
		['PORT', '65536'],
		['PORT', '-1'],
		['PORT', '80.5'],
		['PORT', 'NaN'],
		['PORT', 'Infinity'],
		['MAX_FRAME_BYTES', '-1'],
		['MAX_FRAME_BYTES', '1023'],
		['MAX_FRAME_BYTES', String(256 * MiB + 1)],
		['MAX_FRAME_BYTES', '4MB'],
		['UPLOAD_MAX_BYTES', '0'],
		['UPLOAD_MAX_BYTES', String(1024 * MiB + 1)],
		['ROOM_IDLE_MS', '-5'],
		['ROOM_IDLE_MS', String(24 * 3600_000 + 1)],
		['PERSIST_DELAY_MS', '1001'],
		['PERSIST_DELAY_MS', 'soon'],
		['COMPACT_AFTER_UPDATES', '0'],
		['COMPACT_AFTER_UPDATES', '1000001'],
		['AWARENESS_TICK_MS', '1001'],
		['AWARENESS_TICK_MS', '2.5'],
		['TRUSTED_PROXIES', 'proxy.internal'],
		['TRUSTED_PROXIES', '127.0.0.1;10.0.0.2'],
		['TRUSTED_PROXIES', '10.0.0.0/8'],
	])('%s=%j throws a ConfigError naming the variable and the value', (name, value) => {
		const error = configError({ [name]: value })
		expect(error.message).toContain(name)
		expect(error.message).toContain(JSON.stringify(value))
	})

	it('with two bad variables the error names one of them', () => {
		const error = configError({ PORT: 'abc', PERSIST_DELAY_MS: '-1' })
		expect(error.message).toMatch(/PORT|PERSIST_DELAY_MS/)
	})
})
