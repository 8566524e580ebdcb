import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { encodeUpdate, parseClientMessage } from '../../server/relay/protocol'
import { deleteSetUpdate, nestedMapsUpdate, setUpdate, updateAs } from '../helpers/hostileUpdates'
import { openRawSocket } from '../helpers/rawSocket'
import { removeDataDir, startServer, type RunningServer } from '../helpers/serverProcess'
import { SHAPE_LIMITS } from '../helpers/shapeLimits'
import { waitFor } from '../helpers/waitFor'
import { connectSynced, type YjsClient } from '../helpers/yjsClient'
import { MESSAGE_AUTH } from '../../shared/wire/messages'

/**
 * Random hostile update sequences, interleaved with honest edits of two stock clients, through the
 * real built relay. After every run both honest clients converge with every honest edit, and at
 * the end every board loads from storage in a fresh server process.
 */
const RUNS = 150
const ROOM_IDLE_MS = '150'

let server: RunningServer
const boards = new Map<string, Record<string, string>>()

beforeAll(async () => {
	server = await startServer({ env: { ROOM_IDLE_MS } })
})

afterAll(async () => {
	await server.stop()
	removeDataDir(server)
})

type Honest = { anna: YjsClient; bram: YjsClient }
/** Who is on the board, and the updates the attacker's socket received from the relay so far. */
type Context = { honest: Honest; received: Uint8Array[] }

/** What the attacker sends next, as plain data so a failing run prints readably. */
type Attack =
	| { kind: 'nested'; depth: number }
	| { kind: 'delete'; who: number; clock: number; length: number }
	| { kind: 'truncated'; key: string; cut: number }
	| { kind: 'mutated'; at: number; byte: number }
	| { kind: 'forged'; victim: 'anna' | 'bram' }
	| { kind: 'replayed' }
	| { kind: 'garbage'; bytes: number[] }
	| { kind: 'own'; value: string }

const attackArbitrary: fc.Arbitrary<Attack> = fc.oneof(
	fc.record({ kind: fc.constant('nested' as const), depth: fc.integer({ min: 1, max: 60 }) }),
	fc.record({ kind: fc.constant('delete' as const), who: fc.nat(3), clock: fc.nat(300), length: fc.integer({ min: 1, max: 500 }) }),
	fc.record({
		kind: fc.constant('truncated' as const),
		key: fc.string({ maxLength: 8 }),
		cut: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
	}),
	fc.record({ kind: fc.constant('mutated' as const), at: fc.nat(200), byte: fc.nat(255) }),
	fc.record({ kind: fc.constant('forged' as const), victim: fc.constantFrom('anna' as const, 'bram' as const) }),
	fc.constant({ kind: 'replayed' as const }),
	fc.record({ kind: fc.constant('garbage' as const), bytes: fc.array(fc.nat(255), { minLength: 1, maxLength: 64 }) }),
	fc.record({ kind: fc.constant('own' as const), value: fc.string({ maxLength: 20 }) }),
)

function attackUpdate(attack: Attack, { honest, received }: Context): Uint8Array {
	const lastReceived = received.at(-1) ?? setUpdate('scribbles', 'nothing yet', 0)
	switch (attack.kind) {
		case 'nested':
			return nestedMapsUpdate(attack.depth, `shape:deep-${attack.depth}`)
		case 'delete': {
			const clients = [honest.anna.doc.clientID, honest.bram.doc.clientID, 12345, 2 ** 32 - 1]
			return deleteSetUpdate(clients[attack.who]!, attack.clock, attack.length)
		}
		case 'truncated': {
			const update = setUpdate('notes', `truncated-${attack.key}`, { nested: [attack.key, { deeper: attack.key }] })
			return update.subarray(0, Math.floor(update.byteLength * attack.cut))
		}
		case 'mutated': {
			const mutated = lastReceived.slice()
			mutated[attack.at % mutated.length] = attack.byte
			return mutated
		}
		case 'forged': {
			const victim = honest[attack.victim]
			return updateAs(victim.doc.clientID, victim.doc, (doc) => doc.getMap('notes').set('forged', 'never'))
		}
		case 'replayed':
			return lastReceived
		case 'garbage':
			return new Uint8Array(attack.bytes)
		case 'own':
			return setUpdate('scribbles', 'own', attack.value)
	}
}

