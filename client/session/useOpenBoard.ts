import { useEffect, useState } from 'react'
import { atom, computed, createTLStore, defaultBindingUtils, defaultUserStore, type TLAnyShapeUtilConstructor } from 'tldraw'
import { IndexeddbPersistence } from 'y-indexeddb'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { ensureDepartmentList } from '../../shared/boardSettings'
import type { DocumentKind } from '../../shared/roles'
import { recordsOf } from '../../shared/recordDoc'
import type { IdentityBody } from '../../shared/wire/http'
import { bindStoreToDoc } from '../sync/bindStoreToDoc'
import { bindPresence } from '../sync/presence'
import { connectToRelay } from '../sync/relayConnection'
import { trackSyncStatus } from '../sync/syncStatus'
import { uploadAssetStore } from '../sync/uploadAssetStore'
import { fetchRole, privateRoomOf, roomOf, type BoardLink } from './boardLink'
import { BoardSession } from './BoardSession'
import { exposeForDebugging } from './debugHandle'
import { ensureIdentity } from './identity'

export type OpeningBoard = { state: 'loading' } | { state: 'error'; error: Error } | { state: 'ready'; session: BoardSession }

/** A first visit with no local copy waits this long for the server before opening an empty board. */
const FIRST_SYNC_TIMEOUT_MS = 5000
/** A browser whose IndexedDB does not answer (some private modes) connects without its local copy after this long. */
const LOCAL_COPY_WAIT_MS = 3000

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Opens one board for this page: its Y.Doc kept in IndexedDB (so work survives a reload while
 * offline) and synced through the relay under this browser's identity, bound to a tldraw store,
 * with presence through awareness; beside it the facilitation and support documents; and the
 * role the server gives the link; for a board link also this person's private notes (only they
 * receive them). Ready, as one BoardSession, once the role is known and the
 * store holds the board. `shapeUtils` give the store its schema: every shape the board can hold.
 */
export function useOpenBoard(link: BoardLink, shapeUtils: readonly TLAnyShapeUtilConstructor[]): OpeningBoard {
	const [opening, setOpening] = useState<OpeningBoard>({ state: 'loading' })
	const linkKey = JSON.stringify(link)

	useEffect(() => {
		const documents = { board: new Y.Doc(), facilitation: new Y.Doc(), support: new Y.Doc(), own: new Y.Doc() }
		const localCopy = new IndexeddbPersistence(`strategy-board/${roomOf(link, 'board')}`, documents.board)
		// tldraw's own offline indicator follows the relay connection.
		const online = atom<'online' | 'offline'>('online', 'offline')
		const store = createTLStore({
			shapeUtils,
			bindingUtils: defaultBindingUtils,
			assets: uploadAssetStore(link.via === 'board' ? link.boardId : link.viewId),
			collaboration: { status: online },
		})
		const providers: WebsocketProvider[] = []
		const cleanups: (() => void)[] = []
		let failed = false
		let closed = false
		const fail = (error: Error) => {
			if (closed || failed) return
			failed = true
			setOpening({ state: 'error', error })
		}

		const connectAll = ({ participantId, token }: IdentityBody) => {
			let session: BoardSession | null = null
			const connectRoom = (room: string, doc: Y.Doc, readOnly: boolean): WebsocketProvider =>
				connectToRelay(room, doc, {
					credentials: { identityToken: token, facilitatorKey: link.via === 'board' ? link.key : null },
					readOnly,
					onRefused: (reason) => session?.noticeRefusal(reason),
				})
			const connect = (kind: DocumentKind & keyof typeof documents) =>
				connectRoom(roomOf(link, kind), documents[kind], link.via === 'view' || (kind === 'facilitation' && !link.key))
			// The periodic resync doubles as a heartbeat: the relay answers it, so a dead socket is noticed.
			const provider = connect('board')
			const facilitationProvider = connect('facilitation')
			providers.push(provider, facilitationProvider, connect('support'))
			if (link.via === 'board') providers.push(connectRoom(privateRoomOf(link, participantId), documents.own, false))
			const tracker = trackSyncStatus(provider, documents.board)
			session = new BoardSession(documents, store, tracker.status)
			const opened = session
			exposeForDebugging({ provider, doc: documents.board })
			cleanups.push(tracker.stop, opened.follow())
			let roleKnown = false
			let bound = false
			const readyIfComplete = () => {
				if (!roleKnown || !bound || failed || closed) return
				if (opened.role.get() !== 'viewer') ensureDepartmentList(documents.board)
				setOpening({ state: 'ready', session: opened })
			}

			fetchRole(link).then((role) => {
				opened.setRole(role)
				roleKnown = true
				readyIfComplete()
			}, fail)

			const bindStore = () => {
				if (bound || failed || closed) return
				try {
					const ownNotes = link.via === 'board' ? { doc: documents.own, keepsPrivate: opened.keepsPrivate } : undefined
					cleanups.push(bindStoreToDoc(store, documents.board, { readOnly: link.via === 'view', privateNotes: ownNotes }))
				} catch (error) {
					return fail(error as Error)
				}
				cleanups.push(bindPresence(store, provider.awareness, defaultUserStore.currentUser, presenceMeta(opened)))
				bound = true
				readyIfComplete()
			}
			const onStatus = ({ status }: { status: string }) => online.set(status === 'connected' ? 'online' : 'offline')
			provider.on('status', onStatus)
			cleanups.push(() => provider.off('status', onStatus))
			const onSynced = (synced: boolean) => synced && bindStore()
			provider.on('sync', onSynced)
			cleanups.push(() => provider.off('sync', onSynced))
			const onFacilitationSynced = (synced: boolean) => synced && opened.markFacilitationSynced()
			facilitationProvider.on('sync', onFacilitationSynced)
			cleanups.push(() => facilitationProvider.off('sync', onFacilitationSynced))
			localCopy.whenSynced.then(() => {
				// With a local copy the board opens at once, online or not; otherwise wait for the server.
				if (recordsOf(documents.board).size > 0) bindStore()
			})
			const firstSyncTimeout = setTimeout(bindStore, FIRST_SYNC_TIMEOUT_MS)
			cleanups.push(() => clearTimeout(firstSyncTimeout))
		}
		// The relay learns who we are as each connection opens, so none opens before the identity is known.
		// Nor before the local copy is in the doc: loaded after the socket's first sync, the whole copy
		// would go out as one update, which the relay refuses as too big beyond a few hundred notes.
		Promise.all([ensureIdentity(), Promise.race([localCopy.whenSynced, delay(LOCAL_COPY_WAIT_MS)])])
			.then(([identity]) => {
				if (!closed && !failed) connectAll(identity)
			})
			.catch(fail)

		return () => {
			closed = true
			for (const cleanup of cleanups.reverse()) cleanup()
			for (const each of providers) each.destroy()
			void localCopy.destroy()
			for (const doc of Object.values(documents)) doc.destroy()
			// The store and docs above are gone: show loading until a next run (another link) is ready.
			setOpening({ state: 'loading' })
		}
		// The link is compared by value: a new object for the same link must not reconnect.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [linkKey])

	return opening
}

/** Others see our department beside our cursor and count us in the legend; nothing before joining. */
const presenceMeta = (session: BoardSession) =>
	computed('presence meta', () => {
		const me = session.me.get()
		return me && { department: me.department }
	})
