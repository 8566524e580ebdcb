import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CLOSE_CODES } from '../../shared/closeCodes'
import { FACILITATION_MAP, LOCKED_KEY } from '../../shared/facilitationDoc'
import { credentialSubprotocols, RELAY_SUBPROTOCOL, type RelayCredentials } from '../../shared/wire/credentials'
import {
	BOARDS_PATH,
	boardRolePath,
	boardRoleBody,
	boardViewIdPath,
	createdBoardBody,
	FACILITATOR_KEY_HEADER,
	IDENTITY_PATH,
	identityBody,
	readBody,
} from '../../shared/wire/http'
import { collectRefusalCodes } from '../helpers/refusalCodes'
import { relayTestBed } from '../helpers/relayTestBed'
import type { RunningServer } from '../helpers/serverProcess'
import { waitFor } from '../helpers/waitFor'

const { serverWith } = relayTestBed()
const CAP = 2
const capped = () => serverWith({ MAX_IDENTITIES_PER_ADDRESS_PER_BOARD: String(CAP) })

const sockets: WebSocket[] = []
const providers: WebsocketProvider[] = []
afterEach(() => {
	for (const socket of sockets.splice(0)) socket.terminate()
	for (const provider of providers.splice(0)) provider.destroy()
})

async function issueIdentity(server: RunningServer) {
	const response = await fetch(server.httpUrl + IDENTITY_PATH, { method: 'POST' })
	expect(response.status).toBe(201)
	expect(response.headers.get('cache-control')).toBe('no-store')
	return readBody(response, IDENTITY_PATH, identityBody)
}

async function createBoard(server: RunningServer) {
	return readBody(await fetch(server.httpUrl + BOARDS_PATH, { method: 'POST' }), BOARDS_PATH, createdBoardBody)
}

type Outcome = { accepted: true; protocol: string } | { accepted: false; code: number; reason: string }

/**
 * A bare socket on `room` offering `protocols`, as the browser offers its credentials. Accepted
 * once the relay has joined it to the room (its first message), refused when it closes first.
 */
function connect(server: RunningServer, room: string, protocols: string[] = []): Promise<Outcome> {
	const socket = new WebSocket(`${server.relayUrl}/${room}`, protocols)
	sockets.push(socket)
	socket.on('error', () => {})
	return new Promise((resolve) => {
		socket.once('message', () => resolve({ accepted: true, protocol: socket.protocol }))
		socket.once('close', (code, reason) => resolve({ accepted: false, code, reason: reason.toString() }))
	})
}

const offering = (credentials: Partial<RelayCredentials>) => credentialSubprotocols({ identityToken: null, facilitatorKey: null, ...credentials })
const tooManyIdentities = { accepted: false, code: CLOSE_CODES.tooManyIdentities, reason: `more than ${CAP} people on this board from your address` }
const acceptedAs = { accepted: true, protocol: RELAY_SUBPROTOCOL }

/** A y-websocket client the way the browser connects: credentials as subprotocols, nothing in the URL. */
async function openProvider(server: RunningServer, room: string, credentials: Partial<RelayCredentials>) {
	const doc = new Y.Doc()
	const provider = new WebsocketProvider(server.relayUrl, room, doc, {
		WebSocketPolyfill: WebSocket as never,
		disableBc: true,
		protocols: offering(credentials),
	})
	providers.push(provider)
	const refusals = collectRefusalCodes(provider)
	await waitFor(() => provider.synced, { what: `${room} to sync` })
	return { doc, provider, refusals }
}

