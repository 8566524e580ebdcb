import * as Y from 'yjs'
import { CLOSE_CODES } from '../../shared/closeCodes.js'
import { log } from '../logger.js'
import type { DocumentPolicy } from '../policy/documentPolicy.js'
import type { PersistedBoard } from '../storage/PersistedBoard.js'
import { AwarenessRelay, type AwarenessLimits } from './AwarenessRelay.js'
import { ClientIdClaims } from './ClientIdClaims.js'
import type { Connection, Refusal } from './Connection.js'
import type { DocumentState } from './DocumentState.js'
import { closeCodeForRefusal, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, type ClientMessage } from './protocol.js'
import { checkDependencies } from './updateDependencies.js'
import type { ScannedUpdate } from './updateShape.js'

/**
 * Each send is a socket write (~13 µs measured at 200 clients), so a tick's fan-out to a whole
 * company would hold up a document update that arrives meanwhile by milliseconds; sending it in
 * slices lets updates that arrive between slices go out first.
 */
const AWARENESS_SEND_SLICE = 20
/** A client whose updates keep building on changes it never sends is closed after this long. */
export const MISSING_DEPENDENCY_GRACE_MS = 20_000
const ASK_FOR_MISSING_INTERVAL_MS = 1000
/** Joiners asking with the same state vector (most ask with an empty one) share one encoded answer. */
const CACHED_SYNC_ANSWERS = 4
/** A hostile client may send hundreds of refused updates a second: one log line per connection per interval. */
const REFUSAL_LOG_INTERVAL_MS = 2000

export type RoomOptions = AwarenessLimits & { awarenessTickMs: number; maxDocumentBytes: number; maxNestingDepth: number }

/**
 * One document in memory: its state, its awareness and the connections on it. Every update is
 * checked against the state before it takes effect (see updateDependencies.ts), then against the
 * document's write policy (server/policy/writePolicy.ts), and applied whole or not at all.
 * Document updates are broadcast at once; awareness changes (cursors, 10+ per second per person)
 * are coalesced and sent once per tick with only the latest state of each peer. Every broadcast
 * is encoded once and the same buffer goes to every peer.
 */
export class Room {
	readonly awareness: AwarenessRelay<Connection>
	readonly connections = new Set<Connection>()
	readonly persistence: PersistedBoard
	private readonly changedAwarenessClients = new Set<number>()
	private awarenessTimer: NodeJS.Timeout | undefined
	private readonly syncAnswers = new Map<string, Uint8Array>()
	private readonly refusalsLoggedAt = new WeakMap<Connection, number>()
	private readonly changeListeners: (() => void)[] = []
	private destroyed = false

	constructor(
		readonly boardId: string,
		readonly state: DocumentState,
		private readonly options: RoomOptions,
		/** What may change inside the document beyond the connection's role; null: whatever the role allows. */
		private readonly policy: DocumentPolicy | null,
		createPersistence: (state: DocumentState) => PersistedBoard,
		/** Called when the state may hold part of an update: the room must be dropped without saving it. */
		private readonly onBroken: (room: Room) => void,
		/** Outlives the room, so ids stay reserved for their departed owners across an unload. */
		readonly claims: ClientIdClaims<Connection> = new ClientIdClaims(),
	) {
		this.persistence = createPersistence(state)
		this.awareness = new AwarenessRelay(options, this.claims)
	}

	join(connection: Connection): void {
		this.connections.add(connection)
		connection.send(encodeSyncStep1(this.persistence.durableStateVector))
		const states = this.awareness.clientIds
		if (states.length > 0) connection.send(encodeAwareness(this.awareness.encodeUpdate(states)))
	}

	leave(connection: Connection): void {
		if (!this.connections.delete(connection)) return
		this.claims.releaseAll(connection)
		this.awarenessChanged(this.awareness.removeOwnedBy(connection))
	}

	/** The document, for the server's own questions; throws once the room was unloaded, so callers fail closed. */
	read<T>(reader: (doc: Y.Doc) => T): T {
		if (this.destroyed) throw new Error(`the document ${this.boardId} is no longer loaded`)
		return this.state.read(reader)
	}

