import { YDocState } from '../../server/relay/YDocState'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, it, expect, afterEach, vi } from 'vitest'
import * as Y from 'yjs'
import { LevelBoardStorage } from '../../server/storage/LevelBoardStorage'
import { PersistedBoard, type PersistenceOptions } from '../../server/storage/PersistedBoard'
import type { DocumentLog, StoredUpdate } from '../../server/storage/BoardStorage'
import { ClassicLevel } from 'classic-level'

const directories: string[] = []
const openStorages: LevelBoardStorage[] = []

afterEach(async () => {
	vi.useRealTimers()
	vi.restoreAllMocks()
	await Promise.all(openStorages.splice(0).map((storage) => storage.close().catch(() => {})))
	for (const directory of directories.splice(0)) fs.rmSync(directory, { recursive: true, force: true })
})

function temporaryDirectory(): string {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'board-storage-test-'))
	directories.push(directory)
	return directory
}

async function openStorage(directory: string): Promise<LevelBoardStorage> {
	const storage = await LevelBoardStorage.open(directory)
	openStorages.push(storage)
	return storage
}

async function closeStorage(storage: LevelBoardStorage): Promise<void> {
	openStorages.splice(openStorages.indexOf(storage), 1)
	await storage.close()
}

const bytes = (...values: number[]) => new Uint8Array(values)
const asArrays = (updates: StoredUpdate[]) => updates.map(({ update }) => [...update])

