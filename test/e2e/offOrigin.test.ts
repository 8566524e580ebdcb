import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { writeRecordChanges, type PlainRecord } from '../../shared/recordDoc'
import { noteRecord } from '../helpers/noteRecord'
import { waitFor } from '../helpers/waitFor'
import { openBoard, waitForShape } from './boardPage'
import { boardRoles } from './boardRoles'
import { browserSession } from './browserSession'

const session = browserSession()
const roles = boardRoles(session)

/** Another host on the network: every request it gets is a page phoning out. */
let elsewhere: Server
let elsewhereUrl = ''
const elsewhereHits: string[] = []

beforeAll(async () => {
	elsewhere = createServer((request, response) => {
		elsewhereHits.push(request.url ?? '')
		response.writeHead(200, { 'Content-Type': 'image/png', 'Access-Control-Allow-Origin': '*' }).end()
	})
	await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve))
	// Another port is another origin, as another host would be.
	elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => elsewhere.close(() => resolve())))

function offOriginRecords(): PlainRecord[] {
	const asset: PlainRecord = {
		id: 'asset:tracker',
		typeName: 'asset',
		type: 'image',
		props: { name: 'pixel.png', src: `${elsewhereUrl}/asset.png`, w: 100, h: 100, mimeType: 'image/png', isAnimated: false },
		meta: {},
	}
	const shape = (id: string, type: string, props: Record<string, unknown>): PlainRecord => ({
		id,
		typeName: 'shape',
		type,
		x: 0,
		y: 0,
		rotation: 0,
		index: 'a5',
		parentId: 'page:page',
		isLocked: false,
		opacity: 1,
		meta: {},
		props,
	})
	return [
		asset,
		shape('shape:tracker-image', 'image', {
			w: 100,
			h: 100,
			playing: true,
			url: `${elsewhereUrl}/shape.png`,
			assetId: 'asset:tracker',
			crop: null,
			flipX: false,
			flipY: false,
			altText: '',
		}),
		shape('shape:tracker-embed', 'embed', { w: 300, h: 200, url: `${elsewhereUrl}/embed` }),
	]
}

describe('nothing leaves the origin', () => {
	test('a board a hostile participant wrote off-origin images, an embed and a url() cursor colour into makes a fresh page request nothing from another origin', async () => {
		const board = await roles.createBoard()
		await roles.asFacilitator(board, { name: 'Fien', department: 'Management' })

		// The hostile participant: a stock client on the plain participant link.
		const doc = new Y.Doc()
		const hostile = new WebsocketProvider(session.server.relayUrl, board.boardId, doc, { WebSocketPolyfill: WebSocket as never, disableBc: true })
		try {
			await waitFor(() => hostile.synced, { what: 'the hostile client to sync' })
			writeRecordChanges(doc, { put: offOriginRecords(), removed: [] }, 'hostile')
			hostile.awareness.setLocalStateField('presence', {
				typeName: 'instance_presence',
				id: `instance_presence:${doc.clientID}`,
				userId: 'hostile',
				userName: 'Mallory',
				color: `url(${elsewhereUrl}/cursor.png)`,
				cursor: { x: 0, y: 0, type: 'default', rotation: 0 },
			})
			// A harmless note from another client after the attack: once a page shows it, what came before
			// has reached that page or was refused. (The attacker's own later writes would wait forever
			// on its refused ones.)
			await waitFor(() => hostile.wsconnected, { what: 'the attack sent' })
			const witness = await roles.documentClient(board.boardId)
			const marker = noteRecord({ id: 'shape:after-the-attack', x: 900, y: 900 })
			writeRecordChanges(witness, { put: [marker as unknown as PlainRecord], removed: [] }, 'witness')

			const context = await session.person()
			const requested: string[] = []
			context.on('request', (request) => requested.push(request.url()))
			const page = await openBoard(context, roles.participantUrl(board), { name: 'Anna', department: 'Marketing' })
			await waitForShape(page, marker.id)
			// One awareness tick and image decoding later, a request would have been made.
			await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 500))))

			const appOrigin = new URL(session.server.httpUrl).origin
			const offOrigin = requested.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== appOrigin)
			expect(offOrigin).toEqual([])
			expect(elsewhereHits).toEqual([])
		} finally {
			hostile.destroy()
		}
	})
})