	receive(connection: Connection, message: ClientMessage): void {
		switch (message.kind) {
			case 'syncStep1':
				connection.sendRequested(this.syncAnswerFor(message.stateVector))
				this.confirmWhenDurable(connection)
				return
			case 'update':
				this.receiveUpdate(connection, message.update, message.scanned)
				return
			case 'awareness': {
				const { changed, refusal } = this.awareness.apply(message.entries, connection)
				if (refusal) connection.noticeRefusal(refusal)
				this.awarenessChanged(changed)
				return
			}
			case 'queryAwareness':
				connection.send(encodeAwareness(this.awareness.encodeUpdate(this.awareness.clientIds)))
				return
		}
	}

	/** Called after every change that took effect, a client's or the server's own. */
	onChange(listener: () => void): void {
		this.changeListeners.push(listener)
	}

	/**
	 * A change the server makes itself (moving revealed private notes onto the board): made on a
	 * copy, so the state only ever takes in whole updates, and sent to every connection. Held to the
	 * same size limit as a client's update; false: it would make the document too large, and nothing
	 * changed.
	 */
	applyServerChange(change: (doc: Y.Doc) => void): boolean {
		if (this.destroyed) throw new Error(`the document ${this.boardId} is no longer loaded`)
		const copy = new Y.Doc()
		try {
			Y.applyUpdate(copy, this.state.encodeState())
			const before = Y.encodeStateVector(copy)
			let changed = false
			copy.on('update', () => (changed = true))
			change(copy)
			if (!changed) return true
			const update = Y.encodeStateAsUpdate(copy, before)
			if (!this.hasRoomFor(update)) {
				log.warn('refused a change of the server that would make a board too large', { boardId: this.boardId })
				return false
			}
			try {
				this.state.apply(update)
			} catch (error) {
				this.onBroken(this)
				throw error
			}
			this.took(update, null)
			return true
		} finally {
			copy.destroy()
		}
	}

	destroy(): void {
		this.destroyed = true
		clearTimeout(this.awarenessTimer)
	}

	/**
	 * Our state vector lets a client confirm the server has its edits ("saved"), so it is sent
	 * only once everything accepted before the question is on disk, and it is the vector of what is
	 * on disk. Stock clients answer it with a step 2 of whatever that vector lacks.
	 */
	private confirmWhenDurable(connection: Connection) {
		this.persistence.whenDurable().then(
			(stateVector) => connection.send(encodeSyncStep1(stateVector)),
			() => {},
		)
	}

	private syncAnswerFor(stateVector: Uint8Array): Uint8Array {
		const key = Buffer.from(stateVector).toString('latin1')
		let answer = this.syncAnswers.get(key)
		if (!answer) {
			answer = encodeSyncStep2(this.state.diff(stateVector))
			if (this.syncAnswers.size >= CACHED_SYNC_ANSWERS) this.syncAnswers.delete(this.syncAnswers.keys().next().value!)
			this.syncAnswers.set(key, answer)
		}
		return answer
	}

	private receiveUpdate(connection: Connection, update: Uint8Array, scanned: ScannedUpdate) {
		const verdict = checkDependencies(scanned, this.state, this.options.maxNestingDepth)
		// A sync reply with nothing new is no write: it must not earn a read-only client a refusal.
		if (verdict.ok && verdict.changesNothing) return
		const refusal = connection.writeRefusal()
		if (refusal) {
			connection.noticeRefusal(refusal)
			return
		}
		if (!verdict.ok) {
			if (verdict.missing) return this.waitForMissing(connection, verdict.reason)
			log.warn('refused an update', { boardId: this.boardId, problem: verdict.reason })
			return connection.close(closeCodeForRefusal(verdict.setting), verdict.reason)
		}
		const refused = this.policyRefusal(connection, update)
		if (refused) return this.refuseByPolicy(connection, refused)
		const taken = verdict.writtenClients.find((client) => !this.claims.mayUse(client, connection))
		if (taken !== undefined) {
			// Usually the same browser, reconnected before its old socket was found dead: ask that one
			// whether it is still there, and this one to send its changes again meanwhile.
			this.claims.ownerOf(taken)!.probe()
			return this.waitForMissing(connection, `update writes under client id ${taken}, which another connection holds`)
		}
		if (!this.hasRoomFor(update)) {
			const limit = Math.round(this.options.maxDocumentBytes / (1024 * 1024))
			log.warn('refused an update that would make a board too large', { boardId: this.boardId })
			connection.close(CLOSE_CODES.documentTooLarge, `this board reached its size limit of ${limit} MiB; the change was not saved`)
			return
		}
		try {
			this.state.apply(update)
		} catch (error) {
			log.error('an update that passed every check could not be applied; reloading the board from disk', {
				boardId: this.boardId,
				error: String(error),
			})
			connection.close(CLOSE_CODES.malformedMessage, 'document update could not be applied')
			this.onBroken(this)
			return
		}
		for (const client of verdict.writtenClients) this.claims.claim(client, connection)
		connection.waitingSince = null
		this.took(update, connection)
	}