describe('LevelBoardStorage', () => {
	it('a board never written loads as no updates', async () => {
		const storage = await openStorage(temporaryDirectory())
		expect(await storage.loadUpdates('nothing-here')).toEqual([])
	})

	it('lists the stored documents that start with a prefix, each once, however long its log', async () => {
		const storage = await openStorage(temporaryDirectory())
		await storage.appendUpdates('b1~private~anna', [bytes(1), bytes(2), bytes(3)])
		await storage.appendUpdates('b1~private~annabel', [bytes(1)])
		await storage.appendUpdates('b1~private~bram', [bytes(1), bytes(2)])
		await storage.appendUpdates('b1~support', [bytes(1)])
		await storage.appendUpdates('b12~private~carla', [bytes(1)])
		await storage.saveBoardAccess({ boardId: 'b1', facilitatorKeyHash: 'x', viewId: 'v1', createdAt: '2026-01-01' })

		expect(await storage.listDocuments('b1~private~')).toEqual(['b1~private~anna', 'b1~private~annabel', 'b1~private~bram'])
		expect(await storage.listDocuments('b2~private~')).toEqual([])
	})

	it('appended updates survive closing and reopening, in order', async () => {
		const directory = temporaryDirectory()
		const storage = await openStorage(directory)
		await storage.appendUpdates('board', [bytes(1), bytes(2, 2)])
		await storage.appendUpdates('board', [bytes(3, 3, 3)])
		await storage.appendUpdates('board', [])
		await closeStorage(storage)

		const reopened = await openStorage(directory)
		expect(asArrays(await reopened.loadUpdates('board'))).toEqual([[1], [2, 2], [3, 3, 3]])
	})

	it('appends after reopening go after the stored ones, also without loading first', async () => {
		const directory = temporaryDirectory()
		const first = await openStorage(directory)
		await first.appendUpdates('board', [bytes(1), bytes(2)])
		await closeStorage(first)

		const second = await openStorage(directory)
		await second.appendUpdates('board', [bytes(3)])
		await closeStorage(second)

		const third = await openStorage(directory)
		expect(asArrays(await third.loadUpdates('board'))).toEqual([[1], [2], [3]])
		await third.appendUpdates('board', [bytes(4)])
		expect(asArrays(await third.loadUpdates('board'))).toEqual([[1], [2], [3], [4]])
	})

	it('keeps the order past 16 updates, where the hex sequence gains a digit', async () => {
		const storage = await openStorage(temporaryDirectory())
		for (let i = 0; i < 40; i++) await storage.appendUpdates('board', [bytes(i)])
		expect(asArrays(await storage.loadUpdates('board'))).toEqual(Array.from({ length: 40 }, (_, i) => [i]))
	})

	it('concurrent appends to one board are all kept', async () => {
		const storage = await openStorage(temporaryDirectory())
		await Promise.all(Array.from({ length: 20 }, (_, i) => storage.appendUpdates('board', [bytes(i)])))
		const stored = asArrays(await storage.loadUpdates('board'))
		expect(stored).toHaveLength(20)
		expect(stored.map(([value]) => value).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 20 }, (_, i) => i))
	})

	it('concurrent first appends on a reopened storage do not overwrite each other', async () => {
		const directory = temporaryDirectory()
		const first = await openStorage(directory)
		await first.appendUpdates('board', [bytes(0)])
		await closeStorage(first)
		const storage = await openStorage(directory)
		await Promise.all([storage.appendUpdates('board', [bytes(1)]), storage.appendUpdates('board', [bytes(2)])])
		const stored = asArrays(await storage.loadUpdates('board'))
		expect(stored[0]).toEqual([0])
		expect(stored.slice(1).sort()).toEqual([[1], [2]])
	})

	it('compact replaces the first N updates with the state and keeps later appends after it', async () => {
		const storage = await openStorage(temporaryDirectory())
		await storage.appendUpdates('board', [bytes(1), bytes(2), bytes(3)])
		await storage.appendUpdates('board', [bytes(4)])
		await storage.compact('board', bytes(9, 9), 3)
		expect(asArrays(await storage.loadUpdates('board'))).toEqual([[9, 9], [4]])
		await storage.appendUpdates('board', [bytes(5)])
		expect(asArrays(await storage.loadUpdates('board'))).toEqual([[9, 9], [4], [5]])
	})

	it('compacting the whole log leaves just the state, also after reopening', async () => {
		const directory = temporaryDirectory()
		const storage = await openStorage(directory)
		await storage.appendUpdates('board', [bytes(1), bytes(2)])
		await storage.compact('board', bytes(7), 2)
		await storage.appendUpdates('board', [bytes(8)])
		await closeStorage(storage)
		const reopened = await openStorage(directory)
		expect(asArrays(await reopened.loadUpdates('board'))).toEqual([[7], [8]])
	})

	it('compacting a board with no stored updates stores the state', async () => {
		const storage = await openStorage(temporaryDirectory())
		await storage.compact('board', bytes(5), 0)
		expect(asArrays(await storage.loadUpdates('board'))).toEqual([[5]])
	})

	it.each([
		['ab', 'ab-c'],
		['a', 'a_b'],
		['a', 'a-'],
		['A', 'a'],
		['x', 'x0'],
	])("boards %j and %j never see each other's updates", async (first, second) => {
		const directory = temporaryDirectory()
		const storage = await openStorage(directory)
		await storage.appendUpdates(first, [bytes(1), bytes(2)])
		await storage.appendUpdates(second, [bytes(10), bytes(20)])
		await storage.appendUpdates(first, [bytes(3)])
		expect(asArrays(await storage.loadUpdates(first))).toEqual([[1], [2], [3]])
		expect(asArrays(await storage.loadUpdates(second))).toEqual([[10], [20]])

		await storage.compact(first, bytes(99), 3)
		expect(asArrays(await storage.loadUpdates(second))).toEqual([[10], [20]])
		await storage.compact(second, bytes(77), 2)
		expect(asArrays(await storage.loadUpdates(first))).toEqual([[99]])
		await closeStorage(storage)

		const reopened = await openStorage(directory)
		await reopened.appendUpdates(second, [bytes(30)])
		expect(asArrays(await reopened.loadUpdates(first))).toEqual([[99]])
		expect(asArrays(await reopened.loadUpdates(second))).toEqual([[77], [30]])
	})

	it('entries set aside leave the log for good but are kept apart, under their ids', async () => {
		const directory = temporaryDirectory()
		const storage = await openStorage(directory)
		await storage.appendUpdates('board', [bytes(1), bytes(2), bytes(3)])
		const [, damaged] = await storage.loadUpdates('board')
		await storage.setAside('board', [damaged!.id])
		expect(asArrays(await storage.loadUpdates('board'))).toEqual([[1], [3]])
		await storage.appendUpdates('board', [bytes(4)])
		await closeStorage(storage)

		const reopened = await openStorage(directory)
		expect(asArrays(await reopened.loadUpdates('board'))).toEqual([[1], [3], [4]])
		await closeStorage(reopened)
		const db = new ClassicLevel<string, Uint8Array>(directory, { valueEncoding: 'view' })
		const aside = await db.sublevel<string, Uint8Array>('aside', { valueEncoding: 'view' }).iterator().all()
		await db.close()
		expect(aside.map(([id, update]) => [id, [...update]])).toEqual([[damaged!.id, [2]]])
	})

	it('setAside ignores ids of other boards and ids that are no longer stored', async () => {
		const storage = await openStorage(temporaryDirectory())
		await storage.appendUpdates('a', [bytes(1)])
		await storage.appendUpdates('ab', [bytes(2)])
		const [ofOther] = await storage.loadUpdates('ab')
		await storage.setAside('a', [ofOther!.id, 'a!00000000000000ff'])
		expect(asArrays(await storage.loadUpdates('a'))).toEqual([[1]])
		expect(asArrays(await storage.loadUpdates('ab'))).toEqual([[2]])
	})
})

