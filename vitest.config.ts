import { defineConfig } from 'vitest/config'

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		// One file at a time: integration and browser tests run real servers and Chromium, and some
		// assert latencies, which two files competing for 2 cores would distort. ~4 minutes in all.
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 60_000,
	},
})
