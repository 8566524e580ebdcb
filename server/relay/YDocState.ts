import * as Y from 'yjs'
import type { LoadReport } from '../storage/PersistedBoard.js'
import type { DocumentState } from './DocumentState.js'
import { COLLECTED, type ItemFacts } from './updateDependencies.js'
import type { ItemId } from './updateShape.js'

/** A parent chain longer than this can only be data stored before depths were limited. */
const DEEPEST_PARENT_CHAIN = 10_000

/**
 * A document held as a Y.Doc with garbage collection on: overwritten values are dropped as they
 * are replaced, so the state stays the size of the document however long the session runs.
 */
export class YDocState implements DocumentState {
	/** The encoded size when last measured, and the bytes of updates applied since. */
	private measuredBytes: number | null = null
	private bytesSinceMeasured = 0
	private doc = new Y.Doc()

	constructor(private readonly maxNestingDepth: number = Infinity) {}

	load(updates: Uint8Array[]): LoadReport {
		const skipped: number[] = []
		// All in one transaction is fastest; if one update throws half-way, the document is rebuilt
		// from the others, so nothing of the bad one stays.
		for (;;) {
			const doc = new Y.Doc()
			const failed = applyAll(doc, updates, skipped)
			if (failed === null) {
				this.doc = doc
				break
			}
			// An error outside any one update (or twice from the same) is not disk damage.
			if (failed < 0 || failed >= updates.length || skipped.includes(failed)) throw new Error('the stored document could not be loaded')
			skipped.push(failed)
		}
		this.measuredBytes = null
		return { skipped: skipped.sort((a, b) => a - b), droppedPending: this.dropPending(), pruned: this.pruneTooDeep() }
	}

	apply(update: Uint8Array): void {
		Y.applyUpdate(this.doc, update)
		this.bytesSinceMeasured += update.byteLength
		if (this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null) {
			throw new Error('an update left changes pending although its dependencies were checked')
		}
	}

	clockOf(client: number): number {
		return Y.getState(this.doc.store, client)
	}

	itemAt(id: ItemId): ItemFacts {
		const struct = Y.getItem(this.doc.store, Y.createID(id.client, id.clock))
		if (!(struct instanceof Y.Item)) return COLLECTED
		const isType = struct.content instanceof Y.ContentType && struct.id.clock === id.clock
		const parent = struct.parent as Y.AbstractType<unknown> | null
		return { parentDepth: depthOf(parent), isType, parent: parentKeyOf(parent), parentSub: struct.parentSub }
	}

	isInOrder(left: ItemId, right: ItemId, maxSteps: number): boolean {
		const start = Y.getItem(this.doc.store, Y.createID(left.client, left.clock))
		const end = Y.getItem(this.doc.store, Y.createID(right.client, right.clock))
		if (!(start instanceof Y.Item) || !(end instanceof Y.Item)) return true
		if (start === end) return right.clock > left.clock
		if (start.parent !== end.parent) return false
		let item = start.right
		for (let steps = 0; item !== null && steps < maxSteps; steps++, item = item.right) if (item === end) return true
		return false
	}

	isDeleted(client: number, clock: number, length: number): boolean {
		const structs = this.doc.store.clients.get(client)
		if (length === 0) return true
		if (!structs) return false
		const end = clock + length
		for (let index = Y.findIndexSS(structs, clock); index < structs.length && structs[index]!.id.clock < end; index++) {
			if (!structs[index]!.deleted) return false
		}
		return true
	}

	stateVector(): Uint8Array {
		return Y.encodeStateVector(this.doc)
	}

	diff(stateVector: Uint8Array): Uint8Array {
		return Y.encodeStateAsUpdate(this.doc, stateVector)
	}

	encodeState(): Uint8Array {
		return Y.encodeStateAsUpdate(this.doc)
	}

	sizeBound(): number {
		return (this.measuredBytes ?? this.exactSize()) + this.bytesSinceMeasured
	}

	exactSize(): number {
		this.measuredBytes = Y.encodeStateAsUpdate(this.doc).byteLength
		this.bytesSinceMeasured = 0
		return this.measuredBytes
	}

