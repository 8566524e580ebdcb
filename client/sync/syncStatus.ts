import { atom, type Atom } from 'tldraw'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'

export type SyncStatus = {
	connection: 'connecting' | 'live' | 'offline'
	/** saved: the server has every local change; saving: some are in flight; local: kept in this browser only. */
	saved: 'saved' | 'saving' | 'local'
	/** Why the server closed the connection the last time, when it said so. */
	lastCloseReason: string | null
}

const SEND_CHECK_INTERVAL_MS = 100

/**
 * Follows the provider and the doc to tell the person whether their work is safe: live and saved
 * on the server, still being sent, or offline and kept in this browser until the connection is back.
 */
export function trackSyncStatus(provider: WebsocketProvider, doc: Y.Doc): { status: Atom<SyncStatus>; stop: () => void } {
	const status = atom<SyncStatus>('sync status', { connection: 'connecting', saved: 'saved', lastCloseReason: null })
	let unsent = false
	let timer: ReturnType<typeof setTimeout> | undefined

	const refresh = () => {
		const connection = provider.synced ? 'live' : provider.wsconnected || provider.wsconnecting ? 'connecting' : 'offline'
		const sent = provider.ws?.bufferedAmount === 0
		if (connection === 'live' && sent) unsent = false
		const saved = !unsent ? 'saved' : connection === 'live' ? 'saving' : 'local'
		status.update((previous) => ({ ...previous, connection, saved }))
		clearTimeout(timer)
		if (unsent && connection === 'live') timer = setTimeout(refresh, SEND_CHECK_INTERVAL_MS)
	}
	const onLocalUpdate = (_update: Uint8Array, origin: unknown) => {
		if (origin === provider) return
		unsent = true
		// Let the provider hand the update to the socket first.
		queueMicrotask(refresh)
	}
	const onClose = (event: CloseEvent | null) => {
		if (event?.reason) status.update((previous) => ({ ...previous, lastCloseReason: event.reason }))
	}
	provider.on('status', refresh)
	provider.on('sync', refresh)
	provider.on('connection-close', onClose)
	doc.on('update', onLocalUpdate)
	return {
		status,
		stop: () => {
			clearTimeout(timer)
			provider.off('status', refresh)
			provider.off('sync', refresh)
			provider.off('connection-close', onClose)
			doc.off('update', onLocalUpdate)
		},
	}
}
