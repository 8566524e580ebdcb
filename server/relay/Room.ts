import { CLOSE_CODES } from '../../shared/closeCodes.js'
import { log } from '../logger.js'
import type { PersistedBoard } from '../storage/PersistedBoard.js'
import { AwarenessRelay } from './AwarenessRelay.js'
import type { Connection } from './Connection.js'
import type { DocumentState } from './DocumentState.js'
import {
	encodeAwareness,
	encodeSyncStep1,
	encodeSyncStep2,
	encodeUpdate,
	type ClientMessage,
} from './protocol.js'

/**
 * Each send is a socket write (~13 µs measured at 200 clients), so a tick's fan-out to a whole
 * company would hold up a document update that arrives meanwhile by milliseconds; sending it in
 * slices lets updates that arrive between slices go out first.
 */
const AWARENESS_SEND_SLICE = 20

/**
 * One document in memory: its state, its awareness and the connections on it. Document updates are
 * broadcast at once; awareness changes (cursors, 10+ per second per person) are coalesced and
 * sent once per tick with only the latest state of each peer. Every broadcast is encoded once and
 * the same buffer goes to every peer.
 */
export class Room {
	readonly awareness = new AwarenessRelay()
	readonly connections = new Set<Connection>()
	readonly persistence: PersistedBoard
	private readonly changedAwarenessClients = new Set<number>()
	private awarenessTimer: NodeJS.Timeout | undefined

	constructor(
		readonly boardId: string,
		readonly state: DocumentState,
		private readonly options: { awarenessTickMs: number; maxDocumentBytes: number },
		createPersistence: (state: DocumentState) => PersistedBoard,
	) {
		this.persistence = createPersistence(state)
	}

	join(connection: Connection): void {
		this.connections.add(connection)
		connection.send(encodeSyncStep1(this.state.stateVector()))
		const states = this.awareness.clientIds
		if (states.length > 0) connection.send(encodeAwareness(this.awareness.encodeUpdate(states)))
	}

	leave(connection: Connection): void {
		if (!this.connections.delete(connection)) return
		this.awarenessChanged(this.awareness.removeOwnedBy(connection))
	}

	receive(connection: Connection, message: ClientMessage): void {
		switch (message.kind) {
			case 'syncStep1':
				connection.send(encodeSyncStep2(this.state.diff(message.stateVector)))
				// Our own state vector in reply lets a client confirm the server has its edits
				// ("saved"); stock clients just answer it with an (often empty) step 2.
				connection.send(encodeSyncStep1(this.state.stateVector()))
				return
			case 'update':
				// Nothing to apply or refuse: a read-only client's sync reply must not earn it a refusal.
				if (!message.empty) this.applyClientUpdate(connection, message.update)
				return
			case 'awareness':
				this.awarenessChanged(this.awareness.apply(message.entries, connection))
				return
			case 'queryAwareness':
				connection.send(encodeAwareness(this.awareness.encodeUpdate(this.awareness.clientIds)))
				return
		}
	}

	destroy(): void {
		clearTimeout(this.awarenessTimer)
	}

	private applyClientUpdate(connection: Connection, update: Uint8Array) {
		const refusal = connection.writeRefusal()
		if (refusal) {
			connection.noticeRefusal(refusal)
			return
		}
		if (!this.hasRoomFor(update)) {
			const limit = Math.round(this.options.maxDocumentBytes / (1024 * 1024))
			log.warn('refused an update that would make a board too large', { boardId: this.boardId })
			connection.close(CLOSE_CODES.documentTooLarge, `this board reached its size limit of ${limit} MiB; the change was not saved`)
			return
		}
		let applied: { missingDependencies: boolean }
		try {
			applied = this.state.apply(update)
		} catch (error) {
			log.warn('refused an update that could not be applied', { boardId: this.boardId, error: String(error) })
			connection.close(CLOSE_CODES.malformedMessage, 'document update could not be applied')
			return
		}
		this.persistence.enqueue(update)
		const message = encodeUpdate(update)
		for (const other of this.connections) if (other !== connection) other.send(message)
		// An update that builds on one we refused earlier (the board was locked) waits for it.
		// Asking the client what we lack makes it send that one again, now that it may pass.
		if (applied.missingDependencies) connection.send(encodeSyncStep1(this.state.stateVector()))
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
