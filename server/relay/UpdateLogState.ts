import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import type { DocumentState } from './DocumentState.js'

/** Updates are merged into the state in batches: merging costs a pass over the whole state. */
const MERGE_AFTER_UPDATES = 256

type UpdateMeta = { from: Map<number, number>; to: Map<number, number> }

/**
 * A document kept as Yjs updates in binary, never as a Y.Doc: a 5,000-note board is ~3 MB here
 * instead of ~35 MB of objects. Sync answers come from Y.diffUpdate on the merged state; the
 * state vector is tracked from each update's meta, so gaps (an update whose predecessors were
 * refused or lost) are noticed without decoding anything.
 */
export class UpdateLogState implements DocumentState {
	private merged: Uint8Array = Y.mergeUpdates([])
	private recent: Uint8Array[] = []
	private recentBytes = 0
	/** Per client, the clock up to which this state holds every struct without a gap. */
	private readonly clocks = new Map<number, number>()
	private waiting: UpdateMeta[] = []

	load(updates: Uint8Array[]): void {
		this.merged = Y.mergeUpdates(updates)
		this.recent = []
		this.recentBytes = 0
		this.clocks.clear()
		for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(this.merged))) this.clocks.set(client, clock)
	}

	apply(update: Uint8Array): { missingDependencies: boolean } {
		const meta = Y.parseUpdateMeta(update)
		this.recent.push(update)
		this.recentBytes += update.byteLength
		const connected = this.connects(meta)
		if (connected) {
			this.advance(meta)
			this.advanceWaiting()
		} else {
			this.waiting.push(meta)
		}
		if (this.recent.length >= MERGE_AFTER_UPDATES) this.merge()
		return { missingDependencies: !connected }
	}

	stateVector(): Uint8Array {
		const encoder = encoding.createEncoder()
		encoding.writeVarUint(encoder, this.clocks.size)
		for (const [client, clock] of this.clocks) {
			encoding.writeVarUint(encoder, client)
			encoding.writeVarUint(encoder, clock)
		}
		return encoding.toUint8Array(encoder)
	}

	diff(stateVector: Uint8Array): Uint8Array {
		return Y.diffUpdate(this.encodeState(), stateVector)
	}

	encodeState(): Uint8Array {
		this.merge()
		return this.merged
	}

	encodeCollected(): Uint8Array {
		// Merged updates keep every overwritten value; a Y.Doc with gc on drops them.
		const doc = new Y.Doc()
		Y.applyUpdate(doc, this.encodeState())
		const collected = Y.encodeStateAsUpdate(doc)
		doc.destroy()
		return collected
	}

	sizeBound(): number {
		return this.merged.byteLength + this.recentBytes
	}

	exactSize(): number {
		return this.encodeState().byteLength
	}

	private merge() {
		if (this.recent.length === 0) return
		this.merged = Y.mergeUpdates([this.merged, ...this.recent])
		this.recent = []
		this.recentBytes = 0
	}

	private connects({ from }: UpdateMeta): boolean {
		for (const [client, clock] of from) if (clock > (this.clocks.get(client) ?? 0)) return false
		return true
	}

	private advance({ to }: UpdateMeta) {
		for (const [client, clock] of to) if (clock > (this.clocks.get(client) ?? 0)) this.clocks.set(client, clock)
	}

	/** An update that fills a gap may connect others that were waiting for it. */
	private advanceWaiting() {
		for (let index = 0; index < this.waiting.length; ) {
			const meta = this.waiting[index]!
			if (!this.connects(meta)) {
				index++
				continue
			}
			this.advance(meta)
			this.waiting.splice(index, 1)
			index = 0
		}
	}
}
