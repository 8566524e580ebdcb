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
	/**
	 * Whether `right` follows `left` in the sequence they are in (or either was collected, which
	 * makes an item put between them collected too). Looks at most `maxSteps` items far.
	 */
	isInOrder(left: ItemId, right: ItemId, maxSteps: number): boolean
}

/**
 * `parent` names the shared type the item is in (`root:<name>` or `item:<client>:<clock>` of the
 * item holding it) and `parentSub` its map key; both null for a collected item.
 */
export type ItemFacts = { parentDepth: number | null; isType: boolean; parent: string | null; parentSub: string | null }

/** Honest origins are next to each other when an item is made; concurrent inserts between them are few. */
const MAX_ORIGIN_DISTANCE = 1000

export type DependencyVerdict =
	/** `writtenClients`: the clients whose clocks the update extends. */
	| { ok: true; writtenClients: number[]; changesNothing: boolean }
	/** It builds on changes the document does not have (yet): nothing may be applied. */
	| { ok: false; missing: true; reason: string }
	| { ok: false; missing: false; reason: string; setting: string | null }

type Pending = { structs: ScannedStruct[]; next: number; facts: (ItemFacts | undefined)[] }
type ScannedItem = Extract<ScannedStruct, { kind: 'item' }>

/** What is known of a collected item: nothing, and whatever is put next to it is collected too. */
export const COLLECTED: ItemFacts = { parentDepth: null, isType: false, parent: null, parentSub: null }

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
 * an accepted update is applied whole and leaves nothing pending. It also refuses the shapes Yjs
 * trusts honest clients never to make, which leave a document that throws later or reads
 * differently once reloaded: a map entry holding several values, a continuation of a change
 * under another parent than the change, an item whose right origin is not right of its origin.
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
		const writtenClients = this.update.clients.map(({ client }) => client).filter((client) => this.clockOf(client) > this.documentClockOf(client))
		// A sync reply repeats the whole delete set; deletions the document has already are no change.
		const changesNothing =
			writtenClients.length === 0 && this.update.deletes.every(({ client, clock, length }) => this.document.isDeleted(client, clock, length))
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
		if (struct.kind === 'item') {
			// Yjs looks up an item's references even when it has the item already.
			const waitingFor = this.missingReference(client, struct)
			if (waitingFor) return waitingFor
		}
		if (struct.clock + struct.length <= clock) {
			pending.next++
			return null
		}
		if (struct.kind === 'item') pending.facts[pending.next] = this.factsOf(client, struct, clock)
		this.clocks.set(client, struct.clock + struct.length)
		pending.next++
		return null
	}

	private missingReference(client: number, struct: ScannedItem): ItemId | null {
		for (const reference of [struct.origin, struct.rightOrigin, struct.parent && 'item' in struct.parent ? struct.parent.item : null]) {
			if (reference === null) continue
			if (reference.client === client) {
				if (reference.clock >= struct.clock) {
					throw new Refusal('document update is corrupt: an item refers to a later item of its own client', false)
				}
			} else if (reference.clock >= this.clockOf(reference.client)) return reference
		}
		return null
	}

	/** The facts of an item about to be integrated from clock `from` on, once it passed every check. */
	private factsOf(client: number, struct: ScannedItem, from: number): ItemFacts {
		const facts = this.placeOf(struct)
		if (facts.parentDepth !== null) {
			const depth = facts.parentDepth + (struct.isType ? 1 : struct.valueDepth)
			if (depth > this.maxNestingDepth) {
				throw new Refusal(`a value nested ${depth} levels deep exceeds MAX_NESTING_DEPTH (${this.maxNestingDepth})`, false, 'MAX_NESTING_DEPTH')
			}
		}
		if (facts.parentSub !== null && struct.length > 1 && !struct.isDeletedContent) {
			throw new Refusal('document update is corrupt: a map entry holds more than one value', false)
		}
		// Yjs sets a map key with its current value as the only origin; a right origin there
		// tangles the key's history so that the live value and the stored one differ.
		if (facts.parentSub !== null && struct.rightOrigin !== null) {
			throw new Refusal('document update is corrupt: a map entry has a right origin', false)
		}
		if (from > struct.clock) this.checkContinuation(client, from, facts)
		// A continuation's new part goes right after the document's item before it, whatever origin it names.
		const origin = from > struct.clock ? { client, clock: from - 1 } : struct.origin
		if (origin && struct.rightOrigin && this.isInDocument(origin) && this.isInDocument(struct.rightOrigin)) {
			if (!this.document.isInOrder(origin, struct.rightOrigin, MAX_ORIGIN_DISTANCE)) {
				throw new Refusal("document update is corrupt: an item's right origin is not right of its origin", false)
			}
		}
		return { ...facts, isType: struct.isType }
	}

	/**
	 * A struct that starts inside what the document has: Yjs integrates its new part right after
	 * the document's item before it, keeping the parent the struct names, so the two must agree.
	 */
	private checkContinuation(client: number, from: number, facts: ItemFacts) {
		const before = this.itemAt({ client, clock: from - 1 })
		if (before.parent === null || before.parent !== facts.parent || before.parentSub !== facts.parentSub) {
			throw new Refusal('document update is corrupt: it continues a change under another parent', false)
		}
	}

	/** As Yjs finds the parent: its own parent info, else its left neighbour's, else its right one's. */
	private placeOf(struct: ScannedItem): ItemFacts {
		if (struct.parent && 'root' in struct.parent) {
			return { parentDepth: 1, isType: false, parent: `root:${struct.parent.root}`, parentSub: struct.parentSub }
		}
		if (struct.parent) {
			const holder = this.itemAt(struct.parent.item)
			if (!holder.isType || holder.parentDepth === null) return COLLECTED
			const { client, clock } = struct.parent.item
			return { parentDepth: holder.parentDepth + 1, isType: false, parent: `item:${client}:${clock}`, parentSub: struct.parentSub }
		}
		const left = struct.origin && this.itemAt(struct.origin)
		const right = struct.rightOrigin && this.itemAt(struct.rightOrigin)
		if ((left && left.parent === null) || (right && right.parent === null)) return COLLECTED
		const neighbour = left ?? right
		return neighbour ? { ...neighbour, isType: false } : COLLECTED
	}

	private isInDocument(id: ItemId): boolean {
		return id.clock < this.documentClockOf(id.client)
	}

	private itemAt(id: ItemId): ItemFacts {
		if (id.clock < this.documentClockOf(id.client)) return this.document.itemAt(id)
		const pending = this.pending.get(id.client)!
		const index = indexOfClock(pending.structs, id.clock)
		const struct = pending.structs[index]!
		if (struct.kind === 'gc') return COLLECTED
		const facts = pending.facts[index]!
		// Only the first clock of a type item is the type; the rest of a multi-clock item is values.
		return { ...facts, isType: facts.isType && id.clock === struct.clock }
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
