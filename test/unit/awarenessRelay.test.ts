import { describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { AwarenessRelay } from '../../server/relay/AwarenessRelay'

const entry = (clientId: number, clock: number, state: unknown) => ({ clientId, clock, json: JSON.stringify(state) })

function receiverOf(relay: AwarenessRelay, ids: number[]) {
	const awareness = new awarenessProtocol.Awareness(new Y.Doc())
	awareness.setLocalState(null)
	awarenessProtocol.applyAwarenessUpdate(awareness, relay.encodeUpdate(ids), 'relay')
	return awareness
}

describe('AwarenessRelay', () => {
	it('keeps the newest state per client by clock and forwards it byte for byte', () => {
		const relay = new AwarenessRelay()
		const owner = {}
		expect(relay.apply([entry(7, 1, { cursor: { x: 1 } })], owner)).toEqual([7])
		expect(relay.apply([entry(7, 3, { cursor: { x: 3 } })], owner)).toEqual([7])
		expect(relay.apply([entry(7, 2, { cursor: { x: 2 } })], owner)).toEqual([])
		expect(receiverOf(relay, [7]).getStates().get(7)).toEqual({ cursor: { x: 3 } })
	})

	it('a renewal with the same state but a higher clock counts as a change, so peers keep the client alive', () => {
		const relay = new AwarenessRelay()
		relay.apply([entry(7, 1, { a: 1 })], {})
		expect(relay.apply([entry(7, 2, { a: 1 })], {})).toEqual([7])
	})

	it('a null state removes the client, and an older state cannot bring it back', () => {
		const relay = new AwarenessRelay()
		relay.apply([entry(7, 4, { a: 1 })], {})
		expect(relay.apply([{ clientId: 7, clock: 4, json: 'null' }], {})).toEqual([7])
		expect(relay.clientIds).toEqual([])
		expect(relay.apply([entry(7, 3, { a: 1 })], {})).toEqual([])
		const receiver = new awarenessProtocol.Awareness(new Y.Doc())
		awarenessProtocol.applyAwarenessUpdate(receiver, new AwarenessRelayWith(7, 4, { a: 1 }).encodeUpdate([7]), 'relay')
		awarenessProtocol.applyAwarenessUpdate(receiver, relay.encodeUpdate([7]), 'relay')
		expect(receiver.getStates().has(7)).toBe(false)
	})

	it('removes every state a closed connection announced, and only those', () => {
		const relay = new AwarenessRelay()
		const leaving = {}
		relay.apply([entry(1, 1, { a: 1 }), entry(2, 1, { b: 1 })], leaving)
		relay.apply([entry(3, 1, { c: 1 })], {})
		expect(relay.removeOwnedBy(leaving).sort()).toEqual([1, 2])
		expect(relay.clientIds).toEqual([3])
	})
})

/** A relay holding one state, to prime a receiver. */
class AwarenessRelayWith extends AwarenessRelay {
	constructor(clientId: number, clock: number, state: unknown) {
		super()
		this.apply([entry(clientId, clock, state)], {})
	}
}
