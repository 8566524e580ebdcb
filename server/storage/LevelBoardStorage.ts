import { ClassicLevel } from 'classic-level'
import type { BoardAccess, BoardStorage, StoredUpdate } from './BoardStorage.js'

/**
 * LevelDB through classic-level: an embedded, crash-safe key-value store whose npm package ships
 * prebuilt binaries, so `npm install` needs no compiler. Each write goes to LevelDB's write-ahead
 * log before the promise resolves, which survives `kill -9` of this process.
 *
 * Keys: `<boardId>!<sequence as 16 hex digits>`; `!` sorts before every id character, and
 * fixed-width hex keeps the log in order under LevelDB's byte-wise key ordering. Entries set
 * aside keep their key in the `aside` sublevel.
 */
export class LevelBoardStorage implements BoardStorage {
	private readonly nextSequence = new Map<string, number>()

	private constructor(
		private readonly db: ClassicLevel<string, Uint8Array>,
		private readonly text: TextRecords,
		private readonly aside: ReturnType<typeof asideSublevel>,
	) {}

	static async open(directory: string): Promise<LevelBoardStorage> {
		const db = new ClassicLevel<string, Uint8Array>(directory, { valueEncoding: 'view' })
		try {
			await db.open()
		} catch (error) {
			const cause = (error as { cause?: { code?: string } }).cause
			if (cause?.code === 'LEVEL_LOCKED') {
				throw new Error(`the board database in ${directory} is in use by another process (is another server running on this DATA_DIR?)`, {
					cause: error,
				})
			}
			throw new Error(`could not open the board database in ${directory}: ${(error as Error).message}`, { cause: error })
		}
		return new LevelBoardStorage(db, { access: textSublevel(db, 'access'), views: textSublevel(db, 'views') }, asideSublevel(db))
	}

	async loadUpdates(boardId: string): Promise<StoredUpdate[]> {
		const entries = await this.db.iterator(rangeOf(boardId)).all()
		const last = entries.at(-1)
		this.nextSequence.set(boardId, last ? sequenceOf(last[0]) + 1 : 0)
		return entries.map(([id, update]) => ({ id, update }))
	}

	async setAside(boardId: string, ids: string[]): Promise<void> {
		const own = ids.filter((id) => id.startsWith(`${boardId}!`))
		const values = await this.db.getMany(own)
		await this.db.batch([
			...own.flatMap((id, index) => {
				const value = values[index]
				return value === undefined ? [] : [{ type: 'put' as const, key: id, value, sublevel: this.aside }]
			}),
			...own.map((id) => ({ type: 'del' as const, key: id })),
		])
	}

	async listDocuments(prefix: string): Promise<string[]> {
		const names: string[] = []
		// One key per document: after each, the iterator skips the rest of that document's log.
		const iterator = this.db.keys({ gte: prefix, lt: `${prefix}\uffff` })
		try {
			for (let key = await iterator.next(); key !== undefined; key = await iterator.next()) {
				const name = key.slice(0, key.lastIndexOf('!'))
				names.push(name)
				iterator.seek(`${name}"`)
			}
		} finally {
			await iterator.close()
		}
		return names
	}

	async appendUpdates(boardId: string, updates: Uint8Array[]): Promise<void> {
		if (updates.length === 0) return
		const stored = await this.sequenceFor(boardId)
		// Another append may have advanced the counter while we awaited the lookup.
		let sequence = Math.max(stored, this.nextSequence.get(boardId) ?? 0)
		const operations = updates.map((value) => ({ type: 'put' as const, key: keyOf(boardId, sequence++), value }))
		this.nextSequence.set(boardId, sequence)
		await this.db.batch(operations)
	}

	async compact(boardId: string, state: Uint8Array, replacedCount: number): Promise<void> {
		const replacedKeys = await this.db.keys({ ...rangeOf(boardId), limit: replacedCount }).all()
		const lastReplaced = replacedKeys.at(-1)
		if (!lastReplaced) return this.appendUpdates(boardId, [state])
		// The merged state takes the slot of the last update it replaces, so updates appended
		// meanwhile stay after it.
		await this.db.batch([
			...replacedKeys.slice(0, -1).map((key) => ({ type: 'del' as const, key })),
			{ type: 'put' as const, key: lastReplaced, value: state },
		])
	}

	async saveBoardAccess(access: BoardAccess): Promise<void> {
		// The view first: a view id without access (after a crash in between) only leads to a board.
		await this.text.views.put(access.viewId, access.boardId)
		await this.text.access.put(access.boardId, JSON.stringify(access))
	}

	async loadBoardAccess(boardId: string): Promise<BoardAccess | null> {
		const stored = await this.text.access.get(boardId)
		return stored === undefined ? null : (JSON.parse(stored) as BoardAccess)
	}

	async findBoardIdByViewId(viewId: string): Promise<string | null> {
		return (await this.text.views.get(viewId)) ?? null
	}

	async close(): Promise<void> {
		await this.db.close()
	}

	private async sequenceFor(boardId: string): Promise<number> {
		const known = this.nextSequence.get(boardId)
		if (known !== undefined) return known
		const [lastKey] = await this.db.keys({ ...rangeOf(boardId), reverse: true, limit: 1 }).all()
		return lastKey ? sequenceOf(lastKey) + 1 : 0
	}
}

// Sublevel keys start with '!', which no document name can, so they never meet the logs.
const textSublevel = (db: ClassicLevel<string, Uint8Array>, name: string) => db.sublevel<string, string>(name, { valueEncoding: 'utf8' })
const asideSublevel = (db: ClassicLevel<string, Uint8Array>) => db.sublevel<string, Uint8Array>('aside', { valueEncoding: 'view' })
type TextRecords = { access: ReturnType<typeof textSublevel>; views: ReturnType<typeof textSublevel> }

function keyOf(boardId: string, sequence: number): string {
	return `${boardId}!${sequence.toString(16).padStart(16, '0')}`
}

function sequenceOf(key: string): number {
	return parseInt(key.slice(key.lastIndexOf('!') + 1), 16)
}

function rangeOf(boardId: string) {
	// '"' is the character right after '!', so this range holds exactly this board's keys.
	return { gte: `${boardId}!`, lt: `${boardId}"` }
}
