import { WebsocketProvider } from 'y-websocket'
import * as authProtocol from 'y-protocols/auth'
import type * as Y from 'yjs'
import { credentialSubprotocols, type RelayCredentials } from '../../shared/wire/credentials'
import { MESSAGE_AUTH } from '../../shared/wire/messages'
import { neverAnswerWithWrites } from './readOnlySync'

export const relayUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs`

type RelayOptions = {
	/**
	 * Our identity token and the facilitator key (null connects as a participant), offered as
	 * subprotocols so the relay can check them: never in the URL, which proxies log.
	 */
	credentials: RelayCredentials
	/** This page never writes the document, whatever the server says (a view link, the session without a key). */
	readOnly: boolean
	/** The relay dropped a change of ours and said why, in y-websocket's "permission denied" message. */
	onRefused: (reason: string) => void
}

/** Syncs one document through the relay; the periodic resync doubles as a heartbeat, so a dead socket is noticed. */
export function connectToRelay(room: string, doc: Y.Doc, { credentials, readOnly, onRefused }: RelayOptions): WebsocketProvider {
	const provider = new WebsocketProvider(relayUrl(), room, doc, { protocols: credentialSubprotocols(credentials), resyncInterval: 10_000 })
	provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
		authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => onRefused(reason))
	}
	if (readOnly) neverAnswerWithWrites(provider)
	return provider
}
