import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { encodeAwareness, encodeSyncStep1, encodeUpdate } from '../../server/relay/protocol'
import { CLOSE_CODES } from '../../shared/closeCodes'
import { awarenessBatch, deleteSetUpdate, manyEntriesUpdate, nestedMapsUpdate, setUpdate, updateAs } from '../helpers/hostileUpdates'
import { relayTestBed } from '../helpers/relayTestBed'
import type { RunningServer } from '../helpers/serverProcess'
import { waitFor } from '../helpers/waitFor'
import type { YjsClient } from '../helpers/yjsClient'

const MiB = 1024 * 1024
const { serverWith, client: honest, raw, destroyClients } = relayTestBed()

function rssBytes(server: RunningServer): number {
	const status = readFileSync(`/proc/${server.process.pid}/status`, 'utf8')
	return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024
}

/** Milliseconds from an edit on one client of `board` until another one sees it. */
async function roundTrip(writer: YjsClient, reader: YjsClient): Promise<number> {
	const key = `ping-${Math.random()}`
	const started = performance.now()
	writer.doc.getMap('pings').set(key, true)
	await waitFor(() => reader.doc.getMap('pings').get(key), { intervalMs: 1, what: 'a round trip' })
	return performance.now() - started
}

const notesOf = (client: YjsClient) => client.doc.getMap<string>('notes')

