import { readVoting } from '../../shared/facilitationDoc.js'
import { log } from '../logger.js'
import { documentPolicy } from '../policy/documentPolicy.js'
import { ClientIdClaims } from './ClientIdClaims.js'
import type { Connection } from './Connection.js'
import type { DocumentLog } from '../storage/BoardStorage.js'
import { PersistedBoard, type PersistenceOptions } from '../storage/PersistedBoard.js'
import { documentName, documentOf, type DocumentRef } from './relayPath.js'
import { Room, type RoomOptions } from './Room.js'
import { YDocState } from './YDocState.js'

/** `leases`: connections (or other rooms' connections) that hold the room; it unloads at 0. */
type Entry = { room: Promise<Room>; leases: number; idleTimer?: NodeJS.Timeout }

export type RoomRegistryOptions = PersistenceOptions & RoomOptions & { idleMs: number }

/** Clients reconnect after this close code (it is not a 44xx), and load the board again. */
const RELOAD_CLOSE_CODE = 1011

/**
 * The boards in memory. A board is loaded on its first lease, and written back, merged and
 * dropped once nothing has held it for `idleMs`. A join while it is being unloaded waits for the
 * unload and then loads it again, so nothing written during the unload is missed.
 */
export class RoomRegistry {
	private readonly entries = new Map<string, Entry>()
	private readonly unloading = new Map<string, Promise<void>>()
	/** Client id claims and reservations per document, kept while any are left (see ClientIdClaims). */
	private readonly claims = new Map<string, ClientIdClaims<Connection>>()
	/**
	 * Support and private rooms hold their board's facilitation room for as long as they are
	 * loaded: votes are judged by the open round, private notes move by the private round.
	 */
	private readonly heldFacilitation = new Map<Room, Room>()
	private readonly loadListeners: ((room: Room, ref: DocumentRef) => void)[] = []

	constructor(
		private readonly storage: DocumentLog,
		private readonly options: RoomRegistryOptions,
	) {}

	get loadedRoomCount(): number {
		return this.entries.size
	}

	/** The room of a document, loading it if needed; the caller holds a lease until `release`. */
	acquire(name: string): Promise<Room> {
		let entry = this.entries.get(name)
		if (!entry) {
			const room = this.load(name)
			const created: Entry = { room, leases: 0 }
			entry = created
			this.entries.set(name, created)
			room.catch(() => {
				if (this.entries.get(name) === created) this.entries.delete(name)
			})
		}
		clearTimeout(entry.idleTimer)
		entry.idleTimer = undefined
		entry.leases++
		return entry.room
	}

	/** Called with every room once it is loaded, before anyone joins it. */
	afterLoad(listener: (room: Room, ref: DocumentRef) => void): void {
		this.loadListeners.push(listener)
	}

	/** The names of the documents in memory that start with `prefix`, saved yet or not. */
	loadedNames(prefix: string): string[] {
		return [...this.entries.keys()].filter((name) => name.startsWith(prefix))
	}

	/** Gives back a lease taken by `acquire`; the last one schedules the unload. */
	release(room: Room): void {
		const entry = this.entries.get(room.boardId)
		if (!entry) return
		entry.leases = Math.max(0, entry.leases - 1)
		this.scheduleUnload(room.boardId, entry)
	}

	/** Flushes every loaded board to storage (used on shutdown); resolves to the ids that failed. */
	async flushAll(): Promise<string[]> {
		await Promise.all(this.unloading.values())
		const rooms = await Promise.allSettled([...this.entries.values()].map((entry) => entry.room))
		const loaded = rooms.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
		const results = await Promise.allSettled(loaded.map((room) => room.persistence.flush()))
		return loaded.filter((_, index) => results[index]!.status === 'rejected').map((room) => room.boardId)
	}

	private scheduleUnload(name: string, entry: Entry) {
		if (entry.leases > 0) return
		clearTimeout(entry.idleTimer)
		entry.idleTimer = setTimeout(() => void this.unload(name), this.options.idleMs)
	}

	private async load(name: string): Promise<Room> {
		await this.unloading.get(name)
		const ref = documentOf(name)
		const { boardId, kind } = ref
		const facilitation = kind === 'support' || kind === 'private' ? await this.acquire(documentName(boardId, 'facilitation')) : null
		try {
			const room = new Room(
				name,
				new YDocState(this.options.maxNestingDepth),
				this.options,
				documentPolicy(kind, () => (facilitation ? facilitation.read(readVoting) : null)),
				(state) => new PersistedBoard(this.storage, name, state, this.options),
				(broken) => void this.discard(broken),
				this.claimsOf(name),
			)
			await room.persistence.load()
			if (facilitation) this.heldFacilitation.set(room, facilitation)
			for (const listener of this.loadListeners) listener(room, ref)
			return room
		} catch (error) {
			if (facilitation) this.release(facilitation)
			throw error
		}
	}

	private releaseHeld(room: Room) {
		const facilitation = this.heldFacilitation.get(room)
		if (!facilitation) return
		this.heldFacilitation.delete(room)
		this.release(facilitation)
	}

	private claimsOf(name: string): ClientIdClaims<Connection> {
		let claims = this.claims.get(name)
		if (!claims) this.claims.set(name, (claims = new ClientIdClaims()))
		return claims
	}

	/** Drops claim records of documents no longer loaded once their reservations expired. */
	private forgetIdleClaims() {
		for (const [name, claims] of this.claims) if (!this.entries.has(name) && claims.isEmpty) this.claims.delete(name)
	}

	private async unload(name: string): Promise<void> {
		const entry = this.entries.get(name)
		if (!entry || entry.leases > 0) return
		this.entries.delete(name)
		const room = await entry.room
		await this.whileUnloading(name, async () => {
			try {
				await room.persistence.flushAndCompact()
				log.info('unloaded idle board', { boardId: name })
				room.destroy()
				this.releaseHeld(room)
				this.forgetIdleClaims()
			} catch {
				// Storage is failing: keep the board in memory (PersistedBoard retries) and try again later.
				this.entries.set(name, entry)
				this.scheduleUnload(name, entry)
			}
		})
	}

	/**
	 * Drops a room whose state may hold part of an update: what it accepted before is written as
	 * it came (never its state), its clients are closed so they reconnect, and the next join
	 * loads the board from disk.
	 */
	private async discard(room: Room): Promise<void> {
		const entry = this.entries.get(room.boardId)
		if (!entry) return
		this.entries.delete(room.boardId)
		clearTimeout(entry.idleTimer)
		room.destroy()
		this.releaseHeld(room)
		for (const connection of room.connections) {
			room.claims.releaseAll(connection)
			connection.close(RELOAD_CLOSE_CODE, 'the board is being reloaded; reconnecting')
		}
		await this.whileUnloading(room.boardId, () => room.persistence.retire().catch(() => {}))
	}

	private async whileUnloading(name: string, work: () => Promise<void>) {
		const done = work().finally(() => this.unloading.delete(name))
		this.unloading.set(name, done)
		await done
	}
}
