import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { CLOSE_CODES } from '../../shared/closeCodes.js'
import { isBoardLocked } from '../../shared/facilitationDoc.js'
import type { Role } from '../../shared/roles.js'
import type { RelayCredentials } from '../../shared/wire/credentials.js'
import type { BoardAccessService } from '../access/BoardAccessService.js'
import type { RelayLimits } from '../config.js'
import type { IdentityService } from '../identity/IdentityService.js'
import { log } from '../logger.js'
import { clientAddress } from './clientAddress.js'
import { Connection, type WritePolicy } from './Connection.js'
import { IdentityCap } from './IdentityCap.js'
import { Inbox } from './Inbox.js'
import { chooseSubprotocol, offeredCredentials } from './offeredCredentials.js'
import { parseClientMessage, ProtocolError, type MessageLimits } from './protocol.js'
import { documentName, documentOfTarget, nameOfDocument, parseRelayPath, type DocumentRef, type RelayTarget } from './relayPath.js'
import type { Room } from './Room.js'
import type { RoomRegistry } from './RoomRegistry.js'

export const RELAY_PATH_PREFIX = '/yjs/'

/**
 * The websocket transport: accepts upgrades under `/yjs/` (see relayPath.ts), resolves the link to
 * a role and the offered identity token to a participant id (offeredCredentials.ts), refuses bad
 * ids, bad frames and clients over a limit with a close reason, and hands parsed messages to the
 * document's room in order, with the role's write policy attached. Messages that arrive while the
 * role and the room are resolved wait for them.
 */
export class RelayServer {
	private readonly wss: WebSocketServer
	private readonly connectionsPerAddress = new Map<string, number>()
	private readonly connectionsPerDocument = new Map<string, number>()
	private readonly connections = new Set<Connection>()
	private readonly heartbeat: NodeJS.Timeout
	private readonly trustedProxies: ReadonlySet<string>
	private readonly messageLimits: MessageLimits
	private readonly identityCap: IdentityCap