describe('the relay refuses hostile updates whole, with a reason, and the board stays usable', () => {
	it('records nested 20,000 and 1,000 maps deep are refused (MAX_UPDATE_ENTRIES, MAX_NESTING_DEPTH); after an idle unload and a kill -9 the board loads with every honest note', async () => {
		const server = await serverWith({ ROOM_IDLE_MS: '100' })
		const anna = await honest(server, 'bricked')
		notesOf(anna).set('anna', 'lower customer-service cost')
		for (const [depth, limit] of [
			[20_000, 'MAX_UPDATE_ENTRIES'],
			[1_000, 'MAX_NESTING_DEPTH'],
		] as const) {
			const attacker = await raw(server, 'bricked')
			attacker.socket.send(encodeUpdate(nestedMapsUpdate(depth)))
			const closed = await attacker.closed
			expect(closed.code).toBe(CLOSE_CODES.updateRefused)
			expect(closed.reason).toContain(limit)
		}

		// The 8-byte delete of the deep record's top item: it was never applied, so this deletes
		// clocks the server never received.
		const second = await raw(server, 'bricked')
		const deepRecordClient = Y.decodeUpdate(nestedMapsUpdate(1)).structs[0]!.id.client
		second.socket.send(encodeUpdate(deleteSetUpdate(deepRecordClient, 0, 1)))
		notesOf(anna).set('anna-2', 'webcare')
		const bram = await honest(server, 'bricked')
		await waitFor(() => notesOf(bram).get('anna-2'), { what: 'a later honest note' })
		expect(bram.doc.getMap('records').size).toBe(0)

		destroyClients()
		second.socket.terminate()
		await waitFor(async () => ((await (await fetch(`${server.httpUrl}/healthz`)).json()) as { loadedBoards: number }).loadedBoards === 0, {
			what: 'the board to be unloaded',
		})
		await server.kill9()
		const restarted = await serverWith({}, server.dataDir)
		const newcomer = await honest(restarted, 'bricked')
		expect(notesOf(newcomer).toJSON()).toEqual({ anna: 'lower customer-service cost', 'anna-2': 'webcare' })
	})

	it("a delete set covering another person's future clocks is not applied or forwarded: that person's later notes reach everyone", async () => {
		const server = await serverWith()
		const anna = await honest(server, 'muted')
		const bram = await honest(server, 'muted')
		notesOf(anna).set('first', 'problem statement')
		await waitFor(() => notesOf(bram).get('first'), { what: "Anna's first note" })
		const attacker = await raw(server, 'muted')
		const annaClock = Y.getState(anna.doc.store, anna.doc.clientID)
		attacker.socket.send(encodeUpdate(deleteSetUpdate(anna.doc.clientID, annaClock, 10_000)))
		await attacker.firstMessage

		for (let index = 0; index < 5; index++) notesOf(anna).set(`later-${index}`, 'target group')
		await waitFor(() => notesOf(bram).size === 6, { what: "Anna's later notes at Bram's" })
		const carla = await honest(server, 'muted')
		expect(notesOf(carla).size).toBe(6)
		anna.provider.disconnect()
		anna.provider.connect()
		await waitFor(() => anna.provider.synced, { what: 'Anna to resync' })
		expect(notesOf(anna).size).toBe(6)
	})

	it("changes forged under another connection's client id are refused; that person's own edits still arrive", async () => {
		const server = await serverWith()
		const anna = await honest(server, 'forged')
		const bram = await honest(server, 'forged')
		notesOf(anna).set('real', 'mediaplan')
		await waitFor(() => notesOf(bram).get('real'), { what: "Anna's note" })
		const attacker = await raw(server, 'forged')
		attacker.socket.send(encodeUpdate(updateAs(anna.doc.clientID, anna.doc, (doc) => doc.getMap('notes').set('forged', 'the CEO is the problem'))))
		notesOf(anna).set('after', 'measurement')
		await waitFor(() => notesOf(bram).get('after'), { what: "Anna's next note" })
		expect(notesOf(bram).get('forged')).toBeUndefined()
		const carla = await honest(server, 'forged')
		expect(notesOf(carla).toJSON()).toEqual({ real: 'mediaplan', after: 'measurement' })
	})

	it('an 8-byte delete for a client that never existed is refused and idle clients do not start resyncing, also after a restart', async () => {
		const server = await serverWith()
		const anna = await honest(server, 'resync')
		notesOf(anna).set('note', 'x')
		const attacker = await raw(server, 'resync')
		attacker.socket.send(encodeUpdate(deleteSetUpdate(123_456_789, 0, 1)))
		notesOf(anna).set('another', 'y')

		const messagesIn = async (client: YjsClient, ms: number) => {
			let count = 0
			const counter = () => count++
			client.provider.ws!.addEventListener('message', counter)
			await new Promise((resolve) => setTimeout(resolve, ms))
			client.provider.ws!.removeEventListener('message', counter)
			return count
		}
		const bram = await honest(server, 'resync')
		expect(await messagesIn(bram, 1500)).toBeLessThan(5)
		await server.stop()
		const restarted = await serverWith({}, server.dataDir)
		const carla = await honest(restarted, 'resync')
		carla.doc.getMap('notes').set('carla', 'z')
		expect(await messagesIn(carla, 1500)).toBeLessThan(5)
		expect(notesOf(carla).toJSON()).toEqual({ note: 'x', another: 'y', carla: 'z' })
	})

	it('a key of 3.5 MiB is refused (MAX_KEY_LENGTH), so deleted keys cannot grow a board past what a newcomer can receive', async () => {
		const server = await serverWith()
		const attacker = await raw(server, 'long-keys')
		attacker.socket.send(encodeUpdate(setUpdate('notes', 'k'.repeat(3.5 * MiB), 1)))
		const closed = await attacker.closed
		expect(closed.code).toBe(CLOSE_CODES.updateRefused)
		expect(closed.reason).toContain('MAX_KEY_LENGTH')
	})

	it('awareness: a socket speaks for at most 4 ids of its own, states over MAX_AWARENESS_STATE_BYTES are ignored, a flood of 300,000 removals is refused unread', async () => {
		const server = await serverWith()
		const anna = await honest(server, 'awareness')
		anna.provider.awareness.setLocalStateField('user', { name: 'Anna' })
		const bram = await honest(server, 'awareness')
		await waitFor(() => bram.provider.awareness.getStates().get(anna.doc.clientID), { what: "Anna's presence at Bram's" })
		const attacker = await raw(server, 'awareness')
		const bulky = 'x'.repeat(90 * 1024)
		attacker.socket.send(
			encodeAwareness(awarenessBatch(Array.from({ length: 40 }, (_, index) => ({ clientId: 1000 + index, clock: 1, state: { bulky } })))),
		)
		attacker.socket.send(encodeAwareness(awarenessBatch([{ clientId: 2000, clock: 1, state: { huge: 'y'.repeat(1 * MiB) } }])))
		attacker.socket.send(encodeAwareness(awarenessBatch([{ clientId: anna.doc.clientID, clock: 99, state: { user: { name: 'Facilitator' } } }])))
		const removals = Array.from({ length: 300_000 }, (_, index) => ({ clientId: 5_000_000 + index, clock: 1, state: null }))
		const before = rssBytes(server)
		attacker.socket.send(encodeAwareness(awarenessBatch(removals)))
		const closed = await attacker.closed
		expect(closed.code).toBe(CLOSE_CODES.malformedMessage)
		expect(closed.reason).toContain('300000 clients')
		anna.provider.awareness.setLocalStateField('user', { name: 'Anna', moved: true })
		await waitFor(() => (bram.provider.awareness.getStates().get(anna.doc.clientID) as { user?: { moved?: boolean } })?.user?.moved, {
			what: "Anna's next move",
		})
		const foreign = [...bram.provider.awareness.getStates().keys()].filter((id) => id >= 1000 && id < 3000)
		expect(foreign.length).toBeLessThanOrEqual(4)
		expect(foreign).not.toContain(2000)
		expect((bram.provider.awareness.getStates().get(anna.doc.clientID) as { user: { name: string } }).user.name).toBe('Anna')
		expect(rssBytes(server) - before).toBeLessThan(20 * MiB)
	})

	it('an update of 150,000 entries is refused (MAX_UPDATE_ENTRIES); none of the largest allowed ones costs the server 50 ms of CPU, and other boards keep working', async () => {
		// Built before anything is timed: building them is this process's work, not the server's,
		// and its garbage would be collected in the middle of a round trip.
		const flood = encodeUpdate(manyEntriesUpdate(150_000))
		const largestAllowed = Array.from({ length: 9 }, (_, round) => encodeUpdate(manyEntriesUpdate(2_450, `allowed-${round}`)))
		expect(flood.byteLength).toBeLessThan(4 * MiB)
		const server = await serverWith()
		const [writer, reader] = [await honest(server, 'bystander'), await honest(server, 'bystander')]
		await roundTrip(writer, reader)
		const flooder = await raw(server, 'flooded')
		flooder.socket.send(flood)
		const closed = await flooder.closed
		expect(closed.code).toBe(CLOSE_CODES.updateRefused)
		expect(closed.reason).toContain('MAX_UPDATE_ENTRIES')

		const allowed = await raw(server, 'flooded')
		// The first rounds warm the server's code up (V8 compiles it as it runs), as on any server that
		// has run for a minute. What a frame costs is read from the server's own CPU accounting: a round
		// trip's wall time also counts whatever else the machine runs (the bench measures latency).
		const WARM_UP = 6
		let slowFramesBefore = 0
		for (const [round, update] of largestAllowed.entries()) {
			if (round === WARM_UP) slowFramesBefore = (server.output().match(/a message held the event loop/g) ?? []).length
			allowed.socket.send(update)
			await roundTrip(writer, reader)
		}
		const slowFrames = server.output().match(/a message held the event loop[^\n]*/g) ?? []
		expect(slowFrames.slice(slowFramesBefore), slowFrames.join('\n')).toEqual([])
	})

	it('20 sockets that ask for a 12 MiB board and stop reading raise the server RSS by less than 100 MiB; the board they asked for does not count as a backlog', async () => {
		const server = await serverWith({ MAX_SEND_BUFFER_BYTES: String(4 * MiB) })
		const writer = await honest(server, 'twelve')
		for (let index = 0; index < 12; index++) {
			notesOf(writer).set(`mb-${index}`, String.fromCharCode(65 + index).repeat(MiB - 64))
			await waitFor(() => writer.provider.ws!.bufferedAmount === 0, { what: 'a megabyte sent' })
		}
		await new Promise((resolve) => setTimeout(resolve, 500))
		const before = rssBytes(server)
		const readers = await Promise.all(Array.from({ length: 20 }, () => raw(server, 'twelve')))
		for (const { socket } of readers) {
			// Stop reading at the TCP level: the server's sends pile up in its socket buffers.
			;(socket as unknown as { _socket: { pause(): void } })._socket.pause()
			socket.send(encodeSyncStep1(new Uint8Array([0])))
		}
		await new Promise((resolve) => setTimeout(resolve, 1000))
		// Sent to every reader behind the 12 MiB they asked for: over MAX_SEND_BUFFER_BYTES only if that counted.
		notesOf(writer).set('after', 'one more note')
		await new Promise((resolve) => setTimeout(resolve, 1000))
		expect(rssBytes(server) - before).toBeLessThan(100 * MiB)
		expect(readers.filter(({ socket }) => socket.readyState !== WebSocket.OPEN)).toHaveLength(0)
		const [first] = readers
		let received = 0
		first!.socket.on('message', (data: Buffer) => (received += data.byteLength))
		;(first!.socket as unknown as { _socket: { resume(): void } })._socket.resume()
		await waitFor(() => received > 12 * (MiB - 64), { what: 'the whole board at a reader that reads again' })
	})
})
