/**
 * A token bucket per connection: `ratePerSecond` messages a second on average, bursts up to
 * `burst`. `delayFor()` answers how long to wait before the next message may be handled.
 */
export class MessageThrottle {
	private tokens: number
	private updatedAt: number

	constructor(
		private readonly ratePerSecond: number,
		private readonly burst: number,
		private readonly now: () => number = () => performance.now(),
	) {
		this.tokens = burst
		this.updatedAt = now()
	}

	/** 0 when a message may be handled now (and takes its token); otherwise milliseconds to wait. */
	delayFor(): number {
		const now = this.now()
		this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.ratePerSecond)
		this.updatedAt = now
		if (this.tokens >= 1) {
			this.tokens -= 1
			return 0
		}
		return Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000)
	}
}
