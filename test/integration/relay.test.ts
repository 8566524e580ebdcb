import { readdirSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodeAwareness, encodeUpdate } from '../../server/relay/protocol'
import { CLOSE_CODES } from '../../shared/closeCodes'
import { openRawSocket, upgradeWithRawPath } from '../helpers/rawSocket'
import { removeDataDir, startServer, type RunningServer } from '../helpers/serverProcess'
import { connectSynced, type YjsClient } from '../helpers/yjsClient'
import { waitFor } from '../helpers/waitFor'

let server: RunningServer
const clients: YjsClient[] = []

beforeAll(async () => {
	server = await startServer({ env: { ROOM_IDLE_MS: '300' } })
})

afterAll(async () => {
	for (const client of clients) client.destroy()
	await server.stop()
	removeDataDir(server)
})

async function client(boardId: string) {
	const connected = await connectSynced(server.relayUrl, boardId)
	clients.push(connected)
	return connected
}

describe('relay', () => {
	it('two stock y-websocket clients on one board converge', async () => {
		const alice = await client('converge')
		const bob = await client('converge')
		alice.doc.getMap('m').set('from-alice', 1)
		bob.doc.getMap('m').set('from-bob', 2)
		await waitFor(() => alice.doc.getMap('m').size === 2 && bob.doc.getMap('m').size === 2, { what: 'both edits on both sides' })
		expect(alice.doc.getMap('m').toJSON()).toEqual(bob.doc.getMap('m').toJSON())
	})

	it('boards are isolated from each other', async () => {
		const onA = await client('isolated-a')
		const onB = await client('isolated-b')
		onA.doc.getMap('m').set('only-a', true)
		const witness = await client('isolated-a')
		await waitFor(() => witness.doc.getMap('m').get('only-a'), { what: 'edit on board a' })
		expect(onB.doc.getMap('m').size).toBe(0)
	})

	it('every client of a crowd sees every cursor, however many the awareness tick is sent to', async () => {
		const crowd = await Promise.all(Array.from({ length: 45 }, () => client('crowd')))
		crowd.forEach((member, index) => member.provider.awareness.setLocalStateField('cursor', { x: index, y: 0 }))
		const seesEveryone = (member: YjsClient) =>
			crowd.every(
				(other) => (member.provider.awareness.getStates().get(other.doc.clientID) as { cursor?: { x: number } } | undefined)?.cursor !== undefined,
			)
		await waitFor(() => crowd.every(seesEveryone), { what: 'every cursor at every client' })
		crowd[44]!.doc.getMap('m').set('last-word', 'done')
		await waitFor(() => crowd.every((member) => member.doc.getMap('m').get('last-word') === 'done'), { what: 'an edit at every client' })
	})

	it.each([
		['a path-traversal id', '../x'],
		['an encoded path-traversal id', '..%2Fx'],
		['an encoded dot-dot', '%2e%2e'],
		['an id longer than 64 characters', 'a'.repeat(65)],
		['a non-ASCII id', encodeURIComponent('bórd')],
		['an empty id', ''],
	])('refuses %s with a close code and reason, before touching storage', async (_label, rawId) => {
		const { status, close } = await upgradeWithRawPath(server.port, `/yjs/${rawId}`)
		expect(status).toContain('101')
		expect(close?.code).toBe(CLOSE_CODES.invalidBoardId)
		expect(close?.reason).toMatch(/board id/)
		// What the server makes at start, and nothing for the refused id.
		expect(readdirSync(server.dataDir).sort()).toEqual(['boards', 'identity-key', 'uploads'])
	})

	it.each([
		['garbage bytes', new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x02])],
		['an unknown message type', new Uint8Array([7, 1, 2, 3])],
		['an empty frame', new Uint8Array([])],
		[
			'a truncated document update',
			(() => {
				const doc = new Y.Doc()
				doc.getMap('m').set('key', 'a value long enough to cut in half')
				const frame = encodeUpdate(Y.encodeStateAsUpdate(doc))
				return frame.subarray(0, Math.floor(frame.length / 2))
			})(),
		],
		// One state, whose JSON text claims 123 bytes and has none.
		['a malformed awareness update', encodeAwareness(new Uint8Array([1, 1, 1, 0x7b]))],
	])('closes only the connection that sends %s, and the board keeps its content', async (_label, frame) => {
		const board = `bad-input-${Math.random().toString(36).slice(2)}`
		const honest = await client(board)
		honest.doc.getMap('m').set('kept', 'yes')
		const { socket, closed } = await openRawSocket(`${server.relayUrl}/${board}`)
		socket.send(frame)
		const { code, reason } = await closed
		expect(code).toBe(CLOSE_CODES.malformedMessage)
		expect(reason.length).toBeGreaterThan(5)
		expect(honest.provider.wsconnected).toBe(true)
		const late = await client(board)
		expect(late.doc.getMap('m').get('kept')).toBe('yes')
	})

	it('closes a connection that sends a text frame', async () => {
		const { socket, closed } = await openRawSocket(`${server.relayUrl}/text-frames`)
		socket.send('hello')
		const { code, reason } = await closed
		expect(code).toBe(CLOSE_CODES.unsupportedFrame)
		expect(reason).toMatch(/text frames/)
	})

	it('refuses a 64 MiB frame without buffering it, and stays small and up', async () => {
		const honest = await client('oversized')
		const { socket, closed } = await openRawSocket(`${server.relayUrl}/oversized`)
		socket.send(new Uint8Array(64 * 1024 * 1024))
		const { code } = await closed
		expect(code).toBe(CLOSE_CODES.frameTooLarge)
		expect(residentMegabytes(server.process.pid!)).toBeLessThan(300)
		honest.doc.getMap('m').set('still', 'working')
		const witness = await client('oversized')
		await waitFor(() => witness.doc.getMap('m').get('still') === 'working', { what: 'relay still serving' })
		const health = await fetch(`${server.httpUrl}/healthz`)
		expect(health.status).toBe(200)
	})

	it('unloads an idle board from memory and loads it again on the next join', async () => {
		const writer = await client('idle-unload')
		writer.doc.getMap('m').set('survives', 'unload')
		writer.destroy()
		await waitFor(() => server.output().includes('unloaded idle board {"boardId":"idle-unload"'), {
			what: 'board unloaded',
			timeoutMs: 5000,
		})
		const reader = await client('idle-unload')
		expect(reader.doc.getMap('m').get('survives')).toBe('unload')
	})
})

function residentMegabytes(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8')
	return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024
}