describe('server-issued identities', () => {
	it('POST /api/identity hands out a new identity every time, never to be cached', async () => {
		const server = await serverWith()
		const [first, second] = [await issueIdentity(server), await issueIdentity(server)]
		expect(first.participantId).not.toBe(second.participantId)
		expect(first.token).toContain(first.participantId)
	})

	it(`counts identities per address and board: one token's reconnects stay one person, the token after ${CAP} is refused with 4411`, async () => {
		const server = await capped()
		const [anna, bram, carla] = [await issueIdentity(server), await issueIdentity(server), await issueIdentity(server)]
		const { boardId } = await createBoard(server)
		const rooms = [boardId, `${boardId}/facilitation`, `${boardId}/support`]
		for (const room of [...rooms, ...rooms]) expect(await connect(server, room, offering({ identityToken: anna.token }))).toEqual(acceptedAs)
		expect(await connect(server, boardId, offering({ identityToken: bram.token }))).toEqual(acceptedAs)
		expect(await connect(server, `${boardId}/support`, offering({ identityToken: carla.token }))).toEqual(tooManyIdentities)
		// Another board is counted apart.
		expect(await connect(server, (await createBoard(server)).boardId, offering({ identityToken: carla.token }))).toEqual(acceptedAs)
		expect(await connect(server, boardId, offering({ identityToken: anna.token }))).toEqual(acceptedAs)
	})

	it('a forged token gets a guest id of its own, not the id it names', async () => {
		const server = await capped()
		const anna = await issueIdentity(server)
		const { boardId } = await createBoard(server)
		expect(await connect(server, boardId, offering({ identityToken: anna.token }))).toEqual(acceptedAs)
		const [version, id, mac] = anna.token.split('.')
		const forgedMac = `${version}.${id}.${mac!.slice(0, -1)}${mac!.endsWith('A') ? 'B' : 'A'}`
		const otherVersion = `v2.${id}.${mac}`
		// Had the relay believed them, both would be Anna's connections; as guests, the second is one identity too many.
		expect(await connect(server, boardId, offering({ identityToken: forgedMac }))).toEqual(acceptedAs)
		expect(await connect(server, boardId, offering({ identityToken: otherVersion }))).toEqual(tooManyIdentities)
		expect(await connect(server, boardId, offering({ identityToken: anna.token }))).toEqual(acceptedAs)
	})

	it('a stock client that offers no subprotocol is accepted as a guest, each connection a guest of its own', async () => {
		const server = await capped()
		expect(await connect(server, 'stock')).toEqual({ accepted: true, protocol: '' })
		expect(await connect(server, 'stock')).toEqual({ accepted: true, protocol: '' })
		expect(await connect(server, 'stock')).toEqual(tooManyIdentities)
	})
})

describe('the facilitator key outside the URL', () => {
	it('in the subprotocol it gives the facilitator role; with a wrong or no key the session document is refused', async () => {
		const server = await serverWith()
		const { boardId, facilitatorKey } = await createBoard(server)
		const { token: identityToken } = await issueIdentity(server)
		const room = `${boardId}/facilitation`

		const facilitator = await openProvider(server, room, { identityToken, facilitatorKey })
		expect(facilitator.provider.url).not.toContain(facilitatorKey)
		expect(facilitator.provider.ws?.protocol).toBe(RELAY_SUBPROTOCOL)
		facilitator.doc.getMap(FACILITATION_MAP).set('spotlight', 'stage-3')
		const witness = await openProvider(server, room, { identityToken })
		await waitFor(() => witness.doc.getMap(FACILITATION_MAP).get('spotlight') === 'stage-3', { what: "the facilitator's spotlight" })
		expect(facilitator.refusals).toEqual([])

		for (const credentials of [{ identityToken }, { identityToken, facilitatorKey: 'wrong-key' }]) {
			const participant = await openProvider(server, room, credentials)
			participant.doc.getMap(FACILITATION_MAP).set(LOCKED_KEY, true)
			await waitFor(() => participant.refusals.length > 0, { what: 'a refusal' })
			expect(participant.refusals[0]).toBe('facilitator-only')
		}
	})

	it('the role and view-id answers read it from X-Facilitator-Key, and still from ?key= for older clients', async () => {
		const server = await serverWith()
		const { boardId, facilitatorKey, viewId } = await createBoard(server)
		const path = boardRolePath(boardId)
		const roleWith = async (headers: Record<string, string>, query = '') =>
			(await readBody(await fetch(server.httpUrl + path + query, { headers }), path, boardRoleBody)).role
		expect(await roleWith({ [FACILITATOR_KEY_HEADER]: facilitatorKey })).toBe('facilitator')
		expect(await roleWith({})).toBe('participant')
		expect(await roleWith({ [FACILITATOR_KEY_HEADER]: 'wrong' })).toBe('participant')
		expect(await roleWith({}, `?key=${facilitatorKey}`)).toBe('facilitator')

		const viewIdWith = (headers: Record<string, string>) => fetch(server.httpUrl + boardViewIdPath(boardId), { headers })
		const shared = await viewIdWith({ [FACILITATOR_KEY_HEADER]: facilitatorKey })
		expect(shared.status).toBe(200)
		expect(await shared.json()).toEqual({ viewId })
		expect((await viewIdWith({})).status).toBe(403)
	})
})
