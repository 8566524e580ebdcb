import * as Y from 'yjs'
import type { DocumentState } from './DocumentState.js'

/**
 * A document held as a Y.Doc with garbage collection on: overwritten values are dropped as they
 * are replaced, so the state stays the size of the document however long the session runs.
 */
export class YDocState implements DocumentState {
	/** The encoded size when last measured, and the bytes of updates applied since. */
	private measuredBytes: number | null = null
	private bytesSinceMeasured = 0

	constructor(readonly doc: Y.Doc = new Y.Doc()) {}

	load(updates: Uint8Array[]): void {
		Y.transact(this.doc, () => {
			for (const update of updates) Y.applyUpdate(this.doc, update)
		})
	}

	apply(update: Uint8Array): { missingDependencies: boolean } {
		Y.applyUpdate(this.doc, update)
		this.bytesSinceMeasured += update.byteLength
		return { missingDependencies: this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null }
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
}
