import * as Y from 'yjs'
import type { DocumentState } from '../relay/DocumentState.js'
import { log } from '../logger.js'
import type { DocumentLog } from './BoardStorage.js'

export type PersistenceOptions = { persistDelayMs: number; compactAfterUpdates: number }

const RETRY_DELAY_MS = 1000

/**
 * Write-behind persistence of one document: accepted updates are batched for a few
 * milliseconds, merged and appended to storage; once the log grows long it is replaced by the
 * document's state. All storage operations of a board run one after another on one promise chain,
 * so a compaction can never drop an append that raced it.
 */
export class PersistedBoard {
	private pending: Uint8Array[] = []
	private flushTimer: NodeJS.Timeout | undefined
	private chain: Promise<void> = Promise.resolve()
	private storedCount = 0

	constructor(
		private readonly storage: DocumentLog,
		readonly boardId: string,
		private readonly state: Pick<DocumentState, 'load' | 'encodeState'>,
		private readonly options: PersistenceOptions,
	) {}

	/** Loads the stored document into the state; merges the log first if a crash left it long. */
	async load(): Promise<void> {
		const updates = await this.storage.loadUpdates(this.boardId)
		this.storedCount = updates.length
		const readable = updates.filter((update) => {
			try {
				Y.decodeUpdate(update)
				return true
			} catch (error) {
				log.error('skipped an unreadable stored update', { boardId: this.boardId, error: String(error) })
				return false
			}
		})
		this.state.load(readable)
		if (updates.length > 1) await this.compact().catch(() => {})
	}

	/** Queues an accepted update; it is on disk within `persistDelayMs` plus one write. */
	enqueue(update: Uint8Array): void {
		this.pending.push(update)
		this.scheduleFlush(this.options.persistDelayMs)
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
			try {
				await this.storage.appendUpdates(this.boardId, [Y.mergeUpdates(batch)])
				this.storedCount += 1
			} catch (error) {
				this.pending = batch.concat(this.pending)
				throw this.failed('could not write board updates; will retry', error)
			}
			// A failed compaction is logged and retried; the appended updates are durable either way.
			if (this.storedCount >= this.options.compactAfterUpdates) await this.replaceLogWithState().catch(() => {})
		})
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
		try {
			await this.storage.compact(this.boardId, this.state.encodeState(), this.storedCount)
			this.storedCount = 1
		} catch (error) {
			this.pending = captured.concat(this.pending)
			throw this.failed('could not compact a board; its log stays as it is', error)
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