	constructor(
		private readonly rooms: RoomRegistry,
		private readonly access: BoardAccessService,
		private readonly identities: IdentityService,
		private readonly options: { maxFrameBytes: number; limits: RelayLimits },
	) {
		// maxPayload makes ws refuse a larger frame from its header, before buffering it.
		this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes, handleProtocols: chooseSubprotocol })
		this.identityCap = new IdentityCap(options.limits.identitiesPerAddressPerBoard)
		this.heartbeat = setInterval(() => this.pingAll(), options.limits.heartbeatMs)
		this.trustedProxies = new Set(options.limits.trustedProxies)
		// Every connection on a board may announce a few ids, and a stock client echoes them all.
		const { limits } = options
		this.messageLimits = { ...limits, maxAwarenessEntries: limits.connectionsPerBoard * limits.maxAwarenessClientsPerConnection }
	}

	attach(server: Server): void {
		server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
			const pathname = (request.url ?? '').split('?')[0]!
			if (!pathname.startsWith(RELAY_PATH_PREFIX)) {
				socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
				return
			}
			const offered = offeredCredentials(request.headers['sec-websocket-protocol'])
			// The browser sends the key as a subprotocol, out of proxies' access logs; `?key=` is for clients from before.
			const facilitatorKey = offered.facilitatorKey ?? new URLSearchParams((request.url ?? '').split('?')[1] ?? '').get('key')
			this.wss.handleUpgrade(request, socket, head, (ws) => {
				const address = clientAddress(request.socket.remoteAddress ?? '', request.headers['x-forwarded-for'], this.trustedProxies)
				this.accept(ws, pathname.slice(RELAY_PATH_PREFIX.length), { ...offered, facilitatorKey }, address)
			})
		})
	}

	/** Closes every client with "going away"; the caller flushes storage afterwards. */
	closeAll(): void {
		clearInterval(this.heartbeat)
		for (const ws of this.wss.clients) ws.close(CLOSE_CODES.serverShuttingDown, 'server is shutting down')
		this.wss.close()
	}

	private accept(ws: WebSocket, path: string, { identityToken, facilitatorKey }: RelayCredentials, remoteAddress: string) {
		ws.on('error', (error) => log.warn('websocket error', { error: error.message }))
		// Checked on the raw path, never decoded: `%2e%2e` is refused, not turned into `..`.
		const target = parseRelayPath(path)
		if (!target) {
			ws.close(CLOSE_CODES.invalidBoardId, 'board id must be 1-64 characters of A-Z a-z 0-9 _ -')
			return
		}
		const { limits } = this.options
		if ((this.connectionsPerAddress.get(remoteAddress) ?? 0) >= limits.connectionsPerAddress) {
			ws.close(CLOSE_CODES.tooManyFromAddress, `more than ${limits.connectionsPerAddress} connections from your address`)
			return
		}
		count(this.connectionsPerAddress, remoteAddress, +1)
		const connection = new Connection(ws, target.id, limits.sendBufferBytes, remoteAddress)
		// Without a valid token the connection keeps the guest id it was born with.
		const verified = identityToken === null ? null : this.identities.verify(identityToken)
		if (verified !== null) connection.participantId = verified
		this.connections.add(connection)
		// Frames that arrive while the role and the room are resolved wait here, in order.
		const inbox = new Inbox(connection, limits.messagesPerSecond, 2 * this.options.maxFrameBytes)
		const held: Room[] = []
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
			count(this.connectionsPerAddress, remoteAddress, -1)
			const [room] = held
			if (room) {
				count(this.connectionsPerDocument, room.boardId, -1)
				room.leave(connection)
			}
			for (const each of held) this.rooms.release(each)
		})

		this.join(connection, target, facilitatorKey, held, () => closed).then(
			(room) => {
				if (!room) return
				inbox.start((frame) => {
					const cpuBefore = process.cpuUsage()
					try {
						room.receive(connection, parseClientMessage(frame, this.messageLimits))
						reportSlowFrame(room.boardId, frame, cpuBefore)
					} catch (error) {
						if (error instanceof ProtocolError) {
							log.warn('closed a connection that sent a message the relay does not take', { boardId: room.boardId, problem: error.message })
							connection.close(error.closeCode, error.message)
							return
						}
						// A bug of ours must cost this one connection, never the process and every board in it.
						log.error('closed a connection after an unexpected error', {
							boardId: room.boardId,
							error: String(error),
							stack: (error as Error).stack,
						})
						connection.close(1011, 'the server could not handle a message; reconnect to continue')
					}
				})
			},
			(error) => {
				log.error('could not open a board', { error: String(error) })
				connection.close(1011, 'the board could not be loaded; try again later')
			},
		)
	}

	/**
	 * Resolves the link to a board and a role, loads the rooms the connection needs (a board or
	 * private connection also holds the board's facilitation room, to know whether the board is locked),
	 * and joins. Rooms go into `held` as they are acquired, so a close at any point releases them.
	 */
	private async join(connection: Connection, target: RelayTarget, key: string | null, held: Room[], isClosed: () => boolean): Promise<Room | null> {
		const boardId = target.via === 'view' ? await this.access.boardIdOfView(target.id) : target.id
		if (!boardId) {
			connection.close(CLOSE_CODES.unknownViewLink, 'this view-only link does not exist')
			return null
		}
		const role: Role = target.via === 'view' ? 'viewer' : await this.access.roleFor(boardId, key)
		const document = documentOfTarget(boardId, target)
		const mayOpen = document.kind !== 'private' || role === 'facilitator' || (role === 'participant' && document.owner === connection.participantId)
		if (!mayOpen) {
			connection.close(CLOSE_CODES.notYours, 'private notes are served only to their writer and the facilitator')
			return null
		}
		const name = nameOfDocument(document)
		if ((this.connectionsPerDocument.get(name) ?? 0) >= this.options.limits.connectionsPerBoard) {
			connection.close(CLOSE_CODES.boardFull, `this board already has ${this.options.limits.connectionsPerBoard} connections`)
			return null
		}
		// A socket that closed while the board was looked up has said its 'close' already: nothing would count it out.
		if (isClosed()) return null
		const leave = this.identityCap.admit(boardId, connection.address, connection.participantId)
		if (!leave) {
			const cap = this.options.limits.identitiesPerAddressPerBoard
			connection.close(CLOSE_CODES.tooManyIdentities, `more than ${cap} people on this board from your address`)
			return null
		}
		connection.socket.once('close', leave)
		const room = await this.rooms.acquire(name)
		held.unshift(room)
		const judgedByLock = document.kind === 'board' || document.kind === 'private'
		const facilitation = judgedByLock ? await this.rooms.acquire(documentName(boardId, 'facilitation')) : null
		if (facilitation) held.push(facilitation)
		if (isClosed()) {
			for (const each of held.splice(0)) this.rooms.release(each)
			return null
		}
		count(this.connectionsPerDocument, name, +1)
		const isLocked = () => (facilitation ? facilitation.read(isBoardLocked) : false)
		connection.writeRefusal = writePolicy(role, document, connection.participantId, isLocked)
		connection.role = role
		room.join(connection)
		return room
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

/** One frame may cost this much of the process's CPU before it is worth a warning: others wait meanwhile. */
const SLOW_FRAME_CPU_MS = 50

/**
 * CPU time rather than wall time: on a busy machine a frame can wait for the processor without
 * having cost anything, and the limits exist to bound what a frame costs.
 */
function reportSlowFrame(boardId: string, frame: Uint8Array, cpuBefore: NodeJS.CpuUsage) {
	const { user, system } = process.cpuUsage(cpuBefore)
	const cpuMs = (user + system) / 1000
	if (cpuMs > SLOW_FRAME_CPU_MS) log.warn('a message held the event loop', { boardId, cpuMs: Math.round(cpuMs), bytes: frame.byteLength })
}

function count(counts: Map<string, number>, key: string, delta: number) {
	const next = (counts.get(key) ?? 0) + delta
	if (next > 0) counts.set(key, next)
	else counts.delete(key)
}

/**
 * Viewers write nothing; the facilitation document is the facilitator's; private notes are their
 * writer's alone (the facilitator only reads them); a locked board is the facilitator's too. A lock
 * that cannot be read counts as locked.
 */
function writePolicy(role: Role, document: DocumentRef, participantId: string, isLocked: () => boolean): WritePolicy {
	const { kind } = document
	return () => {
		if (role === 'viewer') return { code: 'view-only', detail: 'this is a view-only link: changes are not saved' }
		if (kind === 'private' && document.owner !== participantId) return { code: 'not-your-entry', detail: 'only their writer changes private notes' }
		if (role === 'facilitator' || kind === 'support') return null
		if (kind === 'facilitation') return { code: 'facilitator-only', detail: 'only the facilitator can change the session' }
		try {
			return isLocked() ? { code: 'locked', detail: 'the facilitator has locked the board: changes are not saved' } : null
		} catch (error) {
			log.error('could not read whether a board is locked; refusing the change', { error: String(error) })
			return { code: 'lock-unknown', detail: 'the server cannot tell whether the board is locked right now: changes are not saved' }
		}
	}
}
