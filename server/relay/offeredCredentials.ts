import {
	CREDENTIAL_PATTERN,
	FACILITATOR_KEY_SUBPROTOCOL_PREFIX,
	IDENTITY_SUBPROTOCOL_PREFIX,
	RELAY_SUBPROTOCOL,
	type RelayCredentials,
} from '../../shared/wire/credentials.js'

/**
 * For `ws`'s `handleProtocols`: our subprotocol when the client offered it. A client that offered
 * none is not asked here and gets none (stock y-websocket clients); one that offered only others
 * gets none either, and its websocket library gives up, as RFC 6455 has it.
 */
export function chooseSubprotocol(offered: ReadonlySet<string>): string | false {
	return offered.has(RELAY_SUBPROTOCOL) ? RELAY_SUBPROTOCOL : false
}

/**
 * The credentials in an upgrade's `Sec-WebSocket-Protocol` header (see shared/wire/credentials.ts),
 * null where none is offered. `ws` has refused a malformed header before this runs.
 */
export function offeredCredentials(header: string | undefined): RelayCredentials {
	const offered = (header ?? '').split(',').map((each) => each.trim())
	const valueAfter = (prefix: string) => {
		const value = offered.find((each) => each.startsWith(prefix))?.slice(prefix.length)
		return value !== undefined && CREDENTIAL_PATTERN.test(value) ? value : null
	}
	return { identityToken: valueAfter(IDENTITY_SUBPROTOCOL_PREFIX), facilitatorKey: valueAfter(FACILITATOR_KEY_SUBPROTOCOL_PREFIX) }
}
