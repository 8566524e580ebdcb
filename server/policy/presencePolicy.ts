import { isPlainColour } from '../../shared/model/sameOrigin.js'
import type { Refusal } from '../relay/Connection.js'

/** The awareness field a board page publishes its tldraw presence in (see client/sync/presence.ts). */
const PRESENCE_FIELD = 'presence'
const MAX_NAME_CHARACTERS = 100

/**
 * What a connection may show others of itself. A presence names a tldraw user id, and followers'
 * cameras, the people list and "who is editing" all go by it: so it must be the connection's own
 * identity, or anyone could pose as the facilitator (and hijack "follow me"). Its colour is drawn
 * as CSS, so only a plain colour, never a url(). Awareness without a presence (a stock client's
 * own fields) is not ours to judge.
 */
export function presenceRefusal(state: unknown, participantId: string): Refusal | null {
	if (typeof state !== 'object' || state === null || !(PRESENCE_FIELD in state)) return null
	const presence = (state as Record<string, unknown>)[PRESENCE_FIELD]
	if (presence === null) return null
	if (typeof presence !== 'object' || Array.isArray(presence)) return refusal('presence must be an object or null')
	const { userId, color, userName } = presence as Record<string, unknown>
	// tldraw's presence names the user record (`user:<id>`) of the person's id.
	const own = `user:${participantId}`
	if (userId !== own) return refusal(`presence must carry your own user id (${own}), not ${JSON.stringify(userId)}`)
	if (!isPlainColour(color)) return refusal('presence colour must be a plain #rgb or #rrggbb colour')
	if (typeof userName !== 'string' || userName.length > MAX_NAME_CHARACTERS)
		return refusal(`presence name must be text of at most ${MAX_NAME_CHARACTERS} characters`)
	return null
}

const refusal = (detail: string): Refusal => ({ code: 'presence-not-yours', detail: `${detail}; others see your previous state` })
