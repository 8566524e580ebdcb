import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { isValidBoardId } from '../../shared/boardId.js'
import { CLOSE_CODES } from '../../shared/closeCodes.js'
import { log } from '../logger.js'
import { Connection } from './Connection.js'
import { parseClientMessage, ProtocolError } from './protocol.js'
import type { RoomRegistry } from './RoomRegistry.js'

export const RELAY_PATH_PREFIX = '/yjs/'

/**
 * The websocket transport: accepts upgrades on `/yjs/<boardId>`, refuses bad ids and bad frames
 * with a close reason, and hands parsed messages to the board's room. Messages that arrive while
 * the room is still loading are kept in order and handled once it is ready.
 */
export class RelayServer {
	private readonly wss: WebSocketServer

	constructor(
		private readonly rooms: RoomRegistry,
		options: { maxFrameBytes: number },
	) {
		// maxPayload makes ws refuse a larger frame from its header, before buffering it.
		this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes })
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
		const connection = new Connection(ws, rawBoardId, remoteAddress)
		const backlog: RawData[] = []
		let deliver: (data: RawData) => void = (data) => backlog.push(data)
		let closed = false

		ws.on('message', (data, isBinary) => {
			if (!isBinary) {
				connection.close(CLOSE_CODES.unsupportedFrame, 'text frames are not supported: send binary y-websocket messages')
				return
			}
			deliver(data)
		})

		this.rooms.acquire(rawBoardId).then(
			(room) => {
				const leave = () => {
					room.leave(connection)
					this.rooms.release(room)
				}
				if (closed) return this.rooms.release(room)
				ws.on('close', leave)
				room.join(connection)
				deliver = (data) => {
					const frame = toUint8Array(data)
					try {
						room.receive(connection, parseClientMessage(frame))
					} catch (error) {
						if (!(error instanceof ProtocolError)) throw error
						log.warn('closed a connection that sent a malformed message', { boardId: rawBoardId, problem: error.message })
						connection.close(CLOSE_CODES.malformedMessage, error.message)
					}
				}
				for (const data of backlog.splice(0)) deliver(data)
			},
			(error) => {
				log.error('could not load a board', { boardId: rawBoardId, error: String(error) })
				connection.close(1011, 'the board could not be loaded; try again later')
			},
		)
		ws.once('close', () => {
			closed = true
		})
	}
}

function toUint8Array(data: RawData): Uint8Array {
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
	if (data instanceof ArrayBuffer) return new Uint8Array(data)
	return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}
