import { describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { AwarenessRelay, type AwarenessLimits } from '../../server/relay/AwarenessRelay'
import { ClientIdClaims, RECONNECT_RESERVATION_MS } from '../../server/relay/ClientIdClaims'

type Owner = { readonly address: string; readonly participantId: string }

const LIMITS: AwarenessLimits = { maxAwarenessClientsPerConnection: 4, maxAwarenessStateBytes: 1024 }

const entry = (clientId: number, clock: number, state: unknown) => ({ clientId, clock, json: JSON.stringify(state) })
const removal = (clientId: number, clock: number) => ({ clientId, clock, json: 'null' })

/** A connection from `address`; each call is another connection. */
let connections = 0
const connection = (address = '192.0.2.1'): Owner => ({ address, participantId: `person-${++connections}` })

function newRelay(limits: AwarenessLimits = LIMITS, now?: () => number) {
	const claims = new ClientIdClaims<Owner>(now)
	return { relay: new AwarenessRelay<Owner>(limits, claims), claims }
}

function receiverOf(relay: AwarenessRelay<Owner>, ids: number[], primed?: Uint8Array) {
	const awareness = new awarenessProtocol.Awareness(new Y.Doc())
	awareness.setLocalState(null)
	if (primed) awarenessProtocol.applyAwarenessUpdate(awareness, primed, 'earlier')
	awarenessProtocol.applyAwarenessUpdate(awareness, relay.encodeUpdate(ids), 'relay')
	return awareness
}

describe('AwarenessRelay', () => {
	it('keeps the newest state per client by clock and forwards it byte for byte', () => {
		const { relay } = newRelay()
		const owner = connection()
		expect(relay.apply([entry(7, 1, { cursor: { x: 1 } })], owner)).toEqual({ changed: [7], refusal: null })
		expect(relay.apply([entry(7, 3, { cursor: { x: 3 } })], owner).changed).toEqual([7])
		expect(relay.apply([entry(7, 2, { cursor: { x: 2 } })], owner).changed).toEqual([])
		expect(receiverOf(relay, [7]).getStates().get(7)).toEqual({ cursor: { x: 3 } })
	})

	it('a renewal with the same state but a higher clock counts as a change, so peers keep the client alive', () => {
		const { relay } = newRelay()
		const owner = connection()
		relay.apply([entry(7, 1, { a: 1 })], owner)
		expect(relay.apply([entry(7, 2, { a: 1 })], owner).changed).toEqual([7])
	})

	it('a null state removes the client, and an older state cannot bring it back', () => {
		const { relay } = newRelay()
		const owner = connection()
		relay.apply([entry(7, 4, { a: 1 })], owner)
		expect(relay.apply([removal(7, 4)], owner).changed).toEqual([7])
		expect(relay.clientIds).toEqual([])
		expect(relay.apply([entry(7, 3, { a: 1 })], owner).changed).toEqual([])
		const before = newRelay()
		before.relay.apply([entry(7, 4, { a: 1 })], owner)
		expect(
			receiverOf(relay, [7], before.relay.encodeUpdate([7]))
				.getStates()
				.has(7),
		).toBe(false)
	})

	it('removes every state a closed connection announced, and only those', () => {
		const { relay } = newRelay()
		const leaving = connection()
		relay.apply([entry(1, 1, { a: 1 }), entry(2, 1, { b: 1 })], leaving)
		relay.apply([entry(3, 1, { c: 1 })], connection())
		expect(relay.removeOwnedBy(leaving).sort()).toEqual([1, 2])
		expect(relay.clientIds).toEqual([3])
	})

	it('a connection cannot replace or remove a state another connection announced', () => {
		const { relay } = newRelay()
		const owner = connection()
		const stranger = connection()
		relay.apply([entry(7, 1, { name: 'Ada' })], owner)
		// Stock clients echo the states they received, so these are ignored rather than refused.
		expect(relay.apply([entry(7, 9, { name: 'Mallory' }), removal(7, 9)], stranger)).toEqual({ changed: [], refusal: null })
		expect(receiverOf(relay, [7]).getStates().get(7)).toEqual({ name: 'Ada' })
		expect(relay.removeOwnedBy(stranger)).toEqual([])
		expect(relay.clientIds).toEqual([7])
	})

	it('a removal of an id nobody announced is not remembered, so it cannot block that id later', () => {
		const { relay } = newRelay()
		expect(relay.apply([removal(7, 50)], connection()).changed).toEqual([])
		expect(relay.apply([entry(7, 1, { name: 'Ada' })], connection()).changed).toEqual([7])
	})

	it("an id held by another connection's document writes cannot be announced", () => {
		const { relay, claims } = newRelay()
		const writer = connection()
		claims.claim(7, writer)
		expect(relay.apply([entry(7, 1, { name: 'Mallory' })], connection()).changed).toEqual([])
		expect(relay.apply([entry(7, 1, { name: 'Ada' })], writer).changed).toEqual([7])
	})

	it('announcing an id claims it for the connection', () => {
		const { relay, claims } = newRelay()
		const owner = connection()
		relay.apply([entry(7, 1, {})], owner)
		expect(claims.ownerOf(7)).toBe(owner)
		expect(claims.mayUse(7, connection())).toBe(false)
	})

	it('once the owner has left, its reconnect from the same address may announce its ids again', () => {
		const { relay, claims } = newRelay()
		const first = connection('192.0.2.1')
		relay.apply([entry(7, 3, { name: 'Ada' })], first)
		expect(relay.removeOwnedBy(first)).toEqual([7])
		claims.releaseAll(first)
		const reconnect = connection('192.0.2.1')
		// The departure is remembered one clock past the last state, so the reconnect's next clock passes.
		expect(relay.apply([entry(7, 4, { name: 'Ada' })], reconnect).changed).toEqual([])
		expect(relay.apply([entry(7, 5, { name: 'Ada' })], reconnect).changed).toEqual([7])
	})

	it('ids of a departed owner stay reserved for its address until the reservation expires', () => {
		let now = 0
		const { relay, claims } = newRelay(LIMITS, () => now)
		const first = connection('192.0.2.1')
		relay.apply([entry(7, 3, { name: 'Ada' })], first)
		relay.removeOwnedBy(first)
		claims.releaseAll(first)
		const elsewhere = connection('198.51.100.7')
		expect(relay.apply([entry(7, 10, { name: 'Mallory' })], elsewhere).changed).toEqual([])
		now = RECONNECT_RESERVATION_MS
		expect(relay.apply([entry(7, 10, { name: 'Bob' })], elsewhere).changed).toEqual([7])
	})

	it('a connection announces at most maxAwarenessClientsPerConnection ids; a removal frees a place', () => {
		const { relay } = newRelay({ ...LIMITS, maxAwarenessClientsPerConnection: 2 })
		const owner = connection()
		expect(relay.apply([entry(1, 1, {}), entry(2, 1, {}), entry(3, 1, {})], owner).changed).toEqual([1, 2])
		expect(relay.apply([entry(1, 2, { again: true })], owner).changed).toEqual([1])
		relay.apply([removal(2, 1)], owner)
		expect(relay.apply([entry(3, 1, {})], owner).changed).toEqual([3])
		expect(relay.apply([entry(4, 1, {})], connection()).changed).toEqual([4])
	})

	it('a state over maxAwarenessStateBytes is refused with a message, and peers keep seeing the previous one', () => {
		const { relay } = newRelay()
		const owner = connection()
		relay.apply([entry(7, 1, { selection: [] })], owner)
		const { changed, refusal } = relay.apply([entry(7, 2, { selection: 'x'.repeat(LIMITS.maxAwarenessStateBytes) })], owner)
		expect(changed).toEqual([])
		expect(refusal).toEqual({ code: 'presence-too-large', detail: expect.stringMatching(/MAX_AWARENESS_STATE_BYTES \(1024\)/) })
		expect(receiverOf(relay, [7]).getStates().get(7)).toEqual({ selection: [] })
	})

	it('a state that is not JSON is ignored, as peers could not parse it', () => {
		const { relay } = newRelay()
		const owner = connection()
		expect(relay.apply([{ clientId: 7, clock: 1, json: '{"user": {"name": "Ada"' }], owner)).toEqual({ changed: [], refusal: null })
		expect(relay.clientIds).toEqual([])
		// Nothing was claimed either.
		expect(relay.apply([entry(7, 1, {})], connection()).changed).toEqual([7])
	})

	describe("a presence shows its connection's own identity", () => {
		const presence = (userId: string, color = '#ff802b') => ({ presence: { typeName: 'instance_presence', userId, userName: 'Anna', color } })

		it("under its own user id with a plain colour it goes out; under anyone else's id it is refused and the previous state stays", () => {
			const { relay } = newRelay()
			const anna = connection()
			expect(relay.apply([entry(5, 1, presence(`user:${anna.participantId}`))], anna)).toEqual({ changed: [5], refusal: null })
			const posing = relay.apply([entry(5, 2, presence('user:the-facilitator'))], anna)
			expect(posing.changed).toEqual([])
			expect(posing.refusal?.code).toBe('presence-not-yours')
			expect(receiverOf(relay, [5]).getStates().get(5)).toEqual(presence(`user:${anna.participantId}`))
		})

		it('a colour that is CSS fetching something, or a name past 100 characters, is refused', () => {
			const { relay } = newRelay()
			const bram = connection()
			expect(relay.apply([entry(6, 1, presence(`user:${bram.participantId}`, 'url(https://evil.example/x)'))], bram).refusal?.code).toBe(
				'presence-not-yours',
			)
			const longName = { presence: { ...presence(`user:${bram.participantId}`).presence, userName: 'x'.repeat(101) } }
			expect(relay.apply([entry(6, 1, longName)], bram).refusal?.code).toBe('presence-not-yours')
			expect(relay.clientIds).toEqual([])
		})

		it("awareness without a tldraw presence (a stock client's own fields) and a cleared presence pass", () => {
			const { relay } = newRelay()
			const stock = connection()
			expect(relay.apply([entry(8, 1, { user: { name: 'Ada' } })], stock).refusal).toBeNull()
			expect(relay.apply([entry(8, 2, { presence: null })], stock)).toEqual({ changed: [8], refusal: null })
		})
	})
})
