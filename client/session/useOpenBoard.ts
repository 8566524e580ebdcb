import { useEffect, useState } from 'react'
import { atom, computed, createTLStore, defaultBindingUtils, defaultUserStore, type Atom, type TLStore } from 'tldraw'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import * as authProtocol from 'y-protocols/auth'
import { recordsOf } from '../../shared/recordDoc'
import { MESSAGE_AUTH } from '../../shared/wire/messages'
import { uploadAssetStore } from '../sync/uploadAssetStore'
import { $participant } from './participant'
import { roomOf, type BoardLink } from './boardLink'
import { showNotice } from './notice'
import { $facilitationSynced, followSessionDocuments } from './sessionState'
import { BOARD_SHAPE_UTILS } from '../canvas/shapes/boardShapeUtils'
import { bindStoreToDoc } from '../sync/bindStoreToDoc'
import { bindPresence } from '../sync/presence'
import { neverAnswerWithWrites } from '../sync/readOnlySync'
import { trackSyncStatus, type SyncStatus } from '../sync/syncStatus'

export type ReadyBoardSync = { state: 'ready'; store: TLStore; doc: Y.Doc; status: Atom<SyncStatus>; provider: WebsocketProvider }
export type BoardSync = { state: 'loading' } | { state: 'error'; error: Error } | ReadyBoardSync

/** A first visit with no local copy waits this long for the server before opening an empty board. */
const FIRST_SYNC_TIMEOUT_MS = 5000

/** Others see our department beside our cursor and count us in the legend; nothing before joining. */
const $presenceMeta = computed('presence meta', () => {
	const participant = $participant.get()
	return participant && { department: participant.department }
})

export const relayUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs`

/**
 * One board's live session: a Y.Doc kept in IndexedDB (so work survives a reload while offline)
 * and synced through the relay, bound to a tldraw store, with presence through awareness; beside
 * it the board's facilitation and support documents.
 */
export function useBoardSync(link: BoardLink): BoardSync {
	const [sync, setSync] = useState<BoardSync>({ state: 'loading' })
	const linkKey = JSON.stringify(link)

	useEffect(() => {
		const doc = new Y.Doc()
		const localCopy = new IndexeddbPersistence(`strategy-board/${roomOf(link, 'board')}`, doc)
		// The periodic resync doubles as a heartbeat: the relay answers it, so a dead socket is noticed.
		const provider = connect(link, 'board', doc)
		const side = { facilitation: new Y.Doc(), support: new Y.Doc() }
		const facilitationProvider = connect(link, 'facilitation', side.facilitation)
		const sideProviders = [facilitationProvider, connect(link, 'support', side.support)]
		const tracker = trackSyncStatus(provider, doc)
		// `?debug` hands the session to the browser console (and to tests that cut the network).
		if (new URLSearchParams(location.search).has('debug')) Object.assign(window, { strategyBoard: { provider, doc } })
		// tldraw's own offline indicator follows the relay connection.
		const online = atom<'online' | 'offline'>('online', 'offline')
		const store = createTLStore({
			shapeUtils: BOARD_SHAPE_UTILS,
			bindingUtils: defaultBindingUtils,
			assets: uploadAssetStore,
			collaboration: { status: online },
		})
		const cleanups: (() => void)[] = [tracker.stop, followSessionDocuments(side)]
		let started = false

		const start = () => {
			if (started) return
			started = true
			try {
				cleanups.push(bindStoreToDoc(store, doc, { readOnly: link.via === 'view' }))
			} catch (error) {
				setSync({ state: 'error', error: error as Error })
				return
			}
			cleanups.push(bindPresence(store, provider.awareness, defaultUserStore.currentUser, $presenceMeta))
			setSync({ state: 'ready', store, doc, status: tracker.status, provider })
		}
		const onStatus = ({ status }: { status: string }) => online.set(status === 'connected' ? 'online' : 'offline')
		provider.on('status', onStatus)
		cleanups.push(() => provider.off('status', onStatus))

		const onSynced = (synced: boolean) => synced && start()
		provider.on('sync', onSynced)
		cleanups.push(() => provider.off('sync', onSynced))
		const onFacilitationSynced = (synced: boolean) => synced && $facilitationSynced.set(true)
		facilitationProvider.on('sync', onFacilitationSynced)
		cleanups.push(() => facilitationProvider.off('sync', onFacilitationSynced))
		localCopy.whenSynced.then(() => {
			// With a local copy the board opens at once, online or not; otherwise wait for the server.
			if (recordsOf(doc).size > 0) start()
		})
		const firstSyncTimeout = setTimeout(start, FIRST_SYNC_TIMEOUT_MS)

		return () => {
			clearTimeout(firstSyncTimeout)
			for (const cleanup of cleanups.reverse()) cleanup()
			provider.destroy()
			for (const sideProvider of sideProviders) sideProvider.destroy()
			void localCopy.destroy()
			doc.destroy()
			side.facilitation.destroy()
			side.support.destroy()
			// The store and docs above are gone: show loading until a next run (another link) is ready.
			setSync({ state: 'loading' })
		}
		// The link is compared by value: a new object for the same link must not reconnect.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [linkKey])

	return sync
}

function connect(link: BoardLink, kind: 'board' | 'facilitation' | 'support', doc: Y.Doc): WebsocketProvider {
	const params: Record<string, string> = link.via === 'board' && link.key ? { key: link.key } : {}
	const provider = new WebsocketProvider(relayUrl(), roomOf(link, kind), doc, { params, resyncInterval: 10_000 })
	// The relay explains a dropped change (locked board, view-only link) with y-websocket's
	// "permission denied" message; say it to the person instead of the console.
	provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
		authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => showNotice(reason))
	}
	if (isReadOnly(link, kind)) neverAnswerWithWrites(provider)
	return provider
}

/** What this link can never write, whatever the server says: a view link, or the session without a facilitator key. */
function isReadOnly(link: BoardLink, kind: 'board' | 'facilitation' | 'support'): boolean {
	return link.via === 'view' || (kind === 'facilitation' && !link.key)
}
