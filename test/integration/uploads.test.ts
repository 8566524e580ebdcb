import { readdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreatedBoardBody } from '../../shared/wire/http'
import { removeDataDir, startServer, type RunningServer } from '../helpers/serverProcess'
import { createBoard, socketUpload, streamedUpload, upload, type UploadRequest } from '../helpers/uploads'
import { waitFor } from '../helpers/waitFor'

const LIMIT = 64 * 1024

// The smallest valid PNG: a 1x1 transparent pixel.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')
const GIF = Buffer.from('R0lGODlhAQABAAAAACw=', 'base64')
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')

/** A PNG of exactly `bytes` bytes: still recognised as one, whatever follows its signature. */
const pngOf = (bytes: number) => Buffer.concat([PNG, Buffer.alloc(bytes - PNG.length)])

function* chunksOf(bytes: Uint8Array, size: number): Generator<Uint8Array> {
	for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size)
}

/** A PNG streamed in 16 KiB chunks, `bytes` long in all (give or take a chunk). */
function* streamedPng(bytes: number): Generator<Uint8Array> {
	yield PNG
	for (let sent = PNG.length; sent < bytes; sent += 16 * 1024) yield new Uint8Array(16 * 1024)
}

const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error
const urlOf = async (response: Response) => ((await response.json()) as { url: string }).url
/** Bodies being received; a refused or finished upload leaves nothing here. */
const incomingFiles = (server: RunningServer) => readdirSync(path.join(server.dataDir, 'uploads', '.incoming'))

describe('uploads', () => {
	let server: RunningServer
	let board: CreatedBoardBody
	const send = (body: Uint8Array<ArrayBuffer>, request: Partial<UploadRequest> = {}) => upload(server.httpUrl, body, { boardId: board.boardId, ...request })

	beforeAll(async () => {
		server = await startServer({ env: { UPLOAD_MAX_BYTES: String(LIMIT) } })
		board = await createBoard(server.httpUrl)
	})

	afterAll(async () => {
		await server.stop()
		removeDataDir(server)
	})

	it('stores an image under the hash of its bytes and serves it back for good', async () => {
		const response = await send(PNG)
		expect(response.status).toBe(201)
		const url = await urlOf(response)
		expect(url).toMatch(/^\/uploads\/[0-9a-f]{64}\.png$/)
		expect(await urlOf(await send(PNG))).toBe(url)
		const served = await fetch(server.httpUrl + url)
		expect(served.headers.get('content-type')).toBe('image/png')
		expect(served.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/)
		expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG)
	})

	it('stores twelve concurrent uploads of the same bytes once, answering each with its URL', async () => {
		const same = pngOf(40 * 1024)
		const responses = await Promise.all(Array.from({ length: 12 }, () => send(same)))
		expect(responses.map((response) => response.status)).toEqual(Array(12).fill(201))
		const urls = await Promise.all(responses.map(urlOf))
		expect(new Set(urls).size).toBe(1)
		expect(Buffer.from(await (await fetch(server.httpUrl + urls[0])).arrayBuffer())).toEqual(same)
		expect(incomingFiles(server)).toEqual([])
	})

	it('tells the media type by the bytes, not by the declared type', async () => {
		expect(await urlOf(await send(PNG, { type: 'image/jpeg' }))).toMatch(/\.png$/)
		expect(await urlOf(await send(GIF, { type: 'application/octet-stream' }))).toMatch(/\.gif$/)
		// The SVG's opening tag comes after a long prologue, in chunks smaller than what is sniffed.
		const prologue = `<?xml version="1.0"?>\n<!-- ${'x'.repeat(600)} -->\n`
		const svg = Buffer.concat([Buffer.from(prologue), SVG])
		expect(await urlOf(await streamedUpload(server.httpUrl, chunksOf(svg, 100), { boardId: board.boardId }))).toMatch(/\.svg$/)
	})

	it('refuses a file that is not an image whatever its declared type', async () => {
		const response = await send(new TextEncoder().encode('<html><script>alert(1)</script></html>'))
		expect(response.status).toBe(415)
		expect(await errorOf(response)).toMatch(/unsupported file type/)
	})

	it('refuses an empty upload', async () => {
		const response = await send(new Uint8Array(0))
		expect(response.status).toBe(400)
		expect(await errorOf(response)).toMatch(/empty/)
	})

	it('refuses an upload declared over the size limit with a message naming the limit', async () => {
		const response = await send(pngOf(LIMIT + 1))
		expect(response.status).toBe(413)
		expect(await errorOf(response)).toContain(String(LIMIT))
	})

	it('stops storing a streamed upload once it passes the size limit, and leaves no file behind', async () => {
		const before = readdirSync(path.join(server.dataDir, 'uploads'))
		// A little over: all of it is read, so fetch gets to read the answer whether it does so early or once it has sent it all.
		const response = await streamedUpload(server.httpUrl, streamedPng(LIMIT + LIMIT / 2), { boardId: board.boardId })
		expect(response.status).toBe(413)
		expect(await errorOf(response)).toContain(String(LIMIT))
		expect(incomingFiles(server)).toEqual([])
		expect(readdirSync(path.join(server.dataDir, 'uploads'))).toEqual(before)
	})

	it('cuts the connection of a refused upload that goes on and on', async () => {
		// Sent over a plain socket that does not stop for the answer, as a hostile client would not (fetch does).
		const uploaded = await socketUpload(server.port, streamedPng(256 * 1024 * 1024), { boardId: board.boardId })
		expect(uploaded.sentWhole).toBe(false)
		// The 413 may be read before the cut or lost with it: what counts is that the sending stops.
		expect([413, undefined]).toContain(uploaded.answer?.status)
		// The server read the limit and threw away at most another limit's worth; the rest is what the sockets' buffers held.
		expect(uploaded.sent).toBeLessThan(32 * 1024 * 1024)
		expect(incomingFiles(server)).toEqual([])
	})

	it('leaves no file behind when the client gives up halfway', async () => {
		const controller = new AbortController()
		async function* stalling() {
			yield PNG
			yield new Uint8Array(16 * 1024)
			await new Promise((resolve) => controller.signal.addEventListener('abort', resolve))
		}
		const response = streamedUpload(server.httpUrl, stalling(), { boardId: board.boardId, signal: controller.signal })
		await waitFor(() => incomingFiles(server).length === 1, { what: 'the upload to be on its way to disk' })
		controller.abort()
		await expect(response).rejects.toThrow()
		await waitFor(() => incomingFiles(server).length === 0, { what: 'the abandoned upload to be removed' })
	})

	it('serves an SVG sandboxed so it cannot run script on our origin', async () => {
		const url = await urlOf(await send(SVG, { type: 'image/svg+xml' }))
		const served = await fetch(server.httpUrl + url)
		expect(served.headers.get('content-security-policy')).toMatch(/sandbox/)
	})

	it('answers 404 for names that are not stored uploads', async () => {
		for (const name of ['..%2Fpackage.json', 'abc.png', `${'0'.repeat(64)}.png`, '.incoming']) {
			expect((await fetch(`${server.httpUrl}/uploads/${name}`)).status).toBe(404)
		}
	})

	it('takes uploads only for a board that exists, through a link that may edit it', async () => {
		const missing = await send(PNG, { boardId: undefined })
		expect(missing.status).toBe(400)
		expect(await errorOf(missing)).toMatch(/X-Board-Id/)
		expect((await send(PNG, { boardId: 'not a board id' })).status).toBe(400)
		const unknown = await send(PNG, { boardId: 'NoSuchBoardAnywhere123' })
		expect(unknown.status).toBe(404)
		expect(await errorOf(unknown)).toBe('this board does not exist')
		const viewLink = await send(PNG, { boardId: board.viewId })
		expect(viewLink.status).toBe(403)
		expect(await errorOf(viewLink)).toMatch(/view-only/)
	})
})

