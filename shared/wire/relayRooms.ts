import { isValidBoardId } from '../boardId.js'
import { SIDE_DOCUMENTS, VIEW_PREFIX, type DocumentKind } from '../roles.js'

/**
 * One of a board's documents as a relay room names it: reached by the board's id (participant and
 * facilitator links) or by its view id (view-only links), which the server resolves to the board.
 */
export type RelayRoom = { via: 'board' | 'view'; id: string; kind: DocumentKind }

/**
 * The room name y-websocket puts after `/yjs/`: `<boardId>`, `<boardId>/<side document>`,
 * `view/<viewId>` or `view/<viewId>/<side document>`.
 */
export function relayRoomName({ via, id, kind }: RelayRoom): string {
	const base = via === 'view' ? `${VIEW_PREFIX}/${id}` : id
	return kind === 'board' ? base : `${base}/${kind}`
}

/**
 * The room a name asks for, or null when it names none. Ids are checked on the raw text, never
 * URL-decoded, so no escaped character can slip past the id alphabet. `view` alone is a board id.
 */
export function parseRelayRoomName(name: string): RelayRoom | null {
	const segments = name.split('/')
	const via = segments[0] === VIEW_PREFIX && segments.length > 1 ? 'view' : 'board'
	const [id, kind, ...extra] = via === 'view' ? segments.slice(1) : segments
	if (id === undefined || !isValidBoardId(id) || extra.length > 0) return null
	if (kind === undefined) return { via, id, kind: 'board' }
	return isSideDocument(kind) ? { via, id, kind } : null
}

function isSideDocument(kind: string): kind is (typeof SIDE_DOCUMENTS)[number] {
	return (SIDE_DOCUMENTS as readonly string[]).includes(kind)
}
