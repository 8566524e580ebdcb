import { defineConfig } from 'vitest/config'

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		// Integration and browser tests start real servers and Chromium: two at a time fits 2 cores.
		maxWorkers: 2,
		testTimeout: 60_000,
		hookTimeout: 60_000,
	},
})
