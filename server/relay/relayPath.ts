import type { DocumentKind } from '../../shared/roles.js'
import type { RelayRoom } from '../../shared/wire/relayRooms.js'

/** What a relay URL asks for: the path after `/yjs/` is a relay room name (shared with the client). */
export { parseRelayRoomName as parseRelayPath, type RelayRoom as RelayTarget } from '../../shared/wire/relayRooms.js'

/** A document as the server keeps it: one of a board's shared documents, or one person's private notes on it. */
export type DocumentRef = { boardId: string } & ({ kind: DocumentKind } | { kind: 'private'; owner: string })

/** The storage and room name of a document ('~' cannot occur in a board or participant id). */
export function documentName(boardId: string, kind: DocumentKind): string {
	return kind === 'board' ? boardId : `${boardId}~${kind}`
}

/** Every private document of a board is named with this prefix and its owner's participant id. */
export const privateDocumentPrefix = (boardId: string) => `${boardId}~private~`

export const privateDocumentName = (boardId: string, owner: string) => `${privateDocumentPrefix(boardId)}${owner}`

/** The document a link's room names, on the board it resolves to. */
export function documentOfTarget(boardId: string, target: RelayRoom): DocumentRef {
	return target.kind === 'private' ? { boardId, kind: 'private', owner: target.owner } : { boardId, kind: target.kind }
}

export const nameOfDocument = (ref: DocumentRef) => (ref.kind === 'private' ? privateDocumentName(ref.boardId, ref.owner) : documentName(ref.boardId, ref.kind))

/** The inverse of nameOfDocument. */
export function documentOf(name: string): DocumentRef {
	const [boardId, kind, owner] = name.split('~') as [string, string | undefined, string | undefined]
	if (kind === 'private' && owner !== undefined) return { boardId, kind, owner }
	if (kind === 'facilitation' || kind === 'support') return { boardId, kind }
	return { boardId: name, kind: 'board' }
}
