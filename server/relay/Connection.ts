import type { WebSocket } from 'ws'
import { newBoardId } from '../../shared/boardId.js'
import type { Role } from '../../shared/roles.js'
import { log } from '../logger.js'
import { encodePermissionDenied } from '../../shared/wire/messages.js'
import { refusalReason, type RefusalCode } from '../../shared/wire/refusals.js'

/** Why a change was dropped: a code the client words in the person's language, and the English detail for its console. */
export type Refusal = { code: RefusalCode; detail: string }

/** Why this connection may not change its document right now, or null when it may. */
export type WritePolicy = () => Refusal | null

/** One refusal notice per this interval at most, however many updates a client sends. */
const REFUSAL_NOTICE_INTERVAL_MS = 2000
/** A peer asked whether it is still there (see `probe`) has this long to answer. */
const PROBE_TIMEOUT_MS = 3000

/** One client's socket on one board. */
export class Connection {
	/** Cleared at each heartbeat ping, set again by the pong. */
	answeredPing = true
	/**
	 * Who this connection speaks for in the documents (support entries, note authorship, presence):
	 * the participant id its identity token proves, or, without a valid token, a guest id of its own
	 * that no other connection can take.
	 */
	participantId = `guest-${newBoardId()}`
	/** What its link allows, set with `writeRefusal`; until then the write policy (server/policy) judges it as a participant. */
	role: Role | null = null
	/** Until the role is known nothing may be written. */
	writeRefusal: WritePolicy = () => ({ code: 'not-ready', detail: 'the connection is not ready yet' })
	/** Since when this client's updates have been refused for building on changes we lack; null while they are not. */
	waitingSince: number | null = null
	/** When we last asked this client for what its updates build on. */
	askedForMissingAt = Number.NEGATIVE_INFINITY
	private lastRefusalNoticeAt = Number.NEGATIVE_INFINITY
	/** Bytes of the initial states it asked for that are still in its send buffer. */
	private requestedBytesInFlight = 0
	private probeTimer: NodeJS.Timeout | undefined

	constructor(
		readonly socket: WebSocket,
		readonly boardId: string,
		private readonly sendBufferBytes: number,
		/** The client's address (see clientAddress.ts): a departed client's ids stay reserved for it. */
		readonly address: string,
	) {
		socket.on('pong', () => {
			this.answeredPing = true
			clearTimeout(this.probeTimer)
			this.probeTimer = undefined
		})
		socket.once('close', () => clearTimeout(this.probeTimer))
	}

	get isOpen(): boolean {
		return this.socket.readyState === this.socket.OPEN
	}

	/**
	 * Sends unless the client has stopped reading: a backlog past the limit means it cannot keep up,
	 * and buffering more for it would only grow our memory, so it is dropped (it may reconnect).
	 */
	send(message: Uint8Array, onWritten?: () => void): void {
		if (!this.isOpen) return
		// The backlog before this message counts, so one large message still goes to a client that
		// keeps up; what it asked for itself (a big board's first sync) does not count against it.
		if (this.socket.bufferedAmount - this.requestedBytesInFlight > this.sendBufferBytes) {
			log.warn('dropped a connection too slow to receive its board', { boardId: this.boardId })
			// A close frame would wait behind the very backlog it is about.
			this.socket.terminate()
			return
		}
		this.socket.send(message, { binary: true }, onWritten)
	}

	/** Sends an answer the client asked for; its size is not held against the client's backlog. */
	sendRequested(message: Uint8Array): void {
		if (!this.isOpen) return
		this.requestedBytesInFlight += message.byteLength
		this.send(message, () => (this.requestedBytesInFlight -= message.byteLength))
	}

	/** Tells the client, in y-websocket's own "permission denied" message, why its change was dropped. */
	noticeRefusal({ code, detail }: Refusal): void {
		const now = performance.now()
		if (now - this.lastRefusalNoticeAt < REFUSAL_NOTICE_INTERVAL_MS) return
		this.lastRefusalNoticeAt = now
		this.send(encodePermissionDenied(refusalReason(code, detail)))
	}

	/**
	 * Checks that the peer is still there: a socket whose other end vanished (a laptop closed
	 * mid-session) is dropped within seconds instead of at the next heartbeat.
	 */
	probe(): void {
		if (this.probeTimer || !this.isOpen) return
		this.answeredPing = false
		this.socket.ping()
		this.probeTimer = setTimeout(() => {
			if (!this.answeredPing) this.socket.terminate()
		}, PROBE_TIMEOUT_MS)
	}

	close(code: number, reason: string): void {
		// Close reasons are limited to 123 bytes by RFC 6455.
		if (this.socket.readyState <= this.socket.OPEN) this.socket.close(code, reason.slice(0, 120))
	}
}
