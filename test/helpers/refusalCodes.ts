import * as authProtocol from 'y-protocols/auth'
import type { WebsocketProvider } from 'y-websocket'
import { MESSAGE_AUTH } from '../../shared/wire/messages'
import { refusalCodeOf, type RefusalCode } from '../../shared/wire/refusals'

/**
 * The codes of the refusals ("permission denied") the relay sends to `provider` from now on, read
 * as the browser reads them; null for a refusal without a known code.
 */
export function collectRefusalCodes(provider: WebsocketProvider): (RefusalCode | null)[] {
	const codes: (RefusalCode | null)[] = []
	provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
		authProtocol.readAuthMessage(decoder, provider.doc, (_doc, reason) => codes.push(refusalCodeOf(reason)))
	}
	return codes
}
