import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CLOSE_CODES } from '../../shared/closeCodes'
import { FACILITATION_MAP, LOCKED_KEY } from '../../shared/facilitationDoc'
import { collectRefusalCodes } from '../helpers/refusalCodes'
import { removeDataDir, startServer, type RunningServer } from '../helpers/serverProcess'
import { waitFor } from '../helpers/waitFor'

let server: RunningServer
const providers: WebsocketProvider[] = []

beforeAll(async () => {
	server = await startServer()
})

afterAll(async () => {
	for (const provider of providers) provider.destroy()
	await server.stop()
	removeDataDir(server)
})

/**
 * A root of the documents that no browser reads, which the write policy (test/integration/writePolicy.test.ts)
 * leaves alone: what these tests write is judged by role and lock only.
 */
const ROLE_ROOT = 'role-test'

type Created = { boardId: string; facilitatorKey: string; viewId: string }

async function createBoard(on: RunningServer = server): Promise<Created> {
	const response = await fetch(`${on.httpUrl}/api/boards`, { method: 'POST' })
	expect(response.status).toBe(201)
	return (await response.json()) as Created
}

/** A stock y-websocket client on one of a board's documents; `refusals` collects the codes of the changes it was refused. */
async function open(room: string, key?: string, on: RunningServer = server) {
	const doc = new Y.Doc()
	const provider = new WebsocketProvider(on.relayUrl, room, doc, {
		WebSocketPolyfill: WebSocket as never,
		disableBc: true,
		params: key ? { key } : {},
	})
	providers.push(provider)
	const refusals = collectRefusalCodes(provider)
	await waitFor(() => provider.synced, { what: `${room} to sync` })
	return { doc, provider, refusals }
}

/** What a fresh client sees on the server: the only honest witness of what was stored. */
async function serverState(room: string, key?: string, on: RunningServer = server) {
	const witness = await open(room, key, on)
	return witness.doc
}

