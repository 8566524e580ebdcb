import * as Y from 'yjs'
import { log } from '../logger.js'
import type { DocumentLog } from './BoardStorage.js'

export type PersistenceOptions = { persistDelayMs: number; compactAfterUpdates: number }

/**
 * What loading stored updates into a state found: indexes of updates that could not be applied,
 * structs dropped because they wait for changes never stored, shared types deleted for nesting
 * too deep.
 */
export type LoadReport = { skipped: number[]; droppedPending: number; pruned: number }

/** What persistence needs of a document's state (see relay/DocumentState.ts). */
export type PersistableState = {
	load(updates: Uint8Array[]): LoadReport
	encodeState(): Uint8Array
	stateVector(): Uint8Array
}

const RETRY_DELAY_MS = 1000

type DurabilityWaiter = { enqueued: number; resolve: (stateVector: Uint8Array) => void }

/**
 * Write-behind persistence of one document: accepted updates are batched for a few
 * milliseconds, merged and appended to storage; once the log grows long it is replaced by the
 * document's state. All storage operations of a board run one after another on one promise chain,
 * so a compaction can never drop an append that raced it. It also knows what is on disk: the
 * state vector of the last write that completed, which is all the relay may confirm to clients.
 */
export class PersistedBoard {
	private pending: Uint8Array[] = []
	private flushTimer: NodeJS.Timeout | undefined
	private chain: Promise<void> = Promise.resolve()
	private storedCount = 0
	/** Updates accepted so far, and how many of them are on disk. */
	private enqueuedCount = 0
	private durableCount = 0
	private durable: Uint8Array = new Uint8Array([0])
	private readonly waiters: DurabilityWaiter[] = []
	/** Once retired, the state is never written again: it may hold part of a refused update. */
	private retired = false

	constructor(
		private readonly storage: DocumentLog,
		readonly boardId: string,
		private readonly state: PersistableState,
		private readonly options: PersistenceOptions,
	) {}

	/** The state vector of everything on disk. */
	get durableStateVector(): Uint8Array {
		return this.durable
	}

	/**
	 * Loads the stored document into the state. Stored updates that cannot be applied (disk damage,
	 * or written before updates were checked) are set aside in storage, not deleted, and the board
	 * opens from the rest; the log is then merged, so the next load starts clean.
	 */
	async load(): Promise<void> {
		const stored = await this.storage.loadUpdates(this.boardId)
		this.storedCount = stored.length
		const { skipped, droppedPending, pruned } = this.state.load(stored.map((entry) => entry.update))
		if (skipped.length > 0) {
			const ids = skipped.map((index) => stored[index]!.id)
			log.error('set aside stored updates of a board that could not be applied; the board opens without them', {
				boardId: this.boardId,
				setAside: ids,
			})
			await this.storage.setAside(this.boardId, ids)
			this.storedCount -= ids.length
		}
		if (droppedPending > 0) {
			log.warn('dropped stored changes that depend on changes never received', { boardId: this.boardId, structs: droppedPending })
		}
		if (pruned > 0) log.warn('deleted shared types nested deeper than MAX_NESTING_DEPTH', { boardId: this.boardId, types: pruned })
		this.durable = this.state.stateVector()
		const repaired = skipped.length > 0 || droppedPending > 0 || pruned > 0
		if (this.storedCount > 1 || (repaired && this.storedCount > 0)) await this.compact().catch(() => {})
	}

	/** Queues an accepted update; it is on disk within `persistDelayMs` plus one write. */
	enqueue(update: Uint8Array): void {
		this.pending.push(update)
		this.enqueuedCount++
		this.scheduleFlush(this.options.persistDelayMs)
	}

	/** Resolves with the state vector on disk once every update accepted so far is written. */
	whenDurable(): Promise<Uint8Array> {
		if (this.durableCount >= this.enqueuedCount) return Promise.resolve(this.durable)
		return new Promise((resolve) => this.waiters.push({ enqueued: this.enqueuedCount, resolve }))
	}

	/**
	 * Writes everything queued so far; resolves once it is durable. Rejects when the write failed:
	 * the updates stay queued and a retry is scheduled.
	 */
	flush(): Promise<void> {
		this.cancelTimer()
		return this.serialize(async () => {
			if (this.pending.length === 0) return
			const batch = this.pending
			this.pending = []
			// Every accepted update is applied before it is queued, so this vector is exactly what
			// the batch brings the disk to.
			const written = { count: this.enqueuedCount, stateVector: this.retired ? this.durable : this.state.stateVector() }
			try {
				await this.storage.appendUpdates(this.boardId, [Y.mergeUpdates(batch)])
				this.storedCount += 1
			} catch (error) {
				this.pending = batch.concat(this.pending)
				throw this.failed('could not write board updates; will retry', error)
			}
			this.markDurable(written)
			// A failed compaction is logged and retried; the appended updates are durable either way.
			if (this.storedCount >= this.options.compactAfterUpdates && !this.retired) await this.replaceLogWithState().catch(() => {})
		})
	}

	/** Writes the queued updates as they came and never the state again (see RoomRegistry.discard). */
	retire(): Promise<void> {
		this.retired = true
		return this.flush()
	}

	/** Flushes and, when the stored log has more than one entry, merges it into one state. */
	async flushAndCompact(): Promise<void> {
		await this.flush()
		if (this.storedCount > 1) await this.compact()
	}

	private compact(): Promise<void> {
		this.cancelTimer()
		return this.serialize(() => this.replaceLogWithState())
	}

	/** Replaces the whole stored log with the state, which includes anything still queued. */
	private async replaceLogWithState(): Promise<void> {
		const captured = this.pending
		this.pending = []
		const written = { count: this.enqueuedCount, stateVector: this.state.stateVector() }
		try {
			await this.storage.compact(this.boardId, this.state.encodeState(), this.storedCount)
			this.storedCount = 1
		} catch (error) {
			this.pending = captured.concat(this.pending)
			throw this.failed('could not compact a board; its log stays as it is', error)
		}
		this.markDurable(written)
	}

	private markDurable(written: { count: number; stateVector: Uint8Array }) {
		this.durableCount = Math.max(this.durableCount, written.count)
		this.durable = written.stateVector
		for (let index = this.waiters.length - 1; index >= 0; index--) {
			const waiter = this.waiters[index]!
			if (waiter.enqueued > this.durableCount) continue
			this.waiters.splice(index, 1)
			waiter.resolve(this.durable)
		}
	}

	/** Logs a failed write and schedules a retry of whatever is still queued. */
	private failed(message: string, error: unknown): Error {
		log.error(message, { boardId: this.boardId, error: String(error) })
		this.scheduleFlush(RETRY_DELAY_MS)
		return new Error(`${message}: ${String(error)}`)
	}

	private scheduleFlush(delayMs: number) {
		// A failed timed flush has already been logged and rescheduled by `failed`.
		this.flushTimer ??= setTimeout(() => this.flush().catch(() => {}), delayMs)
	}

	private cancelTimer() {
		clearTimeout(this.flushTimer)
		this.flushTimer = undefined
	}

	private serialize(operation: () => Promise<void>): Promise<void> {
		this.chain = this.chain.then(operation, operation)
		return this.chain
	}
}
