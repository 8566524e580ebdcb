import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { waitFor } from './waitFor'

export type YjsClient = { doc: Y.Doc; provider: WebsocketProvider; destroy: () => void }

/** A stock y-websocket client in Node, as any third-party client would connect. */
export function connectClient(relayUrl: string, boardId: string, options: { connect?: boolean } = {}): YjsClient {
	const doc = new Y.Doc()
	const provider = new WebsocketProvider(relayUrl, boardId, doc, {
		WebSocketPolyfill: WebSocket as never,
		disableBc: true,
		connect: options.connect ?? true,
	})
	return {
		doc,
		provider,
		destroy: () => {
			provider.destroy()
			doc.destroy()
		},
	}
}

export async function connectSynced(relayUrl: string, boardId: string): Promise<YjsClient> {
	const client = connectClient(relayUrl, boardId)
	await waitFor(() => client.provider.synced, { what: `client on ${boardId} to sync` })
	return client
}
