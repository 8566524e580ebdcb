import type { Page } from 'playwright-core'
import { afterEach, expect } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { credentialSubprotocols } from '../../shared/wire/credentials'
import { IDENTITY_PATH, identityBody, readBody } from '../../shared/wire/http'
import { waitFor } from '../helpers/waitFor'
import { openBoard, type Person } from './boardPage'
import type { browserSession } from './browserSession'
import { pageReadingTheWire } from './websocketFrames'

/** A board made the way the landing page makes one: the server hands out its id, key and view id. */
export type CreatedBoard = { boardId: string; facilitatorKey: string; viewId: string }

type Session = ReturnType<typeof browserSession>

/**
 * The three ways into a board of a browser test file's session: as facilitator (the key in the
 * fragment), as participant, as viewer; and stock y-websocket clients in Node on the board's
 * documents, as witnesses of what the server holds or as raw clients. `?debug` hands the page's
 * board document to the test (see useOpenBoard).
 */
export function boardRoles(session: Session) {
	const providers: WebsocketProvider[] = []
	afterEach(() => {
		for (const provider of providers.splice(0)) provider.destroy()
	})
	const base = () => session.server.httpUrl
	// The links as the share dialog hands them out; the pages the tests open add `?debug`.
	const facilitatorUrl = (board: CreatedBoard, query = '') => `${base()}/b/${board.boardId}${query}#key=${board.facilitatorKey}`
	const participantUrl = (board: CreatedBoard, query = '') => `${base()}/b/${board.boardId}${query}`
	const viewerUrl = (board: CreatedBoard) => `${base()}/v/${board.viewId}`

	/** The participant id the server issued to the page's browser (kept in its localStorage). */
	const participantIdOf = (page: Page): Promise<string> =>
		page.evaluate(() => (JSON.parse(localStorage.getItem('strategy-board:identity')!) as { participantId: string }).participantId)

	async function connect(room: string, protocols: string[]) {
		const doc = new Y.Doc()
		const provider = new WebsocketProvider(session.server.relayUrl, room, doc, { WebSocketPolyfill: WebSocket as never, disableBc: true, protocols })
		providers.push(provider)
		await waitFor(() => provider.synced, { what: `${room} to sync` })
		return { doc, provider }
	}

	return {
		facilitatorUrl,
		participantUrl,
		viewerUrl,
		async createBoard(): Promise<CreatedBoard> {
			const response = await fetch(`${base()}/api/boards`, { method: 'POST' })
			expect(response.status).toBe(201)
			return (await response.json()) as CreatedBoard
		},
		asFacilitator: async (board: CreatedBoard, who: Person): Promise<Page> => openBoard(await session.person(), facilitatorUrl(board, '?debug'), who),
		asParticipant: async (board: CreatedBoard, who: Person): Promise<Page> => openBoard(await session.person(), participantUrl(board, '?debug'), who),
		/** As asFacilitator and asParticipant, with every websocket frame the page receives recorded. */
		async readingTheWire(board: CreatedBoard, who: Person, role: 'facilitator' | 'participant') {
			const { page, received } = await pageReadingTheWire(await session.person())
			await openBoard(page, role === 'facilitator' ? facilitatorUrl(board, '?debug') : participantUrl(board, '?debug'), who)
			return { page, received }
		},
		asViewer: async (board: CreatedBoard): Promise<Page> => openBoard(await session.person(), viewerUrl(board)),
		participantIdOf,
		/** The page's person's private document as the server holds it, read with the facilitator key. */
		async ownDocumentOf(board: CreatedBoard, page: Page): Promise<{ doc: Y.Doc; participantId: string }> {
			const participantId = await participantIdOf(page)
			const { doc } = await connect(
				`${board.boardId}/private/${participantId}`,
				credentialSubprotocols({ identityToken: null, facilitatorKey: board.facilitatorKey }),
			)
			return { doc, participantId }
		},
		/** A synced stock client on a room (`boardId`, `boardId/facilitation`, ...), with the facilitator key when given. */
		async documentClient(room: string, key?: string): Promise<Y.Doc> {
			return (await connect(room, credentialSubprotocols({ identityToken: null, facilitatorKey: key ?? null }))).doc
		},
		/** A raw client with an identity of its own from the server, as a browser has: it may write its own support entries. */
		async identifiedClient(room: string): Promise<{ doc: Y.Doc; participantId: string }> {
			const response = await fetch(base() + IDENTITY_PATH, { method: 'POST' })
			const { participantId, token } = await readBody(response, IDENTITY_PATH, identityBody)
			const { doc } = await connect(room, credentialSubprotocols({ identityToken: token, facilitatorKey: null }))
			return { doc, participantId }
		},
	}
}