const stepArbitrary = fc.oneof(
	{ weight: 3, arbitrary: attackArbitrary.map((attack) => ({ kind: 'attack' as const, attack })) },
	{ weight: 2, arbitrary: fc.boolean().map((byAnna) => ({ kind: 'honest' as const, byAnna })) },
	{ weight: 1, arbitrary: fc.constant({ kind: 'idle' as const }) },
)

/**
 * A raw socket on the board that keeps every document update the relay sends it. Sync and
 * awareness frames read the same in both directions, so the relay's own parser reads them; the
 * relay's refusals of the attacker's writes ("permission denied") are the one kind only it sends.
 */
async function attacker(board: string, received: Uint8Array[]): Promise<WebSocket> {
	const { socket } = await openRawSocket(`${server.relayUrl}/${board}`)
	socket.on('message', (data: Buffer) => {
		if (data[0] === MESSAGE_AUTH) return
		const message = parseClientMessage(new Uint8Array(data), SHAPE_LIMITS)
		if (message.kind === 'update') received.push(message.update)
	})
	return socket
}

describe('fuzzing the relay with hostile update sequences', () => {
	it(`after ${RUNS} random runs both honest clients converge with every honest edit, and every board loads in a fresh process`, async () => {
		let run = 0
		await fc.assert(
			fc.asyncProperty(fc.array(stepArbitrary, { minLength: 4, maxLength: 20 }), async (steps) => {
				const board = `fuzz-${run++}`
				const honest: Honest = { anna: await connectSynced(server.relayUrl, board), bram: await connectSynced(server.relayUrl, board) }
				// As browsers do on joining: their presence makes their client ids known, and theirs.
				honest.anna.provider.awareness.setLocalStateField('user', { name: 'Anna' })
				honest.bram.provider.awareness.setLocalStateField('user', { name: 'Bram' })
				await waitFor(
					() =>
						honest.bram.provider.awareness.getStates().has(honest.anna.doc.clientID) &&
						honest.anna.provider.awareness.getStates().has(honest.bram.doc.clientID),
					{
						what: 'both presences',
					},
				)
				const expected: Record<string, string> = {}
				const received: Uint8Array[] = []
				let socket = await attacker(board, received)
				try {
					for (const [index, step] of steps.entries()) {
						if (step.kind === 'honest') {
							const author = step.byAnna ? honest.anna : honest.bram
							const key = `${step.byAnna ? 'anna' : 'bram'}-${index}`
							author.doc.getMap<string>('notes').set(key, `edit ${index}`)
							expected[key] = `edit ${index}`
						} else if (step.kind === 'idle') {
							await new Promise((resolve) => setTimeout(resolve, 30))
						} else {
							if (socket.readyState !== WebSocket.OPEN) socket = await attacker(board, received)
							socket.send(encodeUpdate(attackUpdate(step.attack, { honest, received })))
						}
					}
					const converged = () =>
						[honest.anna, honest.bram].every(
							(client) => JSON.stringify(sorted(client.doc.getMap('notes').toJSON())) === JSON.stringify(sorted(expected)),
						)
					const notesOf = (client: YjsClient) => JSON.stringify(client.doc.getMap('notes').toJSON())
					await waitFor(converged, { what: `both honest clients on ${board} to hold exactly the honest edits` }).catch((error: Error) => {
						throw new Error(
							`${error.message}: expected ${JSON.stringify(expected)}, Anna has ${notesOf(honest.anna)}, Bram ${notesOf(honest.bram)}`,
						)
					})
					boards.set(board, expected)
				} finally {
					socket.terminate()
					honest.anna.destroy()
					honest.bram.destroy()
				}
			}),
			{ numRuns: RUNS, endOnFailure: true },
		)

		// Everything is merged and written once the boards are idle; then no shutdown gets to help.
		await waitFor(async () => ((await (await fetch(`${server.httpUrl}/healthz`)).json()) as { loadedBoards: number }).loadedBoards === 0, {
			what: 'every board to be unloaded',
		})
		// The relay's last line of defence (a room reloaded because Yjs threw) must never be needed.
		expect(server.output()).not.toContain('could not be applied')
		await server.kill9()
		const fresh = await startServer({ dataDir: server.dataDir })
		try {
			for (const [board, expected] of boards) {
				const reader = await connectSynced(fresh.relayUrl, board)
				expect(sorted(reader.doc.getMap('notes').toJSON()), board).toEqual(sorted(expected))
				reader.destroy()
			}
		} finally {
			await fresh.stop()
		}
	}, 300_000)
})

function sorted(record: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)))
}
