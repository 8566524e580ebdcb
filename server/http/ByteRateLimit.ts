type Bucket = { bytes: number; updatedAt: number }

const MINUTE_MS = 60_000

/**
 * A token bucket of bytes per client address: a full minute's budget at once, refilled steadily,
 * so one large paste passes but a client cannot keep writing to disk faster than the rate.
 * Bytes are counted as they arrive (`take`), so an upload that runs the budget dry is cut off
 * mid-stream, and the bucket may go below zero by what was received meanwhile.
 */
export class ByteRateLimit {
	private readonly buckets = new Map<string, Bucket>()
	private readonly bytesPerMs: number
	private sweptAt: number

	constructor(
		private readonly bytesPerMinute: number,
		private readonly now: () => number = () => performance.now(),
	) {
		this.bytesPerMs = bytesPerMinute / MINUTE_MS
		this.sweptAt = now()
	}

	/** Seconds until `address` may send `bytes` more (at most a full budget's worth); 0 when it may now. */
	secondsUntil(address: string, bytes: number): number {
		const missing = Math.min(bytes, this.bytesPerMinute) - this.refilled(address).bytes
		return missing <= 0 ? 0 : Math.max(1, Math.ceil(missing / this.bytesPerMs / 1000))
	}

	/** Counts bytes received from `address`; false once its budget is spent. */
	take(address: string, bytes: number): boolean {
		const bucket = this.refilled(address)
		bucket.bytes -= bytes
		return bucket.bytes >= 0
	}

	private refilled(address: string): Bucket {
		const now = this.now()
		this.sweep(now)
		const bucket = this.buckets.get(address) ?? { bytes: this.bytesPerMinute, updatedAt: now }
		bucket.bytes = Math.min(this.bytesPerMinute, bucket.bytes + (now - bucket.updatedAt) * this.bytesPerMs)
		bucket.updatedAt = now
		this.buckets.set(address, bucket)
		return bucket
	}

	/** A full bucket is the same as none: dropping them (once a minute) keeps memory to recent uploaders. */
	private sweep(now: number) {
		if (now - this.sweptAt < MINUTE_MS) return
		this.sweptAt = now
		for (const [address, bucket] of this.buckets) {
			if (bucket.bytes + (now - bucket.updatedAt) * this.bytesPerMs >= this.bytesPerMinute) this.buckets.delete(address)
		}
	}
}