/** A BoardStorage in memory that records what was asked of it. */
class MemoryStorage implements DocumentLog {
	readonly boards = new Map<string, StoredUpdate[]>()
	readonly aside: StoredUpdate[] = []
	compactions = 0
	private nextId = 0

	async loadUpdates(boardId: string) {
		return [...(this.boards.get(boardId) ?? [])]
	}
	async appendUpdates(boardId: string, updates: Uint8Array[]) {
		this.boards.set(boardId, [...(this.boards.get(boardId) ?? []), ...updates.map((update) => this.entry(boardId, update))])
	}
	async compact(boardId: string, state: Uint8Array, replacedCount: number) {
		this.compactions++
		const stored = this.boards.get(boardId) ?? []
		this.boards.set(boardId, [this.entry(boardId, state), ...stored.slice(replacedCount)])
	}
	async setAside(boardId: string, ids: string[]) {
		const stored = this.boards.get(boardId) ?? []
		this.aside.push(...stored.filter(({ id }) => ids.includes(id)))
		this.boards.set(
			boardId,
			stored.filter(({ id }) => !ids.includes(id)),
		)
	}

	async listDocuments(prefix: string) {
		return [...this.boards.keys()].filter((name) => name.startsWith(prefix)).sort()
	}

	updatesOf(boardId: string): Uint8Array[] | undefined {
		return this.boards.get(boardId)?.map(({ update }) => update)
	}

	private entry(boardId: string, update: Uint8Array): StoredUpdate {
		return { id: `${boardId}!${this.nextId++}`, update }
	}
}

/** Storage whose first `failures` appends fail as a full disk would. */
function storageFailingFirst(failures: number): MemoryStorage {
	const storage = new MemoryStorage()
	const append = storage.appendUpdates.bind(storage)
	storage.appendUpdates = async (boardId, updates) => {
		if (failures-- > 0) throw new Error('disk full')
		return append(boardId, updates)
	}
	return storage
}

/**
 * A client doc and the board's state: every edit is applied to the state and queued on `board`,
 * as the relay does with accepted updates.
 */
function trackedDoc(): { doc: Y.Doc; state: YDocState; attach: (board: PersistedBoard) => void } {
	const doc = new Y.Doc()
	const state = new YDocState()
	return {
		doc,
		state,
		attach: (board) =>
			doc.on('update', (update: Uint8Array) => {
				state.apply(update)
				board.enqueue(update)
			}),
	}
}

/** A board loaded from `storage` whose doc's every change is applied to its state and queued, as the relay does. */
async function loadedBoard(storage: DocumentLog): Promise<{ doc: Y.Doc; state: YDocState; board: PersistedBoard }> {
	const { doc, state, attach } = trackedDoc()
	const board = new PersistedBoard(storage, 'board', state, slow)
	await board.load()
	attach(board)
	return { doc, state, board }
}

function edit(doc: Y.Doc, key: string, value: unknown) {
	doc.getMap('records').set(key, value)
}

const contentOf = (doc: Y.Doc) => doc.getMap('records').toJSON()

/** What a fresh state loaded from `storage` holds. */
async function reloaded(storage: DocumentLog): Promise<YDocState> {
	const state = new YDocState()
	await new PersistedBoard(storage, 'board', state, slow).load()
	return state
}

function docOf(updates: Uint8Array[]): Y.Doc {
	const doc = new Y.Doc()
	for (const update of updates) Y.applyUpdate(doc, update)
	return doc
}

