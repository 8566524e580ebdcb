import { WebsocketProvider } from 'y-websocket'
import * as authProtocol from 'y-protocols/auth'
import type * as Y from 'yjs'
import { MESSAGE_AUTH } from '../../shared/wire/messages'
import { neverAnswerWithWrites } from './readOnlySync'

export const relayUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs`

type RelayOptions = {
	/** Sent with the connection so the relay can check it; null connects as a participant. */
	facilitatorKey: string | null
	/** This page never writes the document, whatever the server says (a view link, the session without a key). */
	readOnly: boolean
	/** The relay dropped a change of ours and said why, in y-websocket's "permission denied" message. */
	onRefused: (reason: string) => void
}

/** Syncs one document through the relay; the periodic resync doubles as a heartbeat, so a dead socket is noticed. */
export function connectToRelay(room: string, doc: Y.Doc, { facilitatorKey, readOnly, onRefused }: RelayOptions): WebsocketProvider {
	const params: Record<string, string> = facilitatorKey ? { key: facilitatorKey } : {}
	const provider = new WebsocketProvider(relayUrl(), room, doc, { params, resyncInterval: 10_000 })
	provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
		authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => onRefused(reason))
	}
	if (readOnly) neverAnswerWithWrites(provider)
	return provider
}
