import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { isValidBoardId } from '../../shared/boardId.js'
import { CLOSE_CODES } from '../../shared/closeCodes.js'
import type { RelayLimits } from '../config.js'
import { log } from '../logger.js'
import { Connection } from './Connection.js'
import { Inbox } from './Inbox.js'
import { parseClientMessage, ProtocolError } from './protocol.js'
import type { Room } from './Room.js'
import type { RoomRegistry } from './RoomRegistry.js'

export const RELAY_PATH_PREFIX = '/yjs/'

/**
 * The websocket transport: accepts upgrades on `/yjs/<boardId>`, refuses bad ids, bad frames and
 * clients over a limit with a close reason, and hands parsed messages to the board's room in
 * order. Messages that arrive while the room is still loading wait for it.
 */
export class RelayServer {
	private readonly wss: WebSocketServer
	private readonly connectionsPerAddress = new Map<string, number>()
	private readonly connectionsPerBoard = new Map<string, number>()
	private readonly connections = new Set<Connection>()
	private readonly heartbeat: NodeJS.Timeout

	constructor(
		private readonly rooms: RoomRegistry,
		private readonly options: { maxFrameBytes: number; limits: RelayLimits },
	) {
		// maxPayload makes ws refuse a larger frame from its header, before buffering it.
		this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes })
		this.heartbeat = setInterval(() => this.pingAll(), options.limits.heartbeatMs)
	}

	attach(server: Server): void {
		server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
			const pathname = (request.url ?? '').split('?')[0]!
			if (!pathname.startsWith(RELAY_PATH_PREFIX)) {
				socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
				return
			}
			this.wss.handleUpgrade(request, socket, head, (ws) => {
				this.accept(ws, pathname.slice(RELAY_PATH_PREFIX.length), request.socket.remoteAddress ?? '')
			})
		})
	}

	/** Closes every client with "going away"; the caller flushes storage afterwards. */
	closeAll(): void {
		clearInterval(this.heartbeat)
		for (const ws of this.wss.clients) ws.close(CLOSE_CODES.serverShuttingDown, 'server is shutting down')
		this.wss.close()
	}

	private accept(ws: WebSocket, rawBoardId: string, remoteAddress: string) {
		ws.on('error', (error) => log.warn('websocket error', { error: error.message }))
		// Checked on the raw path segment, never decoded: `%2e%2e` is refused, not turned into `..`.
		if (!isValidBoardId(rawBoardId)) {
			ws.close(CLOSE_CODES.invalidBoardId, 'board id must be 1-64 characters of A-Z a-z 0-9 _ -')
			return
		}
		const { limits } = this.options
		if ((this.connectionsPerBoard.get(rawBoardId) ?? 0) >= limits.connectionsPerBoard) {
			ws.close(CLOSE_CODES.boardFull, `this board already has ${limits.connectionsPerBoard} connections`)
			return
		}
		if ((this.connectionsPerAddress.get(remoteAddress) ?? 0) >= limits.connectionsPerAddress) {
			ws.close(CLOSE_CODES.tooManyFromAddress, `more than ${limits.connectionsPerAddress} connections from your address`)
			return
		}
		count(this.connectionsPerBoard, rawBoardId, +1)
		count(this.connectionsPerAddress, remoteAddress, +1)
		const connection = new Connection(ws, rawBoardId, remoteAddress, limits.sendBufferBytes)
		this.connections.add(connection)
		const inbox = new Inbox(connection, limits.messagesPerSecond)
		let room: Room | null = null
		let closed = false

		ws.on('message', (data, isBinary) => {
			if (!isBinary) {
				connection.close(CLOSE_CODES.unsupportedFrame, 'text frames are not supported: send binary y-websocket messages')
				return
			}
			inbox.push(data)
		})
		ws.once('close', () => {
			closed = true
			inbox.clear()
			this.connections.delete(connection)
			count(this.connectionsPerBoard, rawBoardId, -1)
			count(this.connectionsPerAddress, remoteAddress, -1)
			if (room) {
				room.leave(connection)
				this.rooms.release(room)
			}
		})

		this.rooms.acquire(rawBoardId).then(
			(loaded) => {
				if (closed) return this.rooms.release(loaded)
				room = loaded
				loaded.join(connection)
				inbox.start((frame) => {
					try {
						loaded.receive(connection, parseClientMessage(frame))
					} catch (error) {
						if (!(error instanceof ProtocolError)) throw error
						log.warn('closed a connection that sent a malformed message', { boardId: rawBoardId, problem: error.message })
						connection.close(CLOSE_CODES.malformedMessage, error.message)
					}
				})
			},
			(error) => {
				log.error('could not load a board', { boardId: rawBoardId, error: String(error) })
				connection.close(1011, 'the board could not be loaded; try again later')
			},
		)
	}

	private pingAll() {
		for (const connection of this.connections) {
			if (!connection.answeredPing) {
				// No pong for a whole interval: the peer is gone. terminate() fires 'close', which
				// removes its awareness so the others stop seeing a frozen cursor.
				connection.socket.terminate()
				continue
			}
			connection.answeredPing = false
			connection.socket.ping()
		}
	}
}

function count(counts: Map<string, number>, key: string, delta: number) {
	const next = (counts.get(key) ?? 0) + delta
	if (next > 0) counts.set(key, next)
	else counts.delete(key)
}
