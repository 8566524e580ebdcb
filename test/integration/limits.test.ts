import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { CLOSE_CODES } from '../../shared/closeCodes'
import { encodeAwareness } from '../../server/relay/protocol'
import { awarenessUpdate } from '../helpers/awarenessUpdate'
import { collectRefusalCodes } from '../helpers/refusalCodes'
import { relayTestBed } from '../helpers/relayTestBed'
import type { RunningServer } from '../helpers/serverProcess'
import { waitFor } from '../helpers/waitFor'
import type { YjsClient } from '../helpers/yjsClient'

const { serverWith, client, raw } = relayTestBed()

/** An awareness frame announcing `clientId` with a cursor, as a browser sends on every move. */
function awarenessFrame(clientId: number, clock: number) {
	return encodeAwareness(awarenessUpdate(clientId, clock, { user: { cursor: { x: clock, y: 0 } } }))
}

async function stillServes(server: RunningServer, board: string, honest: YjsClient) {
	const key = `alive-${Math.random()}`
	honest.doc.getMap('m').set(key, true)
	const witness = await client(server, board)
	await waitFor(() => witness.doc.getMap('m').get(key), { what: 'the relay to keep serving others' })
}

describe('relay limits', () => {
	it('refuses a connection beyond MAX_CONNECTIONS_PER_BOARD and keeps serving the others', async () => {
		const server = await serverWith({ MAX_CONNECTIONS_PER_BOARD: '2' })
		const first = await client(server, 'crowded')
		const second = await client(server, 'crowded')
		const { closed } = await raw(server, 'crowded')
		expect(await closed).toEqual({ code: CLOSE_CODES.boardFull, reason: 'this board already has 2 connections' })
		first.doc.getMap('m').set('still', 'live')
		await waitFor(() => second.doc.getMap('m').get('still') === 'live', { what: 'the two to keep syncing' })
	})

	it('refuses a connection beyond MAX_CONNECTIONS_PER_ADDRESS', async () => {
		const server = await serverWith({ MAX_CONNECTIONS_PER_ADDRESS: '3' })
		for (const board of ['a', 'b', 'c']) await client(server, board)
		const { closed } = await raw(server, 'd')
		const { code, reason } = await closed
		expect(code).toBe(CLOSE_CODES.tooManyFromAddress)
		expect(reason).toContain('more than 3 connections from your address')
	})

	it('behind a trusted proxy, counts connections per client named in X-Forwarded-For; from others the header is ignored', async () => {
		const forwardedFor = (client: string) => ({ headers: { 'x-forwarded-for': client } })
		const accepted = async (opened: { socket: WebSocket; firstMessage: Promise<Buffer> }) => {
			await opened.firstMessage
			return opened.socket.readyState === opened.socket.OPEN
		}
		const proxied = await serverWith({ MAX_CONNECTIONS_PER_ADDRESS: '2', TRUSTED_PROXIES: '127.0.0.1,::1' })
		for (let i = 0; i < 2; i++) expect(await accepted(await raw(proxied, 'office', forwardedFor('198.51.100.1')))).toBe(true)
		const third = await raw(proxied, 'office', forwardedFor('198.51.100.1'))
		expect((await third.closed).code).toBe(CLOSE_CODES.tooManyFromAddress)
		expect(await accepted(await raw(proxied, 'office', forwardedFor('198.51.100.2')))).toBe(true)

		const direct = await serverWith({ MAX_CONNECTIONS_PER_ADDRESS: '2' })
		for (const client of ['198.51.100.1', '198.51.100.2']) expect(await accepted(await raw(direct, 'office', forwardedFor(client)))).toBe(true)
		const spoofed = await raw(direct, 'office', forwardedFor('198.51.100.3'))
		expect((await spoofed.closed).code).toBe(CLOSE_CODES.tooManyFromAddress)
	})

	it('throttles a client over MAX_MESSAGES_PER_SECOND, then closes it with a reason, while others stay live', async () => {
		const server = await serverWith({ MAX_MESSAGES_PER_SECOND: '20' })
		const honest = await client(server, 'flood')
		const { socket, closed } = await raw(server, 'flood')
		let clock = 0
		const flood = setInterval(() => {
			for (let i = 0; i < 20; i++) if (socket.readyState === socket.OPEN) socket.send(awarenessFrame(424242, ++clock))
		}, 20)
		try {
			const { code, reason } = await closed
			expect(code).toBe(CLOSE_CODES.tooManyMessages)
			expect(reason).toMatch(/more than 20 messages per second/)
		} finally {
			clearInterval(flood)
		}
		await stillServes(server, 'flood', honest)
	})

	it('closes a client whose frames pile up unread beyond the queue limit (4429), before or after its role is known', async () => {
		const server = await serverWith({})
		const honest = await client(server, 'queue')
		const { socket, closed } = await raw(server, 'queue')
		const frame = awarenessFrame(42, 1)
		for (let index = 0; index < 3000; index++) socket.send(frame)
		const { code, reason } = await closed
		expect(code).toBe(CLOSE_CODES.tooManyMessages)
		expect(reason).toContain('before the server could read them')
		await stillServes(server, 'queue', honest)
	})

	it('refuses an update that would grow a board past MAX_DOCUMENT_BYTES, and keeps the board as it was', async () => {
		const server = await serverWith({ MAX_DOCUMENT_BYTES: '20000' })
		const writer = await client(server, 'big')
		writer.doc.getMap('m').set('small', 'fits')
		await waitFor(async () => (await client(server, 'big')).doc.getMap('m').get('small'), { what: 'the small edit' })
		const closed = new Promise<{ code: number; reason: string }>((resolve) =>
			writer.provider.once('connection-close', (event) => resolve({ code: event!.code, reason: event!.reason })),
		)
		writer.doc.getMap('m').set('huge', 'x'.repeat(30_000))
		const { code, reason } = await closed
		expect(code).toBe(CLOSE_CODES.documentTooLarge)
		expect(reason).toMatch(/size limit/)
		const reader = await client(server, 'big')
		expect(reader.doc.getMap('m').get('small')).toBe('fits')
		expect(reader.doc.getMap('m').has('huge')).toBe(false)
	})

	it('refuses a cursor state over MAX_AWARENESS_STATE_BYTES with the presence-too-large code, and others keep seeing the previous one', async () => {
		const server = await serverWith({ MAX_AWARENESS_STATE_BYTES: '1024' })
		const ada = await client(server, 'presence')
		const watcher = await client(server, 'presence')
		const refusals = collectRefusalCodes(ada.provider)
		ada.provider.awareness.setLocalStateField('user', { userName: 'Ada' })
		await waitFor(() => watcher.provider.awareness.getStates().get(ada.doc.clientID), { what: "Ada's presence at the watcher" })
		ada.provider.awareness.setLocalStateField('user', { userName: 'Ada', selection: 'x'.repeat(2048) })
		await waitFor(() => refusals.length > 0, { what: 'a refusal' })
		expect(refusals[0]).toBe('presence-too-large')
		expect(watcher.provider.awareness.getStates().get(ada.doc.clientID)).toEqual({ user: { userName: 'Ada' } })
	})

	it('drops a client that stops reading once its backlog passes MAX_SEND_BUFFER_BYTES, while others keep p99 under 50 ms', async () => {
		const server = await serverWith({ MAX_SEND_BUFFER_BYTES: String(64 * 1024) })
		const writer = await client(server, 'slow')
		const probe = await client(server, 'slow')
		const { socket, closed } = await raw(server, 'slow')
		socket.pause()
		const latencies: number[] = []
		probe.doc.getMap<number>('times').observe((event) => {
			for (const key of event.keysChanged) latencies.push(performance.now() - probe.doc.getMap<number>('times').get(key)!)
		})
		let sent = 0
		// Loopback TCP buffers hold MiBs before the server's own backlog grows: keep sending. The
		// chunks stay modest so the probe's own decoding does not become what is measured.
		const chunk = 'y'.repeat(64 * 1024)
		const load = setInterval(() => {
			writer.doc.getMap('bulk').set(`chunk-${sent % 50}`, chunk + sent)
			writer.doc.getMap<number>('times').set(`t-${sent++}`, performance.now())
		}, 10)
		try {
			await waitFor(() => server.output().includes('dropped a connection too slow to receive its board'), {
				timeoutMs: 20_000,
				what: 'the relay to drop the client that does not read',
			})
		} finally {
			clearInterval(load)
		}
		socket.resume()
		// Terminated without a close frame, which would have waited behind the backlog.
		expect((await closed).code).toBe(1006)
		await waitFor(() => latencies.length >= sent, { what: 'every timed edit at the probe' })
		latencies.sort((a, b) => a - b)
		expect(latencies[Math.floor(latencies.length * 0.99)]!).toBeLessThan(50)
	})

	it('drops a client that stops answering pings and removes its cursor from the others', async () => {
		const server = await serverWith({ HEARTBEAT_MS: '300' })
		const watcher = await client(server, 'heartbeat')
		const { socket } = await raw(server, 'heartbeat', { autoPong: false })
		socket.send(awarenessFrame(777, 1))
		await waitFor(() => watcher.provider.awareness.getStates().has(777), { what: 'the silent client to appear' })
		const appearedAt = performance.now()
		await waitFor(() => !watcher.provider.awareness.getStates().has(777), { what: 'its cursor to be removed' })
		expect(performance.now() - appearedAt).toBeLessThan(2000)
	})
})
