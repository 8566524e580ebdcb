import { atom, type Atom } from 'tldraw'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { decodeSyncStep1, encodeSyncStep1 } from '../../shared/wire/messages'

export type SyncStatus = {
	connection: 'connecting' | 'live' | 'offline'
	/** saved: the server confirmed it has every local change; saving: not confirmed yet; local: kept in this browser only. */
	saved: 'saved' | 'saving' | 'local'
	/** The code of the last close the relay explained (it gives a reason with every close it means), or null. */
	lastCloseCode: number | null
}

/** Edits are confirmed in batches: one question to the server per this many milliseconds of typing. */
const CONFIRM_DELAY_MS = 250

/**
 * Tells the person whether their work is safe. "Saved" is only shown once the server confirmed it:
 * after local edits we send a sync step 1, the relay answers with its own state vector, and the
 * edits are saved when that vector covers everything this browser has. A socket that died
 * silently therefore shows "Saving…" rather than a false "saved".
 */
export function trackSyncStatus(provider: WebsocketProvider, doc: Y.Doc): { status: Atom<SyncStatus>; stop: () => void } {
	const status = atom<SyncStatus>('sync status', { connection: 'connecting', saved: 'saved', lastCloseCode: null })
	let confirmed = true
	let confirmTimer: ReturnType<typeof setTimeout> | undefined
	let watchedSocket: WebSocket | null = null

	const refresh = () => {
		// y-websocket reports "connecting" for every retry; after a failed attempt we are offline.
		const retrying = provider.wsconnecting && provider.wsUnsuccessfulReconnects > 0
		const connection = provider.synced ? 'live' : provider.wsconnected || (provider.wsconnecting && !retrying) ? 'connecting' : 'offline'
		const saved = confirmed ? 'saved' : connection === 'offline' ? 'local' : 'saving'
		status.update((previous) => ({ ...previous, connection, saved }))
		watchSocket()
		if (!confirmed && connection === 'live') confirmTimer ??= setTimeout(askServerToConfirm, CONFIRM_DELAY_MS)
	}

	const onServerMessage = (event: MessageEvent) => {
		const serverState = readServerStateVector(event.data)
		if (serverState && covers(serverState, Y.decodeStateVector(Y.encodeStateVector(doc)))) {
			confirmed = true
			refresh()
		}
	}

	const watchSocket = () => {
		const socket = provider.ws
		if (socket === watchedSocket) return
		watchedSocket?.removeEventListener('message', onServerMessage)
		watchedSocket = socket
		socket?.addEventListener('message', onServerMessage)
	}

	const askServerToConfirm = () => {
		confirmTimer = undefined
		const socket = provider.ws
		if (!provider.wsconnected || socket?.readyState !== WebSocket.OPEN) return
		socket.send(encodeSyncStep1(Y.encodeStateVector(doc)))
	}

	const onUpdate = (_update: Uint8Array, origin: unknown) => {
		if (origin === provider) return
		confirmed = false
		confirmTimer ??= setTimeout(askServerToConfirm, CONFIRM_DELAY_MS)
		queueMicrotask(refresh)
	}
	const onClose = (event: CloseEvent | null) => {
		// The reason is English, for the relay's logs: the page tells the person by the code.
		if (event?.reason) status.update((previous) => ({ ...previous, lastCloseCode: event.code }))
		// y-websocket emits this before it updates its own state.
		setTimeout(refresh)
	}
	provider.on('status', refresh)
	provider.on('sync', refresh)
	provider.on('connection-close', onClose)
	doc.on('update', onUpdate)
	refresh()
	return {
		status,
		stop: () => {
			clearTimeout(confirmTimer)
			watchedSocket?.removeEventListener('message', onServerMessage)
			provider.off('status', refresh)
			provider.off('sync', refresh)
			provider.off('connection-close', onClose)
			doc.off('update', onUpdate)
		},
	}
}

/** The state vector in a server's sync step 1, or null for any other message. */
function readServerStateVector(data: unknown): Map<number, number> | null {
	if (!(data instanceof ArrayBuffer)) return null
	try {
		return decodeSyncStep1(new Uint8Array(data))
	} catch {
		return null
	}
}

function covers(server: Map<number, number>, local: Map<number, number>): boolean {
	for (const [client, clock] of local) if ((server.get(client) ?? 0) < clock) return false
	return true
}
