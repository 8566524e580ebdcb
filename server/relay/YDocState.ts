import * as Y from 'yjs'
import type { DocumentState } from './DocumentState.js'

/** A document the relay needs to read (the facilitation document): kept as a Y.Doc. */
export class YDocState implements DocumentState {
	constructor(readonly doc: Y.Doc = new Y.Doc()) {}

	load(updates: Uint8Array[]): void {
		Y.transact(this.doc, () => {
			for (const update of updates) Y.applyUpdate(this.doc, update)
		})
	}

	apply(update: Uint8Array): { missingDependencies: boolean } {
		Y.applyUpdate(this.doc, update)
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

	encodeCollected(): Uint8Array {
		return this.encodeState()
	}

	sizeBound(): number {
		return this.exactSize()
	}

	exactSize(): number {
		return Y.encodeStateAsUpdate(this.doc).byteLength
	}
}
