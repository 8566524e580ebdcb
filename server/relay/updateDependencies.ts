import type { ItemId, ScannedStruct, ScannedUpdate } from './updateShape.js'

/** What the relay's document can tell about the items an update builds on. */
export interface DocumentFacts {
	/** The next clock of `client` the document expects (0 for a client it has never seen). */
	clockOf(client: number): number
	/**
	 * The item at a clock the document has: the nesting depth of the shared type it lives in
	 * (null when it was garbage collected: what is put next to it is dropped) and whether it holds
	 * a shared type itself.
	 */
	itemAt(id: ItemId): ItemFacts
	/** Whether every clock of the range (which the document has) is deleted already. */
	isDeleted(client: number, clock: number, length: number): boolean
}

export type ItemFacts = { parentDepth: number | null; isType: boolean }

export type DependencyVerdict =
	/** `writtenClients`: the clients whose clocks the update extends. */
	| { ok: true; writtenClients: number[]; changesNothing: boolean }
	/** It builds on changes the document does not have (yet): nothing may be applied. */
	| { ok: false; missing: true; reason: string }
	| { ok: false; missing: false; reason: string; setting: string | null }

type Pending = { structs: ScannedStruct[]; next: number; facts: (ItemFacts | undefined)[] }

class Refusal extends Error {
	constructor(
		message: string,
		readonly missing: boolean,
		readonly setting: string | null = null,
	) {
		super(message)
	}
}

/**
 * Decides, before anything is applied, whether Yjs can integrate the whole update into the
 * document: every struct's own predecessors and every item it points at exist (in the document
 * or earlier in the update, in an order Yjs can follow), every deletion covers only clocks that
 * will exist, and no shared type or value nests deeper than the limit. Yjs itself would park what
 * it cannot integrate in the document's pending structs forever, and throw half-way on what
 * points at items that do not exist; this walks the same dependencies Yjs' integration does, so
 * an accepted update is applied whole and leaves nothing pending.
 */
export function checkDependencies(update: ScannedUpdate, document: DocumentFacts, maxNestingDepth: number): DependencyVerdict {
	try {
		return new Integration(update, document, maxNestingDepth).run()
	} catch (error) {
		if (!(error instanceof Refusal)) throw error
		return error.missing
			? { ok: false, missing: true, reason: error.message }
			: { ok: false, missing: false, reason: error.message, setting: error.setting }
	}
}

class Integration {
	private readonly pending = new Map<number, Pending>()
	private readonly clocks = new Map<number, number>()
	private readonly documentClocks = new Map<number, number>()

	constructor(
		private readonly update: ScannedUpdate,
		private readonly document: DocumentFacts,
		private readonly maxNestingDepth: number,
	) {
		for (const { client, structs } of update.clients) this.pending.set(client, { structs, next: 0, facts: [] })
	}

	run(): DependencyVerdict {
		for (const { client } of this.update.clients) this.integrateClient(client)
		for (const { client, clock, length } of this.update.deletes) {
			if (length > 0 && clock + length > this.clockOf(client)) {
				throw new Refusal(`update deletes changes of client ${client} that the server has never received`, true)
			}
		}
		const writtenClients = this.update.clients
			.map(({ client }) => client)
			.filter((client) => this.clockOf(client) > this.documentClockOf(client))
		// A sync reply repeats the whole delete set; deletions the document has already are no change.
		const changesNothing =
			writtenClients.length === 0 &&
			this.update.deletes.every(({ client, clock, length }) => this.document.isDeleted(client, clock, length))
		return { ok: true, writtenClients, changesNothing }
	}

	/**
	 * Integrates a client's structs in order; a struct that needs another client's later struct
	 * suspends this client until that one is in. A client met again while suspended is a cycle,
	 * which no honest history has.
	 */
	private integrateClient(first: number) {
		const stack: { client: number; untilClock: number }[] = [{ client: first, untilClock: Infinity }]
		const suspended = new Set<number>([first])
		while (stack.length > 0) {
			const frame = stack.at(-1)!
			const pending = this.pending.get(frame.client)!
			if (this.clockOf(frame.client) > frame.untilClock || pending.next >= pending.structs.length) {
				if (frame.untilClock !== Infinity && this.clockOf(frame.client) <= frame.untilClock) {
					throw new Refusal(`update builds on changes of client ${frame.client} that the server has never received`, true)
				}
				stack.pop()
				suspended.delete(frame.client)
				continue
			}
			const needed = this.integrateNext(frame.client, pending)
			if (needed === null) continue
			if (suspended.has(needed.client)) throw new Refusal('document update is corrupt: its items depend on each other in a cycle', false)
			const other = this.pending.get(needed.client)
			if (!other || other.next >= other.structs.length) {
				throw new Refusal(`update builds on changes of client ${needed.client} that the server has never received`, true)
			}
			suspended.add(needed.client)
			stack.push({ client: needed.client, untilClock: needed.clock })
		}
	}