describe('roles enforced by the relay', () => {
	it('a wrong or missing facilitator key gives participant rights, the right one facilitator rights', async () => {
		const { boardId, facilitatorKey } = await createBoard()
		const roleWith = async (key: string) =>
			((await (await fetch(`${server.httpUrl}/api/boards/${boardId}/role?key=${encodeURIComponent(key)}`)).json()) as { role: string }).role
		expect(await roleWith(facilitatorKey)).toBe('facilitator')
		expect(await roleWith('wrong')).toBe('participant')
		expect(await roleWith('')).toBe('participant')
		expect((await fetch(`${server.httpUrl}/api/boards/${boardId}/view?key=wrong`)).status).toBe(403)
	})

	it('a participant cannot write the facilitation document: the update is dropped and answered', async () => {
		const { boardId } = await createBoard()
		const participant = await open(`${boardId}/facilitation`)
		participant.doc.getMap(FACILITATION_MAP).set(LOCKED_KEY, true)
		await waitFor(() => participant.refusals.length > 0, { what: 'a refusal' })
		expect(participant.refusals[0]).toBe('facilitator-only')
		expect((await serverState(`${boardId}/facilitation`)).getMap(FACILITATION_MAP).has(LOCKED_KEY)).toBe(false)
	})

	it('the facilitator writes the facilitation document and everyone sees it', async () => {
		const { boardId, facilitatorKey } = await createBoard()
		const facilitator = await open(`${boardId}/facilitation`, facilitatorKey)
		facilitator.doc.getMap(FACILITATION_MAP).set('spotlight', 'stage-3')
		const participant = await open(`${boardId}/facilitation`)
		await waitFor(() => participant.doc.getMap(FACILITATION_MAP).get('spotlight') === 'stage-3', { what: 'the spotlight' })
		expect(facilitator.refusals).toEqual([])
	})

	it('a view-only link reads the board but writes nothing, and never learns the board id', async () => {
		const { boardId, facilitatorKey } = await createBoard()
		const { viewId } = (await (await fetch(`${server.httpUrl}/api/boards/${boardId}/view?key=${facilitatorKey}`)).json()) as {
			viewId: string
		}
		expect(viewId).not.toBe(boardId)
		const participant = await open(boardId)
		participant.doc.getMap(ROLE_ROOT).set('note', 'visible to viewers')
		const viewer = await open(`view/${viewId}`)
		await waitFor(() => viewer.doc.getMap(ROLE_ROOT).get('note'), { what: 'the viewer to see the board' })
		viewer.doc.getMap(ROLE_ROOT).set('forged', 'by a viewer')
		for (const kind of ['facilitation', 'support']) {
			const side = await open(`view/${viewId}/${kind}`)
			side.doc.getMap('anything').set('forged', true)
			await waitFor(() => side.refusals.length > 0, { what: `a refusal on ${kind}` })
			expect(side.refusals[0]).toBe('view-only')
			expect((await serverState(`${boardId}/${kind}`)).getMap('anything').has('forged')).toBe(false)
		}
		await waitFor(() => viewer.refusals.length > 0, { what: 'a refusal' })
		expect(viewer.refusals[0]).toBe('view-only')
		expect((await serverState(boardId)).getMap(ROLE_ROOT).has('forged')).toBe(false)
		expect(JSON.stringify(viewer.doc.toJSON())).not.toContain(boardId)
	})

	it('an unknown view id is refused with a reason', async () => {
		const socket = new WebSocket(`${server.relayUrl}/view/NoSuchViewLinkAtAll00`)
		const closed = await new Promise<{ code: number; reason: string }>((resolve) =>
			socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
		)
		expect(closed).toEqual({ code: CLOSE_CODES.unknownViewLink, reason: 'this view-only link does not exist' })
	})

	it('a locked board drops participant edits but keeps support writes, and unlocking lets edits in again', async () => {
		const { boardId, facilitatorKey } = await createBoard()
		const facilitation = await open(`${boardId}/facilitation`, facilitatorKey)
		const participant = await open(boardId)
		const support = await open(`${boardId}/support`)
		facilitation.doc.getMap(FACILITATION_MAP).set(LOCKED_KEY, true)
		await waitFor(async () => (await serverState(`${boardId}/facilitation`)).getMap(FACILITATION_MAP).get(LOCKED_KEY), {
			what: 'the lock on the server',
		})

		participant.doc.getMap(ROLE_ROOT).set('while-locked', 'dropped')
		support.doc.getMap(ROLE_ROOT).set('while-locked', 'kept')
		await waitFor(() => participant.refusals.length > 0, { what: 'a refusal' })
		expect(participant.refusals[0]).toBe('locked')
		expect((await serverState(boardId)).getMap(ROLE_ROOT).has('while-locked')).toBe(false)
		await waitFor(async () => (await serverState(`${boardId}/support`)).getMap(ROLE_ROOT).has('while-locked'), {
			what: 'the support write on the server',
		})

		const facilitatorOnBoard = await open(boardId, facilitatorKey)
		facilitatorOnBoard.doc.getMap(ROLE_ROOT).set('by-facilitator', 'kept')
		await waitFor(async () => (await serverState(boardId)).getMap(ROLE_ROOT).get('by-facilitator'), {
			what: "the facilitator's edit while locked",
		})

		facilitation.doc.getMap(FACILITATION_MAP).set(LOCKED_KEY, false)
		await waitFor(async () => (await serverState(`${boardId}/facilitation`)).getMap(FACILITATION_MAP).get(LOCKED_KEY) === false, {
			what: 'the unlock',
		})
		participant.doc.getMap(ROLE_ROOT).set('after-unlock', 'kept')
		await waitFor(async () => (await serverState(boardId)).getMap(ROLE_ROOT).get('after-unlock'), { what: 'the edit after unlocking' })
	})

	it('a lock set after the facilitation document sat idle holds for a participant who was connected all along', async () => {
		const idle = await startServer({ env: { ROOM_IDLE_MS: '50' } })
		try {
			const { boardId, facilitatorKey } = await createBoard(idle)
			const participant = await open(boardId, undefined, idle)
			const earlier = await open(`${boardId}/facilitation`, facilitatorKey, idle)
			earlier.provider.destroy()
			// Only the participant's board connection holds the facilitation document while it idles.
			await new Promise((resolve) => setTimeout(resolve, 500))
			const facilitation = await open(`${boardId}/facilitation`, facilitatorKey, idle)
			facilitation.doc.getMap(FACILITATION_MAP).set(LOCKED_KEY, true)
			await waitFor(async () => (await serverState(`${boardId}/facilitation`, undefined, idle)).getMap(FACILITATION_MAP).get(LOCKED_KEY), {
				what: 'the lock on the server',
			})
			participant.doc.getMap(ROLE_ROOT).set('while-locked', 'must be dropped')
			await waitFor(() => participant.refusals.length > 0, { what: 'a refusal' })
			expect(participant.refusals[0]).toBe('locked')
			expect((await serverState(boardId, undefined, idle)).getMap(ROLE_ROOT).has('while-locked')).toBe(false)
		} finally {
			await idle.stop()
			removeDataDir(idle)
		}
	})
})