	/** After an update took effect: saved, sent to everyone but its sender, and announced. */
	private took(update: Uint8Array, sender: Connection | null) {
		this.syncAnswers.clear()
		this.persistence.enqueue(update)
		const message = encodeUpdate(update)
		for (const other of this.connections) if (other !== sender) other.send(message)
		for (const listener of this.changeListeners) listener()
	}

	/** Read before the update is applied: the policy judges what it would change. */
	private policyRefusal(connection: Connection, update: Uint8Array): Refusal | null {
		const { policy } = this
		return policy && this.state.read((doc) => policy(connection, update, doc))
	}

	/** Dropped as a locked board's edit is: a later update building on it makes us ask for it again (waitForMissing). */
	private refuseByPolicy(connection: Connection, refusal: Refusal) {
		connection.noticeRefusal(refusal)
		const now = performance.now()
		if (now - (this.refusalsLoggedAt.get(connection) ?? Number.NEGATIVE_INFINITY) < REFUSAL_LOG_INTERVAL_MS) return
		this.refusalsLoggedAt.set(connection, now)
		log.warn('refused an update against the write policy', { boardId: this.boardId, participantId: connection.participantId, ...refusal })
	}

	/**
	 * Nothing of such an update is kept. Asking the client what we lack makes it send everything
	 * again in one reply, which passes once the missing part is in it (an honest client's edit
	 * refused while the board was locked, then built upon); a client that never sends it is
	 * closed after a grace period, so it cannot keep the server busy.
	 */
	private waitForMissing(connection: Connection, reason: string) {
		const now = performance.now()
		connection.waitingSince ??= now
		if (now - connection.waitingSince > MISSING_DEPENDENCY_GRACE_MS) {
			log.warn('closed a connection whose updates build on changes it never sent', { boardId: this.boardId, problem: reason })
			connection.close(CLOSE_CODES.updateRefused, `${reason}; not resolved within ${MISSING_DEPENDENCY_GRACE_MS / 1000} s`)
			return
		}
		if (now - connection.askedForMissingAt < ASK_FOR_MISSING_INTERVAL_MS) return
		connection.askedForMissingAt = now
		connection.send(encodeSyncStep1(this.persistence.durableStateVector))
	}

	/** Measuring the document exactly may cost a merge, so it is only done when the bound is near the limit. */
	private hasRoomFor(update: Uint8Array): boolean {
		const limit = this.options.maxDocumentBytes
		if (this.state.sizeBound() + update.byteLength <= limit) return true
		return this.state.exactSize() + update.byteLength <= limit
	}

	private awarenessChanged(clientIds: number[]) {
		for (const id of clientIds) this.changedAwarenessClients.add(id)
		if (this.changedAwarenessClients.size > 0) {
			this.awarenessTimer ??= setTimeout(this.broadcastAwareness, this.options.awarenessTickMs)
		}
	}

	private readonly broadcastAwareness = () => {
		this.awarenessTimer = undefined
		if (this.changedAwarenessClients.size === 0) return
		const message = encodeAwareness(this.awareness.encodeUpdate(this.changedAwarenessClients))
		this.changedAwarenessClients.clear()
		const receivers = [...this.connections]
		const sendSlice = (start: number) => {
			const end = Math.min(receivers.length, start + AWARENESS_SEND_SLICE)
			for (let index = start; index < end; index++) receivers[index]!.send(message)
			if (end < receivers.length) setImmediate(sendSlice, end)
		}
		sendSlice(0)
	}
}
