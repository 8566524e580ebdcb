import { isValidBoardId } from '../boardId.js'
import { PRIVATE_SEGMENT, SIDE_DOCUMENTS, VIEW_PREFIX, type DocumentKind } from '../roles.js'

/**
 * One of a board's documents as a relay room names it: reached by the board's id (participant and
 * facilitator links) or by its view id (view-only links), which the server resolves to the board.
 */
export type RelayRoom = { via: 'board' | 'view'; id: string } & ({ kind: DocumentKind } | PrivateRoom)
/** `owner`: the participant whose private notes the document holds. */
export type PrivateRoom = { kind: typeof PRIVATE_SEGMENT; owner: string }

/**
 * The room name y-websocket puts after `/yjs/`: `<boardId>`, `<boardId>/<side document>`,
 * `<boardId>/private/<participantId>`, `view/<viewId>` or `view/<viewId>/<side document>`.
 */
export function relayRoomName(room: RelayRoom): string {
	const base = room.via === 'view' ? `${VIEW_PREFIX}/${room.id}` : room.id
	if (room.kind === PRIVATE_SEGMENT) return `${base}/${PRIVATE_SEGMENT}/${room.owner}`
	return room.kind === 'board' ? base : `${base}/${room.kind}`
}

/**
 * The room a name asks for, or null when it names none. Ids are checked on the raw text, never
 * URL-decoded, so no escaped character can slip past the id alphabet. `view` alone is a board id.
 */
export function parseRelayRoomName(name: string): RelayRoom | null {
	const segments = name.split('/')
	const via = segments[0] === VIEW_PREFIX && segments.length > 1 ? 'view' : 'board'
	const [id, kind, ...extra] = via === 'view' ? segments.slice(1) : segments
	if (id === undefined || !isValidBoardId(id)) return null
	// Participant ids share the board ids' alphabet (base64url).
	if (kind === PRIVATE_SEGMENT) return extra.length === 1 && isValidBoardId(extra[0]!) ? { via, id, kind, owner: extra[0]! } : null
	if (extra.length > 0) return null
	if (kind === undefined) return { via, id, kind: 'board' }
	return isSideDocument(kind) ? { via, id, kind } : null
}

function isSideDocument(kind: string): kind is (typeof SIDE_DOCUMENTS)[number] {
	return (SIDE_DOCUMENTS as readonly string[]).includes(kind)
}