const slow: PersistenceOptions = { persistDelayMs: 1000, compactAfterUpdates: 1000 }

describe('PersistedBoard', () => {
	it('flushed updates load into a new state with the same content', async () => {
		const storage = await openStorage(temporaryDirectory())
		const { doc, board } = await loadedBoard(storage)
		edit(doc, 'a', { x: 1 })
		edit(doc, 'b', 'two')
		await board.flush()
		edit(doc, 'a', { x: 2 })
		doc.getArray('list').push([1, 2, 3])
		await board.flush()

		const copy = await reloaded(storage)
		expect(copy.read(contentOf)).toEqual({ a: { x: 2 }, b: 'two' })
		expect(copy.read((loaded) => loaded.getArray('list').toJSON())).toEqual([1, 2, 3])
		expect(copy.stateVector()).toEqual(Y.encodeStateVector(doc))
	})

	it('queued updates are written as one merged update per flush', async () => {
		const storage = new MemoryStorage()
		const { doc, board } = await loadedBoard(storage)
		for (let i = 0; i < 10; i++) edit(doc, `k${i}`, i)
		await board.flush()
		expect(storage.boards.get('board')).toHaveLength(1)
		await board.flush()
		expect(storage.boards.get('board')).toHaveLength(1)
	})

	it('loading fills the state and writes nothing back', async () => {
		const storage = new MemoryStorage()
		const source = new Y.Doc()
		edit(source, 'a', 1)
		await storage.appendUpdates('board', [Y.encodeStateAsUpdate(source)])
		const { state, board } = await loadedBoard(storage)
		expect(state.read(contentOf)).toEqual({ a: 1 })
		await board.flush()
		expect(storage.boards.get('board')).toHaveLength(1)
		expect(storage.compactions).toBe(0)
	})

	it('an update is written by itself within persistDelayMs', async () => {
		vi.useFakeTimers()
		const storage = new MemoryStorage()
		const { doc, state, attach } = trackedDoc()
		const board = new PersistedBoard(storage, 'board', state, { persistDelayMs: 100, compactAfterUpdates: 1000 })
		await board.load()
		attach(board)
		edit(doc, 'a', 1)
		await vi.advanceTimersByTimeAsync(99)
		expect(storage.boards.get('board')).toBeUndefined()
		await vi.advanceTimersByTimeAsync(1)
		expect(storage.boards.get('board')).toHaveLength(1)
	})

	it('flushAndCompact leaves exactly one stored update containing everything', async () => {
		const directory = temporaryDirectory()
		const storage = await openStorage(directory)
		const { doc, board } = await loadedBoard(storage)
		for (let i = 0; i < 5; i++) {
			edit(doc, `k${i}`, i)
			await board.flush()
		}
		edit(doc, 'last', 'queued, not yet flushed')
		expect(await storage.loadUpdates('board')).toHaveLength(5)
		await board.flushAndCompact()

		const stored = await storage.loadUpdates('board')
		expect(stored).toHaveLength(1)
		const copy = docOf([stored[0]!.update])
		expect(contentOf(copy)).toEqual(contentOf(doc))
		expect(contentOf(copy)).toHaveProperty('last')
	})

	it('compactAfterUpdates triggers compaction once the log reaches that length', async () => {
		const storage = await openStorage(temporaryDirectory())
		const { doc, state, attach } = trackedDoc()
		const board = new PersistedBoard(storage, 'board', state, { persistDelayMs: 1000, compactAfterUpdates: 3 })
		await board.load()
		attach(board)
		edit(doc, 'k0', 0)
		await board.flush()
		edit(doc, 'k1', 1)
		await board.flush()
		expect(await storage.loadUpdates('board')).toHaveLength(2)
		edit(doc, 'k2', 2)
		await board.flush()
		const compacted = await storage.loadUpdates('board')
		expect(compacted).toHaveLength(1)
		expect(contentOf(docOf([compacted[0]!.update]))).toEqual({ k0: 0, k1: 1, k2: 2 })

		// The count starts again from the compacted state.
		edit(doc, 'k3', 3)
		await board.flush()
		expect(await storage.loadUpdates('board')).toHaveLength(2)
		edit(doc, 'k4', 4)
		await board.flush()
		expect(await storage.loadUpdates('board')).toHaveLength(1)
	})

	it('loading a long log merges it into one stored update', async () => {
		const storage = new MemoryStorage()
		const source = new Y.Doc()
		const updates: Uint8Array[] = []
		source.on('update', (update: Uint8Array) => updates.push(update))
		for (let i = 0; i < 4; i++) edit(source, `k${i}`, i)
		await storage.appendUpdates('board', updates)

		const state = await reloaded(storage)
		expect(state.read(contentOf)).toEqual(contentOf(source))
		expect(storage.boards.get('board')).toHaveLength(1)
		expect(storage.compactions).toBe(1)
	})

	it('a stored update that cannot be applied is set aside, the rest loads, and the log is merged without it', async () => {
		vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
		const storage = new MemoryStorage()
		const source = new Y.Doc()
		edit(source, 'a', 1)
		await storage.appendUpdates('board', [bytes(0xff, 0xff, 0xff, 0xff), Y.encodeStateAsUpdate(source)])
		const damaged = storage.boards.get('board')![0]!

		const state = await reloaded(storage)
		expect(state.read(contentOf)).toEqual({ a: 1 })
		expect(storage.aside).toEqual([damaged])
		expect(storage.boards.get('board')).toHaveLength(1)
		expect(contentOf(docOf(storage.updatesOf('board')!))).toEqual({ a: 1 })
	})

	it('a single stored update with changes that wait for others never stored is rewritten without them', async () => {
		vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
		const storage = new MemoryStorage()
		const source = new Y.Doc()
		const updates: Uint8Array[] = []
		source.on('update', (update: Uint8Array) => updates.push(update))
		edit(source, 'a', 1)
		edit(source, 'b', 2)
		const other = new Y.Doc()
		edit(other, 'c', 3)
		await storage.appendUpdates('board', [Y.mergeUpdates([updates[1]!, Y.encodeStateAsUpdate(other)])])

		const state = await reloaded(storage)
		expect(state.read(contentOf)).toEqual({ c: 3 })
		expect(state.read((doc) => doc.store.pendingStructs)).toBeNull()
		expect(storage.compactions).toBe(1)
		expect(Y.decodeUpdate(storage.updatesOf('board')![0]!).structs.map((struct) => struct.id.client)).toEqual([other.clientID])
	})

	it('the durable state vector is what is on disk: loaded, then advanced by each completed write', async () => {
		const storage = new MemoryStorage()
		const source = new Y.Doc()
		edit(source, 'a', 1)
		await storage.appendUpdates('board', [Y.encodeStateAsUpdate(source)])
		const { doc, state, board } = await loadedBoard(storage)
		expect(board.durableStateVector).toEqual(Y.encodeStateVector(source))
		edit(doc, 'b', 2)
		expect(board.durableStateVector).toEqual(Y.encodeStateVector(source))
		await board.flush()
		expect(board.durableStateVector).toEqual(state.stateVector())
		expect(Y.decodeStateVector(board.durableStateVector).get(doc.clientID)).toBe(1)
	})

	it('whenDurable resolves at once when nothing is queued, else once everything queued before it is written', async () => {
		vi.useFakeTimers()
		const storage = new MemoryStorage()
		const { doc, state, attach } = trackedDoc()
		const board = new PersistedBoard(storage, 'board', state, { persistDelayMs: 100, compactAfterUpdates: 1000 })
		await board.load()
		attach(board)
		expect(Y.decodeStateVector(await board.whenDurable()).size).toBe(0)

		edit(doc, 'a', 1)
		let confirmed: Uint8Array | null = null
		void board.whenDurable().then((stateVector) => (confirmed = stateVector))
		await vi.advanceTimersByTimeAsync(50)
		expect(confirmed).toBeNull()
		await vi.advanceTimersByTimeAsync(50)
		expect(Y.decodeStateVector(confirmed!).get(doc.clientID)).toBe(1)
	})

	it('whenDurable waits through a failed write until the retry succeeds', async () => {
		vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
		vi.useFakeTimers()
		const storage = storageFailingFirst(1)
		const { doc, state, board } = await loadedBoard(storage)
		edit(doc, 'a', 1)
		let confirmed = false
		void board.whenDurable().then(() => (confirmed = true))
		await board.flush().catch(() => {})
		await vi.advanceTimersByTimeAsync(0)
		expect(confirmed).toBe(false)
		await vi.advanceTimersByTimeAsync(1000)
		expect(confirmed).toBe(true)
		expect(board.durableStateVector).toEqual(state.stateVector())
	})

	it('a retired board writes the queued updates as they came and never its state', async () => {
		const storage = new MemoryStorage()
		const { doc, state, attach } = trackedDoc()
		const board = new PersistedBoard(storage, 'board', state, { persistDelayMs: 1000, compactAfterUpdates: 2 })
		await board.load()
		attach(board)
		edit(doc, 'a', 1)
		await board.flush()
		let queued: Uint8Array | undefined
		doc.once('update', (update: Uint8Array) => (queued = update))
		edit(doc, 'b', 2)
		await board.retire()
		// Two entries reach compactAfterUpdates, yet the state is not written.
		expect(storage.compactions).toBe(0)
		expect(storage.updatesOf('board')).toHaveLength(2)
		expect(storage.updatesOf('board')![1]).toEqual(queued)
	})

	it('an append that races a compaction is not lost', async () => {
		const storage = await openStorage(temporaryDirectory())
		const { doc, board } = await loadedBoard(storage)
		edit(doc, 'a', 1)
		await board.flush()
		edit(doc, 'b', 2)
		await board.flush()
		const compaction = board.flushAndCompact()
		edit(doc, 'c', 3)
		const flush = board.flush()
		await Promise.all([compaction, flush])

		expect((await reloaded(storage)).read(contentOf)).toEqual({ a: 1, b: 2, c: 3 })
	})

	it('updates whose write fails during flushAndCompact are written once storage recovers', async () => {
		vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
		vi.useFakeTimers()
		const storage = new MemoryStorage()
		let failing = false
		const append = storage.appendUpdates.bind(storage)
		const compact = storage.compact.bind(storage)
		storage.appendUpdates = async (boardId, updates) => {
			if (failing) throw new Error('disk unavailable')
			return append(boardId, updates)
		}
		storage.compact = async (boardId, state, replacedCount) => {
			if (failing) throw new Error('disk unavailable')
			return compact(boardId, state, replacedCount)
		}
		const { doc, board } = await loadedBoard(storage)
		edit(doc, 'a', 1)
		await board.flush()
		edit(doc, 'b', 2)
		await board.flush()
		failing = true
		edit(doc, 'c', 3)
		await board.flushAndCompact().catch(() => {})
		failing = false
		await vi.advanceTimersByTimeAsync(10_000)

		expect(contentOf(docOf(storage.updatesOf('board')!))).toEqual({ a: 1, b: 2, c: 3 })
	})

	it('storage operations of one board never overlap', async () => {
		const storage = new MemoryStorage()
		let active = 0
		let mostActive = 0
		const slowly =
			<A extends unknown[]>(operation: (...args: A) => Promise<void>) =>
			async (...args: A) => {
				active++
				mostActive = Math.max(mostActive, active)
				await new Promise((resolve) => setTimeout(resolve, 5))
				await operation(...args)
				active--
			}
		storage.appendUpdates = slowly(storage.appendUpdates.bind(storage))
		storage.compact = slowly(storage.compact.bind(storage))
		const { doc, state, attach } = trackedDoc()
		const board = new PersistedBoard(storage, 'board', state, { persistDelayMs: 1000, compactAfterUpdates: 3 })
		await board.load()
		attach(board)
		const operations: Promise<void>[] = []
		for (let i = 0; i < 6; i++) {
			edit(doc, `k${i}`, i)
			operations.push(board.flush())
			if (i % 2 === 1) operations.push(board.flushAndCompact())
		}
		await Promise.all(operations)
		expect(mostActive).toBe(1)
		expect(contentOf(docOf(storage.updatesOf('board')!))).toEqual(contentOf(doc))
	})

	it('a failed write is reported, kept and retried', async () => {
		vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
		vi.useFakeTimers()
		const storage = storageFailingFirst(1)
		const { doc, board } = await loadedBoard(storage)
		edit(doc, 'a', 1)
		await expect(board.flush()).rejects.toThrow(/could not write board updates.*disk full/)
		expect(storage.boards.get('board')).toBeUndefined()
		await vi.advanceTimersByTimeAsync(1000)
		const stored = storage.updatesOf('board')
		expect(stored).toHaveLength(1)
		expect(contentOf(docOf(stored!))).toEqual({ a: 1 })
	})
})
