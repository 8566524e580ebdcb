import type { DocumentKind } from '../../shared/roles.js'

/** What a relay URL asks for: the path after `/yjs/` is a relay room name (shared with the client). */
export { parseRelayRoomName as parseRelayPath, type RelayRoom as RelayTarget } from '../../shared/wire/relayRooms.js'

/** The storage and room name of one of a board's documents ('~' cannot occur in a board id). */
export function documentName(boardId: string, kind: DocumentKind): string {
	return kind === 'board' ? boardId : `${boardId}~${kind}`
}
