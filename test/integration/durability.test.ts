import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { decodeSyncStep1, encodeSyncStep1, encodeUpdate } from '../../shared/wire/messages'
import { openRawSocket } from '../helpers/rawSocket'
import { removeDataDir, startServer, type RunningServer } from '../helpers/serverProcess'
import { connectSynced, type YjsClient } from '../helpers/yjsClient'
import { waitFor } from '../helpers/waitFor'

const EDITS = 100
let servers: RunningServer[] = []
let clients: YjsClient[] = []

afterEach(async () => {
	for (const client of clients) client.destroy()
	clients = []
	for (const server of servers) if (server.process.exitCode === null) await server.kill9()
	removeDataDir(servers[0]!)
	servers = []
})

async function start(dataDir?: string) {
	const server = await startServer({ dataDir })
	servers.push(server)
	return server
}

async function connect(server: RunningServer, boardId: string) {
	const client = await connectSynced(server.relayUrl, boardId)
	clients.push(client)
	return client
}

describe('durability', () => {
	it(`${EDITS} edits made over a second before kill -9 are all there after a restart`, async () => {
		const first = await start()
		const writer = await connect(first, 'durable')
		const notes = writer.doc.getMap<number>('notes')
		for (let i = 0; i < EDITS; i++) notes.set(`note-${i}`, i)
		await waitFor(() => writer.provider.ws?.bufferedAmount === 0, { what: 'edits sent' })
		await new Promise((resolve) => setTimeout(resolve, 1100))
		await first.kill9()

		const second = await start(first.dataDir)
		const reader = await connect(second, 'durable')
		const restored = reader.doc.getMap<number>('notes')
		expect(restored.size).toBe(EDITS)
		for (let i = 0; i < EDITS; i++) expect(restored.get(`note-${i}`)).toBe(i)
	})

	it.each([1, 2, 3])('kill -9 at a random moment of a write burst loses no edit the relay confirmed as saved (trial %i)', async () => {
		const first = await start()
		const { socket } = await openRawSocket(`${first.relayUrl}/burst`)
		const doc = new Y.Doc()
		const notes = doc.getMap<number>('notes')
		// As the browser does: every edit goes out at once, and now and then we ask the server to
		// confirm; its sync step 1 carries the state vector of what it holds on disk.
		let confirmed = 0
		socket.on('message', (data: Buffer) => {
			const stateVector = decodeSyncStep1(new Uint8Array(data))
			if (stateVector) confirmed = Math.max(confirmed, stateVector.get(doc.clientID) ?? 0)
		})
		doc.on('update', (update: Uint8Array) => socket.send(encodeUpdate(update)))
		const askToConfirm = () => socket.send(encodeSyncStep1(Y.encodeStateVector(doc)))
		const burstMs = 300 + Math.random() * 700
		const started = Date.now()
		let edits = 0
		while (Date.now() - started < burstMs) {
			notes.set(`note-${edits}`, edits)
			edits++
			if (edits % 5 === 0) askToConfirm()
			await new Promise((resolve) => setTimeout(resolve, 2))
		}
		await first.kill9()
		expect(confirmed).toBeGreaterThan(0)

		const second = await start(first.dataDir)
		const reader = await connect(second, 'burst')
		const restored = reader.doc.getMap<number>('notes')
		// Each set is one item, so edit i has clock i: every edit below the confirmed clock must be there.
		const lost = Array.from({ length: confirmed }, (_, index) => index).filter((index) => restored.get(`note-${index}`) !== index)
		expect(lost).toEqual([])
	})

	it('SIGTERM writes edits made 10 ms before it and exits 0', async () => {
		const first = await start()
		const writer = await connect(first, 'graceful')
		writer.doc.getMap('m').set('last-second', 'edit')
		await waitFor(() => writer.provider.ws?.bufferedAmount === 0, { what: 'edit sent' })
		await new Promise((resolve) => setTimeout(resolve, 10))
		expect(await first.stop()).toBe(0)
		expect(first.output()).toContain('shutdown complete')

		const second = await start(first.dataDir)
		const reader = await connect(second, 'graceful')
		expect(reader.doc.getMap('m').get('last-second')).toBe('edit')
	})

	it('a board that was only joined, never written, leaves nothing on disk to restore', async () => {
		const first = await start()
		await connect(first, 'only-looked')
		await first.kill9()
		const second = await start(first.dataDir)
		const reader = await connect(second, 'only-looked')
		expect(reader.doc.share.size).toBe(0)
	})
})
