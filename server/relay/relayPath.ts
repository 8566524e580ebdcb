import { isValidBoardId } from '../../shared/boardId.js'
import { SIDE_DOCUMENTS, VIEW_PREFIX, type DocumentKind } from '../../shared/roles.js'

/** What a relay URL asks for: a board (by its id or a view id) and which of its documents. */
export type RelayTarget = { via: 'board' | 'view'; id: string; kind: DocumentKind }

/**
 * Parses the path after `/yjs/`: `<boardId>`, `<boardId>/<side document>`, `view/<viewId>` or
 * `view/<viewId>/<side document>`. Ids are checked on the raw text, never URL-decoded.
 */
export function parseRelayPath(path: string): RelayTarget | null {
	const segments = path.split('/')
	const via = segments[0] === VIEW_PREFIX && segments.length > 1 ? 'view' : 'board'
	const [id, kind, ...extra] = via === 'view' ? segments.slice(1) : segments
	if (id === undefined || !isValidBoardId(id) || extra.length > 0) return null
	if (kind === undefined) return { via, id, kind: 'board' }
	return (SIDE_DOCUMENTS as readonly string[]).includes(kind) ? { via, id, kind: kind as DocumentKind } : null
}

/** The storage and room name of one of a board's documents ('~' cannot occur in a board id). */
export function documentName(boardId: string, kind: DocumentKind): string {
	return kind === 'board' ? boardId : `${boardId}~${kind}`
}
