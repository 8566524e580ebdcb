import type { RawData } from 'ws'
import { CLOSE_CODES } from '../../shared/closeCodes.js'
import type { Connection } from './Connection.js'
import { MessageThrottle } from './MessageThrottle.js'

/** A client throttled without a break for this long is closed: it is flooding, not bursting. */
const MAX_THROTTLED_MS = 5000
const THROTTLE_STREAK_GAP_MS = 1000

/** Frames waiting before the connection's role is known or while it is throttled. */
const MAX_QUEUED_FRAMES = 1000

/**
 * A connection's incoming frames, handled in order and at most at the throttle's rate: above it
 * the socket is paused (TCP pushes back on the sender) and resumed when the next frame may go.
 * What waits is bounded in frames and bytes: a client that sends more before its turn is closed.
 */
export class Inbox {
	private readonly frames: Uint8Array[] = []
	private queuedBytes = 0
	private readonly throttle: MessageThrottle
	private handle: ((frame: Uint8Array) => void) | null = null
	private timer: NodeJS.Timeout | undefined
	private throttledSince = 0
	private lastThrottledAt = Number.NEGATIVE_INFINITY

	constructor(
		private readonly connection: Connection,
		private readonly messagesPerSecond: number,
		private readonly maxQueuedBytes: number,
	) {
		this.throttle = new MessageThrottle(messagesPerSecond, messagesPerSecond * 2)
	}

	push(data: RawData) {
		const frame = toUint8Array(data)
		if (this.frames.length >= MAX_QUEUED_FRAMES || this.queuedBytes + frame.byteLength > this.maxQueuedBytes) {
			this.clear()
			this.connection.close(
				CLOSE_CODES.tooManyMessages,
				`sent more than ${MAX_QUEUED_FRAMES} messages or ${this.maxQueuedBytes} bytes before the server could read them`,
			)
			return
		}
		this.frames.push(frame)
		this.queuedBytes += frame.byteLength
		this.drain()
	}

	start(handle: (frame: Uint8Array) => void) {
		this.handle = handle
		this.drain()
	}

	clear() {
		clearTimeout(this.timer)
		this.frames.length = 0
		this.queuedBytes = 0
	}

	private drain() {
		if (!this.handle || this.timer) return
		while (this.frames.length > 0 && this.connection.isOpen) {
			const wait = this.throttle.delayFor()
			if (wait > 0) return this.pause(wait)
			const frame = this.frames.shift()!
			this.queuedBytes -= frame.byteLength
			this.handle(frame)
		}
	}

	private pause(wait: number) {
		const now = performance.now()
		// A streak of throttling ends only after a full second without any.
		if (now - this.lastThrottledAt > THROTTLE_STREAK_GAP_MS) this.throttledSince = now
		this.lastThrottledAt = now
		if (now - this.throttledSince > MAX_THROTTLED_MS) {
			this.clear()
			this.connection.close(CLOSE_CODES.tooManyMessages, `sent more than ${this.messagesPerSecond} messages per second for ${MAX_THROTTLED_MS / 1000} s`)
			return
		}
		this.connection.socket.pause()
		this.timer = setTimeout(() => {
			this.timer = undefined
			this.connection.socket.resume()
			this.drain()
		}, wait)
	}
}

function toUint8Array(data: RawData): Uint8Array {
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
	if (data instanceof ArrayBuffer) return new Uint8Array(data)
	return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}
