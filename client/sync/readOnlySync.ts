import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import type { WebsocketProvider } from 'y-websocket'
import { MESSAGE_SYNC } from '../../shared/wire/messages'

/**
 * Makes a provider of a document this page may only read take in the server's state without ever
 * answering the server's sync step 1. A stock provider answers every one (and the relay sends one
 * after every question, every 10 s) with a step 2 of its own, which for a read-only document is at
 * best a write the relay must refuse.
 */
export function neverAnswerWithWrites(provider: WebsocketProvider): void {
	provider.messageHandlers[MESSAGE_SYNC] = (_encoder, decoder, provider, emitSynced) => {
		const messageType = decoding.readVarUint(decoder)
		if (messageType === syncProtocol.messageYjsSyncStep1) return
		if (messageType === syncProtocol.messageYjsSyncStep2) syncProtocol.readSyncStep2(decoder, provider.doc, provider)
		else if (messageType === syncProtocol.messageYjsUpdate) syncProtocol.readUpdate(decoder, provider.doc, provider)
		if (emitSynced && messageType === syncProtocol.messageYjsSyncStep2 && !provider.synced) provider.synced = true
	}
}
