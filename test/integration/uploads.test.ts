import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { removeDataDir, startServer, type RunningServer } from '../helpers/serverProcess'

let server: RunningServer
const LIMIT = 64 * 1024

beforeAll(async () => {
	server = await startServer({ env: { UPLOAD_MAX_BYTES: String(LIMIT) } })
})

afterAll(async () => {
	await server.stop()
	removeDataDir(server)
})

// The smallest valid PNG: a 1x1 transparent pixel.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')

const upload = (body: Uint8Array<ArrayBuffer>, type = 'image/png') =>
	fetch(`${server.httpUrl}/uploads`, { method: 'POST', body, headers: { 'Content-Type': type } })

describe('uploads', () => {
	it('stores an image under the hash of its bytes and serves it back', async () => {
		const response = await upload(PNG)
		expect(response.status).toBe(201)
		const { url } = (await response.json()) as { url: string }
		expect(url).toMatch(/^\/uploads\/[0-9a-f]{64}\.png$/)
		const again = (await (await upload(PNG)).json()) as { url: string }
		expect(again.url).toBe(url)
		const served = await fetch(server.httpUrl + url)
		expect(served.headers.get('content-type')).toBe('image/png')
		expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG)
	})

	it('refuses a file that is not an image whatever its declared type', async () => {
		const response = await upload(new TextEncoder().encode('<html><script>alert(1)</script></html>'))
		expect(response.status).toBe(415)
		expect(((await response.json()) as { error: string }).error).toMatch(/unsupported file type/)
	})

	it('refuses an upload over the size limit with a message naming the limit', async () => {
		const big = Buffer.concat([PNG, Buffer.alloc(LIMIT)])
		const response = await upload(big)
		expect(response.status).toBe(413)
		expect(((await response.json()) as { error: string }).error).toContain(String(LIMIT))
	})

	it('serves an SVG sandboxed so it cannot run script on our origin', async () => {
		const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
		const { url } = (await (await upload(svg, 'image/svg+xml')).json()) as { url: string }
		const served = await fetch(server.httpUrl + url)
		expect(served.headers.get('content-security-policy')).toMatch(/sandbox/)
	})

	it('answers 404 for names that are not stored uploads', async () => {
		for (const name of ['..%2Fpackage.json', 'abc.png', `${'0'.repeat(64)}.png`]) {
			expect((await fetch(`${server.httpUrl}/uploads/${name}`)).status).toBe(404)
		}
	})
})
