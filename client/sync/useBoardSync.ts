import { useEffect, useState } from 'react'
import {
	atom,
	createTLStore,
	defaultBindingUtils,
	defaultShapeUtils,
	defaultUserStore,
	type Atom,
	type TLStore,
} from 'tldraw'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { recordsOf } from '../../shared/recordDoc'
import { uploadAssetStore } from '../assets/uploadAssetStore'
import { bindStoreToDoc } from './bindStoreToDoc'
import { bindPresence } from './presence'
import { trackSyncStatus, type SyncStatus } from './syncStatus'

export type BoardSync =
	| { state: 'loading' }
	| { state: 'error'; error: Error }
	| { state: 'ready'; store: TLStore; status: Atom<SyncStatus>; provider: WebsocketProvider }

/** A first visit with no local copy waits this long for the server before opening an empty board. */
const FIRST_SYNC_TIMEOUT_MS = 5000

export const relayUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs`

/**
 * One board's live session: a Y.Doc kept in IndexedDB (so work survives a reload while offline)
 * and synced through the relay, bound to a tldraw store, with presence through awareness.
 */
export function useBoardSync(boardId: string): BoardSync {
	const [sync, setSync] = useState<BoardSync>({ state: 'loading' })

	useEffect(() => {
		setSync({ state: 'loading' })
		const doc = new Y.Doc()
		const localCopy = new IndexeddbPersistence(`strategy-board/${boardId}`, doc)
		const provider = new WebsocketProvider(relayUrl(), boardId, doc)
		const tracker = trackSyncStatus(provider, doc)
		// tldraw's own offline indicator follows the relay connection.
		const online = atom<'online' | 'offline'>('online', 'offline')
		const store = createTLStore({
			shapeUtils: defaultShapeUtils,
			bindingUtils: defaultBindingUtils,
			assets: uploadAssetStore,
			collaboration: { status: online },
		})
		const cleanups: (() => void)[] = [tracker.stop]
		let started = false

		const start = () => {
			if (started) return
			started = true
			try {
				cleanups.push(bindStoreToDoc(store, doc))
			} catch (error) {
				setSync({ state: 'error', error: error as Error })
				return
			}
			cleanups.push(bindPresence(store, provider.awareness, defaultUserStore.currentUser))
			setSync({ state: 'ready', store, status: tracker.status, provider })
		}
		const onStatus = ({ status }: { status: string }) => online.set(status === 'connected' ? 'online' : 'offline')
		provider.on('status', onStatus)
		cleanups.push(() => provider.off('status', onStatus))

		const onSynced = (synced: boolean) => synced && start()
		provider.on('sync', onSynced)
		cleanups.push(() => provider.off('sync', onSynced))
		localCopy.whenSynced.then(() => {
			// With a local copy the board opens at once, online or not; otherwise wait for the server.
			if (recordsOf(doc).size > 0) start()
		})
		const firstSyncTimeout = setTimeout(start, FIRST_SYNC_TIMEOUT_MS)

		return () => {
			clearTimeout(firstSyncTimeout)
			for (const cleanup of cleanups.reverse()) cleanup()
			provider.destroy()
			void localCopy.destroy()
			doc.destroy()
		}
	}, [boardId])

	return sync
}
