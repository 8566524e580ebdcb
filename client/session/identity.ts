import { getUserPreferences, setUserPreferences } from 'tldraw'
import { IDENTITY_PATH, identityBody, readBody, type IdentityBody } from '../../shared/wire/http'
import { TranslatableError } from '../i18n/TranslatableError'

const STORAGE_KEY = 'strategy-board:identity'

/**
 * Who this browser is on every board: a participant id the server issued, with the token that
 * proves it to the relay, asked for once and kept in this browser. It is also made tldraw's own
 * user id, because presence, note authorship (`meta.authorId`) and support entries all carry
 * `editor.user.getId()`: so the id in the documents is the one the relay can check.
 */
export async function ensureIdentity(): Promise<IdentityBody> {
	const identity = storedIdentity() ?? (await requestIdentity())
	const preferences = getUserPreferences()
	if (preferences.id !== identity.participantId) setUserPreferences({ ...preferences, id: identity.participantId })
	return identity
}

async function requestIdentity(): Promise<IdentityBody> {
	const response = await fetch(IDENTITY_PATH, { method: 'POST' })
	if (!response.ok) throw new TranslatableError('link.checkFailed', { status: response.status })
	const issued = await readBody(response, IDENTITY_PATH, identityBody)
	// Another tab may have asked at the same time: whichever stored first is this browser's, for every tab.
	const meanwhile = storedIdentity()
	if (meanwhile) return meanwhile
	localStorage.setItem(STORAGE_KEY, JSON.stringify(issued))
	return issued
}

/** null before the first request, and for an entry that is not an identity (asked for again). */
function storedIdentity(): IdentityBody | null {
	try {
		const parsed = identityBody.safeParse(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null'))
		return parsed.success ? parsed.data : null
	} catch {
		return null
	}
}
