import { log } from '../logger.js'
import type { DocumentLog } from '../storage/BoardStorage.js'
import { PersistedBoard, type PersistenceOptions } from '../storage/PersistedBoard.js'
import { Room } from './Room.js'
import { YDocState } from './YDocState.js'

type Entry = { room: Promise<Room>; idleTimer?: NodeJS.Timeout }

export type RoomRegistryOptions = PersistenceOptions & { idleMs: number; awarenessTickMs: number; maxDocumentBytes: number }

/**
 * The boards in memory. A board is loaded on its first connection, and written back, merged and
 * dropped once nobody has been connected for `idleMs`. A join while it is being unloaded waits
 * for the unload and then loads it again, so nothing written during the unload is missed.
 */
export class RoomRegistry {
	private readonly entries = new Map<string, Entry>()
	private readonly unloading = new Map<string, Promise<void>>()

	constructor(
		private readonly storage: DocumentLog,
		private readonly options: RoomRegistryOptions,
	) {}

	get loadedRoomCount(): number {
		return this.entries.size
	}

	/** The room of a board, loading it if needed; cancels a pending idle unload. */
	acquire(boardId: string): Promise<Room> {
		const existing = this.entries.get(boardId)
		if (existing) {
			clearTimeout(existing.idleTimer)
			existing.idleTimer = undefined
			return existing.room
		}
		const room = this.load(boardId)
		const entry: Entry = { room }
		this.entries.set(boardId, entry)
		room.catch(() => this.entries.delete(boardId))
		return room
	}

	/** Call after a connection left: schedules the unload once the room is empty. */
	release(room: Room): void {
		const entry = this.entries.get(room.boardId)
		if (!entry || room.connections.size > 0) return
		clearTimeout(entry.idleTimer)
		entry.idleTimer = setTimeout(() => void this.unload(room.boardId), this.options.idleMs)
	}

	/** Flushes every loaded board to storage (used on shutdown); resolves to the ids that failed. */
	async flushAll(): Promise<string[]> {
		await Promise.all(this.unloading.values())
		const rooms = await Promise.allSettled([...this.entries.values()].map((entry) => entry.room))
		const loaded = rooms.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
		const results = await Promise.allSettled(loaded.map((room) => room.persistence.flush()))
		return loaded.filter((_, index) => results[index]!.status === 'rejected').map((room) => room.boardId)
	}

	private async load(boardId: string): Promise<Room> {
		await this.unloading.get(boardId)
		const room = new Room(boardId, new YDocState(), this.options, (state) => new PersistedBoard(this.storage, boardId, state, this.options))
		await room.persistence.load()
		return room
	}

	private async unload(boardId: string): Promise<void> {
		const entry = this.entries.get(boardId)
		if (!entry) return
		this.entries.delete(boardId)
		const room = await entry.room
		const done = (async () => {
			try {
				await room.persistence.flushAndCompact()
				log.info('unloaded idle board', { boardId })
				room.destroy()
			} catch {
				// Storage is failing: keep the board in memory (PersistedBoard retries) and try again later.
				this.entries.set(boardId, entry)
				this.release(room)
			} finally {
				this.unloading.delete(boardId)
			}
		})()
		this.unloading.set(boardId, done)
		await done
	}
}
