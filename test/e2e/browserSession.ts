import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { launchChromium } from '../helpers/browser'
import { removeDataDir, startServer, type RunningServer } from '../helpers/serverProcess'

/**
 * The shared frame of a browser test file: one real server and one Chromium for the file, and a
 * separate browser context per person (their own localStorage and IndexedDB), closed after each test.
 */
export function browserSession(defaults: BrowserContextOptions = {}) {
	let server: RunningServer | undefined
	let browser: Browser | undefined
	const contexts: BrowserContext[] = []

	beforeAll(async () => {
		server = await startServer()
		browser = await launchChromium()
	})
	afterEach(async () => {
		await Promise.all(contexts.splice(0).map((context) => context.close()))
	})
	afterAll(async () => {
		await browser?.close()
		if (server) {
			await server.stop()
			removeDataDir(server)
		}
	})

	return {
		get server(): RunningServer {
			return server!
		},
		/**
		 * A new person: a fresh browser context. Unless `firstVisit`, one who has dismissed the
		 * first-visit hint before, so it does not sit over the canvas a test clicks on.
		 */
		async person({ firstVisit = false, ...options }: BrowserContextOptions & { firstVisit?: boolean } = {}): Promise<BrowserContext> {
			const context = await browser!.newContext({ ...defaults, ...options })
			if (!firstVisit) {
				await context.addInitScript(() => {
					// Also runs in frames without storage (about:blank), where touching it throws.
					try {
						localStorage.setItem('strategy-board:first-visit-hint-dismissed', 'true')
					} catch {
						// Such a frame shows no board, so it has no hint to keep away.
					}
				})
			}
			contexts.push(context)
			return context
		},
	}
}