	/** Integrates the client's next struct, or returns the item it waits for. */
	private integrateNext(client: number, pending: Pending): ItemId | null {
		const struct = pending.structs[pending.next]!
		const clock = this.clockOf(client)
		if (struct.kind === 'skip') {
			pending.next++
			return null
		}
		if (struct.clock > clock) {
			throw new Refusal(`update builds on changes of client ${client} that the server has never received`, true)
		}
		if (struct.clock + struct.length <= clock) {
			pending.next++
			return null
		}
		if (struct.kind === 'item') {
			for (const reference of [struct.origin, struct.rightOrigin, struct.parent && 'item' in struct.parent ? struct.parent.item : null]) {
				if (reference === null) continue
				if (reference.client === client) {
					if (reference.clock >= struct.clock) {
						throw new Refusal('document update is corrupt: an item refers to a later item of its own client', false)
					}
				} else if (reference.clock >= this.clockOf(reference.client)) return reference
			}
			pending.facts[pending.next] = this.factsOf(struct)
		}
		this.clocks.set(client, struct.clock + struct.length)
		pending.next++
		return null
	}

	private factsOf(struct: Extract<ScannedStruct, { kind: 'item' }>): ItemFacts {
		const parentDepth = this.parentDepthOf(struct)
		if (parentDepth !== null) {
			const depth = parentDepth + (struct.isType ? 1 : struct.valueDepth)
			if (depth > this.maxNestingDepth) {
				throw new Refusal(`a value nested ${depth} levels deep exceeds MAX_NESTING_DEPTH (${this.maxNestingDepth})`, false, 'MAX_NESTING_DEPTH')
			}
		}
		return { parentDepth, isType: struct.isType }
	}

	/** As Yjs finds the parent: its own parent info, else its left neighbour's, else its right one's. */
	private parentDepthOf(struct: Extract<ScannedStruct, { kind: 'item' }>): number | null {
		if (struct.parent && 'root' in struct.parent) return 1
		if (struct.parent) {
			const holder = this.itemAt(struct.parent.item)
			return holder.isType && holder.parentDepth !== null ? holder.parentDepth + 1 : null
		}
		const left = struct.origin && this.itemAt(struct.origin)
		const right = struct.rightOrigin && this.itemAt(struct.rightOrigin)
		if ((left && left.parentDepth === null) || (right && right.parentDepth === null)) return null
		return (left ?? right)?.parentDepth ?? null
	}

	private itemAt(id: ItemId): ItemFacts {
		if (id.clock < this.documentClockOf(id.client)) return this.document.itemAt(id)
		const pending = this.pending.get(id.client)!
		const index = indexOfClock(pending.structs, id.clock)
		const struct = pending.structs[index]!
		if (struct.kind === 'gc') return { parentDepth: null, isType: false }
		const facts = pending.facts[index]!
		// Only the first clock of a type item is the type; the rest of a multi-clock item is values.
		return { parentDepth: facts.parentDepth, isType: facts.isType && id.clock === struct.clock }
	}

	private clockOf(client: number): number {
		return this.clocks.get(client) ?? this.documentClockOf(client)
	}

	private documentClockOf(client: number): number {
		let clock = this.documentClocks.get(client)
		if (clock === undefined) {
			clock = this.document.clockOf(client)
			this.documentClocks.set(client, clock)
		}
		return clock
	}
}

/** Index of the struct holding `clock` (structs are in clock order and the clock is known to be integrated). */
function indexOfClock(structs: ScannedStruct[], clock: number): number {
	let low = 0
	let high = structs.length - 1
	while (low < high) {
		const middle = (low + high + 1) >> 1
		if (structs[middle]!.clock <= clock) low = middle
		else high = middle - 1
	}
	return low
}