	read<T>(reader: (doc: Y.Doc) => T): T {
		return reader(this.doc)
	}

	/**
	 * Boards stored before updates were checked can hold shared types nested deeper than any
	 * browser can read; the top-level entries holding them are deleted. Deletion and collection go
	 * deepest first: Yjs' own recurse into a type's children, which would overflow the stack.
	 */
	private pruneTooDeep(): number {
		const depths = typeItemsByDepth(this.doc)
		const doomed = [...depths].filter(([, depth]) => depth > this.maxNestingDepth)
		if (doomed.length === 0) return 0
		// The whole top-level entry (the record) goes: what is left of it above the limit is junk.
		for (const [item, depth] of doomed) {
			if (depth !== this.maxNestingDepth + 1) continue
			for (let ancestor = (item.parent as Y.AbstractType<unknown>)._item; ancestor; ancestor = (ancestor.parent as Y.AbstractType<unknown>)._item) {
				doomed.push([ancestor, depths.get(ancestor)!])
			}
		}
		const deepestFirst = [...new Map(doomed)].sort(([, a], [, b]) => b - a)
		this.doc.transact((transaction) => {
			for (const [item] of deepestFirst) {
				item.delete(transaction)
				item.gc(this.doc.store, false)
			}
		})
		return deepestFirst.length
	}

	/**
	 * Boards stored before updates were checked can hold structs that wait for changes that will
	 * never come; kept, they would make the server ask every client for them after every update.
	 */
	private dropPending(): number {
		const { store } = this.doc
		// Yjs keeps pending structs in the v2 encoding.
		const dropped = store.pendingStructs ? Y.decodeUpdateV2(store.pendingStructs.update).structs.length : 0
		const droppedDeletes = store.pendingDs ? 1 : 0
		store.pendingStructs = null
		store.pendingDs = null
		return dropped + droppedDeletes
	}
}

/** Type items by the depth of the type they hold; without recursion, however deep the document. */
function typeItemsByDepth(doc: Y.Doc): Map<Y.Item, number> {
	const depths = new Map<Y.Item, number>()
	const depthOfItem = (start: Y.Item): number => {
		const chain: Y.Item[] = []
		let depth = 1
		for (let item: Y.Item | null = start; item !== null; item = (item.parent as Y.AbstractType<unknown>)._item) {
			const known = depths.get(item)
			if (known !== undefined) {
				depth = known
				break
			}
			chain.push(item)
		}
		for (let index = chain.length - 1; index >= 0; index--) depths.set(chain[index]!, ++depth)
		return depths.get(start)!
	}
	for (const structs of doc.store.clients.values()) {
		for (const struct of structs) {
			if (struct instanceof Y.Item && struct.content instanceof Y.ContentType && !struct.deleted) depthOfItem(struct)
		}
	}
	return depths
}

/** Applies every update not yet skipped; returns the index of the first that threw, or null. */
function applyAll(doc: Y.Doc, updates: Uint8Array[], skipped: number[]): number | null {
	let current = -1
	try {
		Y.transact(doc, () => {
			for (current = 0; current < updates.length; current++) {
				if (!skipped.includes(current)) Y.applyUpdate(doc, updates[current]!)
			}
		})
		return null
	} catch {
		return current
	}
}

/** How updates name a shared type: a root by its name, a nested one by the item that holds it. */
function parentKeyOf(type: Y.AbstractType<unknown> | null): string | null {
	if (type === null) return null
	if (type._item === null) return `root:${Y.findRootTypeKey(type)}`
	return `item:${type._item.id.client}:${type._item.id.clock}`
}

/** 1 for a root type, one more for each shared type it is nested in. */
function depthOf(type: Y.AbstractType<unknown> | null): number | null {
	if (type === null) return null
	let depth = 1
	for (let item = type._item; item !== null; item = (item.parent as Y.AbstractType<unknown>)._item) {
		if (++depth > DEEPEST_PARENT_CHAIN) return Infinity
	}
	return depth
}
