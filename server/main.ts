import { mkdir, access, constants } from 'node:fs/promises'
import { createServer } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError, readConfig, type Config } from './config.js'
import { BoardAccessService } from './access/BoardAccessService.js'
import { createHttpApp } from './http/app.js'
import { IdentityService } from './identity/IdentityService.js'
import { log } from './logger.js'
import { PrivateDocuments } from './relay/PrivateDocuments.js'
import { RelayServer } from './relay/RelayServer.js'
import { RoomRegistry } from './relay/RoomRegistry.js'
import { LevelBoardStorage } from './storage/LevelBoardStorage.js'

// Compiled to dist/node/server/main.js; the client is built to dist/client.
const clientDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client')

async function start(config: Config) {
	await prepareDataDir(config.dataDir)
	const identities = await IdentityService.open(config.dataDir)
	const storage = await LevelBoardStorage.open(path.join(config.dataDir, 'boards'))
	const rooms = new RoomRegistry(storage, {
		idleMs: config.roomIdleMs,
		persistDelayMs: config.persistDelayMs,
		compactAfterUpdates: config.compactAfterUpdates,
		awarenessTickMs: config.awarenessTickMs,
		maxDocumentBytes: config.limits.documentBytes,
		maxNestingDepth: config.limits.maxNestingDepth,
		maxAwarenessStateBytes: config.limits.maxAwarenessStateBytes,
		maxAwarenessClientsPerConnection: config.limits.maxAwarenessClientsPerConnection,
	})
	const privateDocuments = new PrivateDocuments(rooms, storage)
	const access = new BoardAccessService(storage)
	const relay = new RelayServer(rooms, access, identities, { maxFrameBytes: config.maxFrameBytes, limits: config.limits })
	const app = createHttpApp(config, clientDirectory, { access, identities, privateDocuments }, () => ({ loadedBoards: rooms.loadedRoomCount }))
	const server = createServer(app)
	relay.attach(server)

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject)
		server.listen(config.port, config.host, resolve)
	})
	const address = server.address()
	const port = typeof address === 'object' && address ? address.port : config.port
	log.info(`Strategy Board listening on http://${config.host}:${port}`, { dataDir: config.dataDir })

	let stopping = false
	const shutdown = async (signal: string) => {
		if (stopping) return
		stopping = true
		log.info(`${signal} received: closing connections and writing every board to disk`)
		server.close()
		relay.closeAll()
		server.closeAllConnections()
		const unsaved = await rooms.flushAll()
		await storage.close()
		if (unsaved.length > 0) {
			log.error('shutdown could not write every board; their last edits are lost', { boardIds: unsaved })
			process.exit(1)
		}
		log.info('shutdown complete')
		process.exit(0)
	}
	process.on('SIGTERM', () => void shutdown('SIGTERM'))
	process.on('SIGINT', () => void shutdown('SIGINT'))
}

async function prepareDataDir(dataDir: string) {
	try {
		await mkdir(dataDir, { recursive: true })
		await access(dataDir, constants.W_OK)
	} catch {
		throw new ConfigError(`DATA_DIR ${dataDir} is not writable`)
	}
}

try {
	await start(readConfig(process.env))
} catch (error) {
	if (error instanceof ConfigError) {
		process.stderr.write(`${error.message}\n`)
		process.exit(1)
	}
	log.error('could not start', { error: error instanceof Error ? error.message : String(error) })
	process.exit(1)
}
