import { describe, expect, it } from 'vitest'
import { IdentityCap } from '../../server/relay/IdentityCap'
import { chooseSubprotocol, offeredCredentials } from '../../server/relay/offeredCredentials'
import { credentialSubprotocols, RELAY_SUBPROTOCOL } from '../../shared/wire/credentials'

/** The header a browser sends for these subprotocols. */
const header = (protocols: string[]) => protocols.join(', ')

describe('credentials as websocket subprotocols', () => {
	it('what the client offers, the relay reads back', () => {
		const credentials = { identityToken: 'v1.abc_DEF-123.mac-_x', facilitatorKey: 'k3y_-K3Y' }
		const offered = credentialSubprotocols(credentials)
		expect(offered[0]).toBe(RELAY_SUBPROTOCOL)
		expect(offeredCredentials(header(offered))).toEqual(credentials)
		expect(offeredCredentials(header(credentialSubprotocols({ identityToken: null, facilitatorKey: null })))).toEqual({
			identityToken: null,
			facilitatorKey: null,
		})
	})

	it('leaves out a credential that could not travel as a token, so the browser still connects', () => {
		expect(credentialSubprotocols({ identityToken: 'v1.a b', facilitatorKey: 'clé' })).toEqual([RELAY_SUBPROTOCOL])
	})

	it('reads nothing from a client that offered no subprotocol or other ones', () => {
		expect(offeredCredentials(undefined)).toEqual({ identityToken: null, facilitatorKey: null })
		expect(offeredCredentials('chat, sb-id., sb-key.')).toEqual({ identityToken: null, facilitatorKey: null })
	})

	it('answers with our subprotocol only when it was offered', () => {
		expect(chooseSubprotocol(new Set([RELAY_SUBPROTOCOL, 'sb-id.x']))).toBe(RELAY_SUBPROTOCOL)
		expect(chooseSubprotocol(new Set(['chat']))).toBe(false)
	})
})

describe('IdentityCap', () => {
	it('counts distinct ids per board and address, one id however many connections it has', () => {
		const cap = new IdentityCap(2)
		const anna = [cap.admit('board', '10.0.0.1', 'anna'), cap.admit('board', '10.0.0.1', 'anna'), cap.admit('board', '10.0.0.1', 'anna')]
		expect(anna.every((leave) => leave !== null)).toBe(true)
		const bram = cap.admit('board', '10.0.0.1', 'bram')
		expect(bram).not.toBeNull()
		expect(cap.admit('board', '10.0.0.1', 'carla')).toBeNull()
		expect(cap.admit('other-board', '10.0.0.1', 'carla')).not.toBeNull()
		expect(cap.admit('board', '10.0.0.2', 'carla')).not.toBeNull()

		bram!()
		bram!()
		expect(cap.admit('board', '10.0.0.1', 'dirk')).not.toBeNull()
		expect(cap.admit('board', '10.0.0.1', 'bram')).toBeNull()
		anna[0]!()
		anna[1]!()
		expect(cap.admit('board', '10.0.0.1', 'bram')).toBeNull()
		anna[2]!()
		expect(cap.admit('board', '10.0.0.1', 'bram')).not.toBeNull()
	})
})
