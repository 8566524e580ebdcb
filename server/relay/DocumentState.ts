import type * as Y from 'yjs'
import type { LoadReport } from '../storage/PersistedBoard.js'
import type { DocumentFacts } from './updateDependencies.js'

/**
 * What the relay keeps of one document in memory: the seam for a lighter representation than a
 * Y.Doc (see the README's performance notes on why the binary one tried so far was not kept).
 */
export interface DocumentState extends DocumentFacts {
	/** Replaces the state with the stored updates, skipping any that cannot be applied (disk damage). */
	load(updates: Uint8Array[]): LoadReport
	/**
	 * Takes in an update that passed `checkDependencies`. Throws if Yjs could not apply it whole;
	 * the state must then be thrown away (it may hold part of the update).
	 */
	apply(update: Uint8Array): void
	stateVector(): Uint8Array
	/** Everything the holder of `stateVector` lacks, as one update. */
	diff(stateVector: Uint8Array): Uint8Array
	/** The whole document as one update, for storage. */
	encodeState(): Uint8Array
	/** An upper bound of the encoded size, cheap to ask. */
	sizeBound(): number
	/** The exact encoded size (may cost a merge). */
	exactSize(): number
	/** Reads the document as a Y.Doc (for the server's own questions, such as whether the board is locked). */
	read<T>(reader: (doc: Y.Doc) => T): T
}
