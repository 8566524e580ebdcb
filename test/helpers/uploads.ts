import net from 'node:net'
import { BOARDS_PATH, createdBoardBody, readBody, UPLOAD_BOARD_HEADER, UPLOADS_PATH, type CreatedBoardBody } from '../../shared/wire/http'

/** A board made the way the landing page makes one, so uploads have a board to belong to. */
export async function createBoard(httpUrl: string): Promise<CreatedBoardBody> {
	const response = await fetch(httpUrl + BOARDS_PATH, { method: 'POST' })
	if (response.status !== 201) throw new Error(`creating a board answered HTTP ${response.status}`)
	return readBody(response, BOARDS_PATH, createdBoardBody)
}

export type UploadRequest = {
	/** The X-Board-Id header; undefined sends none. */
	boardId: string | undefined
	type?: string
	/** Sent as X-Forwarded-For, to be counted as that client behind a trusted proxy. */
	forwardedFor?: string
	signal?: AbortSignal
}

const headersOf = ({ boardId, type = 'image/png', forwardedFor }: UploadRequest): Record<string, string> => ({
	'Content-Type': type,
	...(boardId === undefined ? {} : { [UPLOAD_BOARD_HEADER]: boardId }),
	...(forwardedFor === undefined ? {} : { 'X-Forwarded-For': forwardedFor }),
})

/** `POST /uploads` as the browser sends it: the whole file, with its length declared. */
export function upload(httpUrl: string, body: Uint8Array<ArrayBuffer>, request: UploadRequest): Promise<Response> {
	return fetch(httpUrl + UPLOADS_PATH, { method: 'POST', body, headers: headersOf(request), signal: request.signal })
}

/**
 * `POST /uploads` with a chunked body and no declared length, so the server only learns the size
 * as the bytes arrive. `chunks` is pulled lazily.
 *
 * What fetch pulled is no measure of what the server read: fetch stops sending once an answer has
 * come in, and once its connection fails it pulls the rest of the body to its end into nothing.
 * `socketUpload` tells what the connection took.
 */
export function streamedUpload(httpUrl: string, chunks: Iterator<Uint8Array> | AsyncIterator<Uint8Array>, request: UploadRequest): Promise<Response> {
	const body = new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				const next = await chunks.next()
				if (next.done) return controller.close()
				controller.enqueue(next.value)
			},
		},
		{ highWaterMark: 0 },
	)
	return fetch(httpUrl + UPLOADS_PATH, { method: 'POST', body, headers: headersOf(request), signal: request.signal, duplex: 'half' } as RequestInit)
}

export type SocketUpload = {
	/**
	 * Body bytes the connection took: everything the server read, and beyond that at most what the
	 * two sockets' buffers held when it was cut (a few MiB on loopback).
	 */
	sent: number
	/** False when the connection failed before the whole body was out. */
	sentWhole: boolean
	/** The answer read off the connection, undefined when none came before it closed. */
	answer: { status: number; body: string } | undefined
}

/**
 * `POST /uploads` with a chunked body over a plain socket, sent the way a browser sends it: the
 * whole body first, where a failed write breaks off the upload, and only then the answer. Unlike
 * fetch in Node it does not stop sending when an answer comes early, so it is also the client
 * that goes on and on whatever it is told; and it counts the bytes the connection took.
 */
export async function socketUpload(
	port: number,
	chunks: Iterable<Uint8Array>,
	request: UploadRequest & {
		/** Sent as Content-Length, with the body as it is; without it the body goes chunked. */
		declaredLength?: number
	},
): Promise<SocketUpload> {
	const socket = net.connect(port, '127.0.0.1')
	// A cut shows as failed writes and the close; the error itself tells nothing more.
	socket.on('error', () => {})
	const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
	let received = Buffer.alloc(0)
	socket.on('data', (chunk: Buffer) => (received = Buffer.concat([received, chunk])))
	// Resolves once the bytes are handed to the kernel, false when the connection failed first.
	const write = (data: string | Uint8Array) => new Promise<boolean>((resolve) => socket.write(data, (error) => resolve(!error)))

	const chunked = request.declaredLength === undefined
	const framing = chunked ? { 'Transfer-Encoding': 'chunked' } : { 'Content-Length': String(request.declaredLength) }
	const headers = { Host: `127.0.0.1:${port}`, ...framing, ...headersOf(request) }
	let sentWhole = await write(
		`POST ${UPLOADS_PATH} HTTP/1.1\r\n${Object.entries(headers)
			.map(([name, value]) => `${name}: ${value}\r\n`)
			.join('')}\r\n`,
	)
	let sent = 0
	for (const chunk of chunks) {
		if (!sentWhole) break
		sentWhole = await write(chunked ? Buffer.concat([Buffer.from(`${chunk.byteLength.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]) : chunk)
		if (sentWhole) sent += chunk.byteLength
	}
	if (sentWhole && chunked) sentWhole = await write('0\r\n\r\n')

	// Until the answer is whole (the server may keep the connection open after it) or the connection closes.
	const answer = () => {
		const headerEnd = received.indexOf('\r\n\r\n')
		if (headerEnd < 0) return undefined
		const head = received.subarray(0, headerEnd).toString('latin1')
		const status = /^HTTP\/1\.1 (\d{3}) /.exec(head)
		const length = /\r\ncontent-length: *(\d+)/i.exec(head)
		const body = received.subarray(headerEnd + 4)
		if (!status || !length || body.length < Number(length[1])) return undefined
		return { status: Number(status[1]), body: body.subarray(0, Number(length[1])).toString() }
	}
	if (!answer()) await Promise.race([closed, new Promise<void>((resolve) => socket.on('data', () => answer() && resolve()))])
	const result = { sent, sentWhole, answer: answer() }
	socket.destroy()
	await closed
	return result
}
