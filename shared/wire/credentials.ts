/**
 * How a browser's credentials reach the relay: as websocket subprotocols in the
 * `Sec-WebSocket-Protocol` header, never in the URL, which every reverse proxy writes to its
 * access log. The browser offers `strategy-board, sb-id.<identity token>, sb-key.<facilitator key>`
 * and the relay answers `strategy-board`; server/relay/offeredCredentials.ts reads the rest.
 */

/** The one subprotocol the relay answers with; a browser refuses a handshake that names none of those it offered. */
export const RELAY_SUBPROTOCOL = 'strategy-board'
export const IDENTITY_SUBPROTOCOL_PREFIX = 'sb-id.'
export const FACILITATOR_KEY_SUBPROTOCOL_PREFIX = 'sb-key.'

/**
 * What a credential may consist of to travel as a subprotocol: RFC 6455 wants an HTTP token, and
 * `new WebSocket()` throws on anything else. Issued tokens and keys are base64url joined by dots.
 */
export const CREDENTIAL_PATTERN = /^[A-Za-z0-9_.-]{1,200}$/

export type RelayCredentials = { identityToken: string | null; facilitatorKey: string | null }

/**
 * The subprotocols a client offers for its credentials. One that could not travel as a token (a
 * key mangled in a pasted link) is left out: it could not be valid, and would make the browser
 * refuse to connect at all.
 */
export function credentialSubprotocols({ identityToken, facilitatorKey }: RelayCredentials): string[] {
	const offered = [RELAY_SUBPROTOCOL]
	if (identityToken !== null && CREDENTIAL_PATTERN.test(identityToken)) offered.push(IDENTITY_SUBPROTOCOL_PREFIX + identityToken)
	if (facilitatorKey !== null && CREDENTIAL_PATTERN.test(facilitatorKey)) offered.push(FACILITATOR_KEY_SUBPROTOCOL_PREFIX + facilitatorKey)
	return offered
}
