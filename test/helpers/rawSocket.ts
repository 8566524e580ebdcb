import net from 'node:net'
import WebSocket from 'ws'

export type Closed = { code: number; reason: string }

/**
 * A bare websocket to the relay, for sending what no well-behaved client would. `firstMessage` is
 * listened for from the start: the server's first frame can arrive in the same TCP read as the
 * upgrade answer, and is then emitted before anyone awaiting 'open' could attach a listener.
 */
export async function openRawSocket(
	url: string,
	options?: WebSocket.ClientOptions,
): Promise<{ socket: WebSocket; closed: Promise<Closed>; firstMessage: Promise<Buffer> }> {
	const socket = new WebSocket(url, options)
	const closed = new Promise<Closed>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })))
	const firstMessage = new Promise<Buffer>((resolve) => socket.once('message', (data: Buffer) => resolve(data)))
	socket.on('error', () => {})
	await new Promise<void>((resolve, reject) => {
		socket.once('open', () => resolve())
		socket.once('close', (code) => reject(new Error(`closed before opening (${code})`)))
	})
	return { socket, closed, firstMessage }
}

/**
 * Sends a websocket upgrade for `rawPath` byte for byte (no URL normalisation, unlike every
 * client library) and reads the server's first close frame.
 */
export function upgradeWithRawPath(port: number, rawPath: string): Promise<{ status: string; close?: Closed }> {
	return new Promise((resolve, reject) => {
		const socket = net.connect(port, '127.0.0.1', () => {
			socket.write(
				`GET ${rawPath} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
					`Sec-WebSocket-Key: ${Buffer.from('0123456789abcdef').toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
			)
		})
		let received = Buffer.alloc(0)
		socket.on('data', (chunk) => {
			received = Buffer.concat([received, chunk])
			const headerEnd = received.indexOf('\r\n\r\n')
			if (headerEnd < 0) return
			const status = received.subarray(0, received.indexOf('\r\n')).toString()
			const frame = received.subarray(headerEnd + 4)
			if (!status.includes(' 101 ')) {
				socket.destroy()
				return resolve({ status })
			}
			// A server close frame: 0x88, payload length (< 126 here), 2-byte code, reason.
			if (frame.length < 2 || frame.length < 2 + frame[1]!) return
			socket.destroy()
			resolve({ status, close: { code: frame.readUInt16BE(2), reason: frame.subarray(4, 2 + frame[1]!).toString() } })
		})
		socket.on('error', reject)
	})
}
