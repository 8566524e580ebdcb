import type { BrowserContext, Page } from 'playwright-core'

/**
 * A new page in `context` whose received websocket frames are recorded through the DevTools
 * protocol from before it opens any socket: what reached the browser, whatever the page shows.
 * `received()` gives them as one text (binary frames decoded as UTF-8, so note texts are legible).
 */
export async function pageReadingTheWire(context: BrowserContext): Promise<{ page: Page; received: () => string }> {
	const page = await context.newPage()
	const devtools = await context.newCDPSession(page)
	const frames: string[] = []
	devtools.on('Network.webSocketFrameReceived', ({ response }) => {
		frames.push(response.opcode === 2 ? Buffer.from(response.payloadData, 'base64').toString('utf8') : response.payloadData)
	})
	await devtools.send('Network.enable')
	return { page, received: () => frames.join('\n') }
}
