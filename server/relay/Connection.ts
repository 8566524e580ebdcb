import * as encoding from 'lib0/encoding'
import * as authProtocol from 'y-protocols/auth'
import type { WebSocket } from 'ws'
import { log } from '../logger.js'
import { MESSAGE_AUTH } from './protocol.js'

/** Why this connection may not change its document right now, or null when it may. */
export type WritePolicy = () => string | null

/** One refusal notice per this interval at most, however many updates a client sends. */
const REFUSAL_NOTICE_INTERVAL_MS = 2000

/** One client's socket on one board. */
export class Connection {
	/** Cleared at each heartbeat ping, set again by the pong. */
	answeredPing = true
	/** Until the role is known nothing may be written. */
	writeRefusal: WritePolicy = () => 'the connection is not ready yet'
	private lastRefusalNoticeAt = Number.NEGATIVE_INFINITY

	constructor(
		readonly socket: WebSocket,
		readonly boardId: string,
		private readonly sendBufferBytes: number,
	) {
		socket.on('pong', () => (this.answeredPing = true))
	}

	get isOpen(): boolean {
		return this.socket.readyState === this.socket.OPEN
	}

	/**
	 * Sends unless the client has stopped reading: a backlog past the limit means it cannot keep up,
	 * and buffering more for it would only grow our memory, so it is dropped (it may reconnect).
	 */
	send(message: Uint8Array): void {
		if (!this.isOpen) return
		// The backlog before this message counts, so one large message (a big board's first sync)
		// still goes to a client that keeps up.
		if (this.socket.bufferedAmount > this.sendBufferBytes) {
			log.warn('dropped a connection too slow to receive its board', { boardId: this.boardId })
			// A close frame would wait behind the very backlog it is about.
			this.socket.terminate()
			return
		}
		this.socket.send(message, { binary: true })
	}

	/** Tells the client, in y-websocket's own "permission denied" message, why its change was dropped. */
	noticeRefusal(reason: string): void {
		const now = performance.now()
		if (now - this.lastRefusalNoticeAt < REFUSAL_NOTICE_INTERVAL_MS) return
		this.lastRefusalNoticeAt = now
		const encoder = encoding.createEncoder()
		encoding.writeVarUint(encoder, MESSAGE_AUTH)
		authProtocol.writePermissionDenied(encoder, reason)
		this.send(encoding.toUint8Array(encoder))
	}

	close(code: number, reason: string): void {
		// Close reasons are limited to 123 bytes by RFC 6455.
		if (this.socket.readyState <= this.socket.OPEN) this.socket.close(code, reason.slice(0, 120))
	}
}