describe('upload rate limit per address', () => {
	const PER_MINUTE = LIMIT + LIMIT / 2
	let server: RunningServer
	let board: CreatedBoardBody
	const from = (forwardedFor: string, body: Uint8Array<ArrayBuffer>) => upload(server.httpUrl, body, { boardId: board.boardId, forwardedFor })

	beforeAll(async () => {
		// Behind a trusted proxy (the test itself), X-Forwarded-For names the client being counted.
		server = await startServer({ env: { UPLOAD_MAX_BYTES: String(LIMIT), UPLOAD_BYTES_PER_MINUTE: String(PER_MINUTE), TRUSTED_PROXIES: '127.0.0.1' } })
		board = await createBoard(server.httpUrl)
	})

	afterAll(async () => {
		await server.stop()
		removeDataDir(server)
	})

	it('refuses an address past its bytes per minute with Retry-After, and takes it again after that', async () => {
		expect((await from('10.0.0.1', pngOf(LIMIT))).status).toBe(201)
		expect((await from('10.0.0.1', pngOf(PER_MINUTE - LIMIT))).status).toBe(201)
		// Refills at 1,638 bytes a second: 1,500 more bytes have to wait about a second.
		const refused = await from('10.0.0.1', pngOf(1500))
		expect(refused.status).toBe(429)
		const retryAfter = Number(refused.headers.get('retry-after'))
		expect(retryAfter).toBeGreaterThanOrEqual(1)
		expect(await errorOf(refused)).toMatch(/try again in \d+ s/)
		// Another client behind the same proxy has a budget of its own.
		expect((await from('10.0.0.2', pngOf(1500))).status).toBe(201)
		await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000))
		expect((await from('10.0.0.1', pngOf(1500))).status).toBe(201)
	})

	it('counts a streamed upload as it arrives and cuts it off when the budget runs dry', async () => {
		expect((await from('10.0.0.3', pngOf(LIMIT))).status).toBe(201)
		// What is left is half the size limit: the budget, not the size, stops this one.
		const response = await streamedUpload(server.httpUrl, streamedPng(LIMIT), { boardId: board.boardId, forwardedFor: '10.0.0.3' })
		expect(response.status).toBe(429)
		expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
		expect(incomingFiles(server)).toEqual([])
	})
})

describe('a refused upload a little over the limit', () => {
	// Large enough that what is left of the body after the refusal is more than the sockets' buffers
	// hold, so a server that stopped reading at the refusal would break the upload off.
	const MAX = 8 * 1024 * 1024
	const OVER = MAX + (3 * MAX) / 4
	let server: RunningServer
	let board: CreatedBoardBody

	beforeAll(async () => {
		server = await startServer({ env: { UPLOAD_MAX_BYTES: String(MAX) } })
		board = await createBoard(server.httpUrl)
	})

	afterAll(async () => {
		await server.stop()
		removeDataDir(server)
	})

	// Sent the way a browser sends it: all of the body before reading the answer, a broken connection otherwise.
	it.each([
		['streamed, refused as it passes the limit', undefined],
		['declared, refused before a byte is read', OVER],
	])('is read to its end and answered 413 (%s)', async (_, declaredLength) => {
		const uploaded = await socketUpload(server.port, chunksOf(pngOf(OVER), 64 * 1024), { boardId: board.boardId, declaredLength })
		expect(uploaded.sentWhole).toBe(true)
		expect(uploaded.answer?.status).toBe(413)
		expect(uploaded.answer?.body).toContain(String(MAX))
		expect(incomingFiles(server)).toEqual([])
	})
})
