import { describe, expect, it } from 'vitest'
import { MessageThrottle } from '../../server/relay/MessageThrottle'

function clock() {
	let now = 0
	return { now: () => now, advance: (ms: number) => (now += ms) }
}

describe('MessageThrottle', () => {
	it('lets a burst of up to `burst` messages through at once, then asks to wait', () => {
		const time = clock()
		const throttle = new MessageThrottle(10, 20, time.now)
		for (let i = 0; i < 20; i++) expect(throttle.delayFor()).toBe(0)
		expect(throttle.delayFor()).toBe(100)
	})

	it('refills at the average rate, never above the burst', () => {
		const time = clock()
		const throttle = new MessageThrottle(10, 20, time.now)
		for (let i = 0; i < 20; i++) throttle.delayFor()
		time.advance(250)
		expect([throttle.delayFor(), throttle.delayFor(), throttle.delayFor()]).toEqual([0, 0, 50])
		time.advance(60_000)
		let passed = 0
		while (throttle.delayFor() === 0) passed++
		expect(passed).toBe(20)
	})

	it('a steady sender at the average rate is never delayed', () => {
		const time = clock()
		const throttle = new MessageThrottle(50, 100, time.now)
		for (let i = 0; i < 1000; i++) {
			time.advance(20)
			expect(throttle.delayFor()).toBe(0)
		}
	})
})
