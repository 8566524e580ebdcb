import { afterEach } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { DocumentKind } from '../../shared/roles'
import { credentialSubprotocols } from '../../shared/wire/credentials'
import { relayRoomName, type RelayRoom } from '../../shared/wire/relayRooms'
import { BOARDS_PATH, createdBoardBody, IDENTITY_PATH, identityBody, readBody, type CreatedBoardBody } from '../../shared/wire/http'
import type { RefusalCode } from '../../shared/wire/refusals'
import { collectRefusalCodes } from './refusalCodes'
import type { RunningServer } from './serverProcess'
import { waitFor } from './waitFor'

/** One of a board's documents as a stock y-websocket client holds it; `refusals` collects the codes of what it was refused. */
export type OpenDocument = { doc: Y.Doc; provider: WebsocketProvider; refusals: (RefusalCode | null)[] }

/**
 * Someone with an identity of their own (POST /api/identity), who opens a board's documents as the
 * browser does: `open` a shared one, `openPrivate` their own private notes (or, to try, someone
 * else's), `closeCodeOf` the code a room is closed with straight away.
 */
export type BoardPerson = {
	participantId: string
	open: (kind: DocumentKind) => Promise<OpenDocument>
	openPrivate: (owner?: string) => Promise<OpenDocument>
	closeCodeOf: (room: RelayRoom) => Promise<number>
}

/**
 * People on boards of one server, for policy tests: each opens documents with its identity token
 * (and the facilitator key, if given) offered as subprotocols. Providers are destroyed after each test.
 */
export function boardPeople(server: () => RunningServer) {
	let providers: WebsocketProvider[] = []
	afterEach(() => {
		for (const provider of providers) provider.destroy()
		providers = []
	})

	return {
		async createBoard(): Promise<CreatedBoardBody> {
			return readBody(await fetch(server().httpUrl + BOARDS_PATH, { method: 'POST' }), BOARDS_PATH, createdBoardBody)
		},

		async person(boardId: string, facilitatorKey: string | null = null): Promise<BoardPerson> {
			const { participantId, token } = await readBody(await fetch(server().httpUrl + IDENTITY_PATH, { method: 'POST' }), IDENTITY_PATH, identityBody)
			const protocols = credentialSubprotocols({ identityToken: token, facilitatorKey })
			const openRoom = async (room: RelayRoom): Promise<OpenDocument> => {
				const doc = new Y.Doc()
				const provider = new WebsocketProvider(server().relayUrl, relayRoomName(room), doc, {
					WebSocketPolyfill: WebSocket as never,
					disableBc: true,
					protocols,
				})
				providers.push(provider)
				const refusals = collectRefusalCodes(provider)
				await waitFor(() => provider.synced, { what: `${relayRoomName(room)} to sync` })
				return { doc, provider, refusals }
			}
			return {
				participantId,
				open: (kind) => openRoom({ via: 'board', id: boardId, kind }),
				openPrivate: (owner = participantId) => openRoom({ via: 'board', id: boardId, kind: 'private', owner }),
				closeCodeOf: (room) =>
					new Promise((resolve, reject) => {
						const socket = new WebSocket(`${server().relayUrl}/${relayRoomName(room)}`, protocols)
						socket.once('error', reject)
						socket.once('close', (code) => resolve(code))
					}),
			}
		},
	}
}
