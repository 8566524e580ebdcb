import type { DocumentKind, Role } from '../../shared/roles'
import { CREDENTIAL_PATTERN } from '../../shared/wire/credentials'
import { boardRoleBody, boardRolePath, FACILITATOR_KEY_HEADER, readBody, viewPath } from '../../shared/wire/http'
import { relayRoomName } from '../../shared/wire/relayRooms'
import { TranslatableError } from '../i18n/TranslatableError'

/** How this page reached the board: its participant/facilitator link, or a view-only link. */
export type BoardLink = { via: 'board'; boardId: string; key: string | null } | { via: 'view'; viewId: string }

const keyStorage = (boardId: string) => `strategy-board:facilitator-key:${boardId}`

/**
 * The facilitator key travels in the link's fragment (`#key=...`), which browsers never send to
 * a server. Once, as the page starts, it is kept in this browser (so a reload stays facilitator)
 * and taken out of the address bar, so a participant link copied from there does not carry it.
 */
export function adoptFacilitatorKeyFromLink(boardId: string): void {
	const fromLink = new URLSearchParams(location.hash.slice(1)).get('key')
	if (!fromLink) return
	rememberFacilitatorKey(boardId, fromLink)
	history.replaceState(null, '', location.pathname + location.search)
}

/** The facilitator key this browser holds for the board, if any. */
export const facilitatorKeyFor = (boardId: string): string | null => localStorage.getItem(keyStorage(boardId))

export function rememberFacilitatorKey(boardId: string, key: string): void {
	localStorage.setItem(keyStorage(boardId), key)
}

export const facilitatorLink = (boardId: string, key: string) => `${location.origin}/b/${boardId}#key=${encodeURIComponent(key)}`
export const participantLink = (boardId: string) => `${location.origin}/b/${boardId}`
export const viewLink = (viewId: string) => `${location.origin}/v/${viewId}`

/**
 * The request headers that show the server a facilitator key: a header, not the query, which
 * proxies log. A key no issued key could look like (mangled in a pasted link) is left out, as
 * `fetch` would throw on some of its characters.
 */
export function facilitatorKeyHeaders(key: string | null): Record<string, string> {
	return key !== null && CREDENTIAL_PATTERN.test(key) ? { [FACILITATOR_KEY_HEADER]: key } : {}
}

/** The relay room of one of the board's documents, as this link may open it. */
export function roomOf(link: BoardLink, kind: DocumentKind): string {
	return relayRoomName(link.via === 'view' ? { via: 'view', id: link.viewId, kind } : { via: 'board', id: link.boardId, kind })
}

/** The relay room of this person's private notes on the board. */
export const privateRoomOf = (link: BoardLink & { via: 'board' }, participantId: string): string =>
	relayRoomName({ via: 'board', id: link.boardId, kind: 'private', owner: participantId })

/** The role the server gives this link (it checks the key itself on every connection). */
export async function fetchRole(link: BoardLink): Promise<Role> {
	if (link.via === 'view') {
		const response = await fetch(viewPath(link.viewId))
		if (response.status === 404) throw new TranslatableError('link.viewNotFound')
		if (!response.ok) throw new TranslatableError('link.checkFailed', { status: response.status })
		return 'viewer'
	}
	const path = boardRolePath(link.boardId)
	const response = await fetch(path, { headers: facilitatorKeyHeaders(link.key) })
	if (!response.ok) throw new TranslatableError('link.checkFailed', { status: response.status })
	return (await readBody(response, path, boardRoleBody)).role
}
