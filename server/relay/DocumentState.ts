/**
 * What the relay keeps of one document in memory: the seam for a lighter representation than a
 * Y.Doc (see the README's performance notes on why the binary one tried so far was not kept).
 */
export interface DocumentState {
	/** Replaces the state with the stored updates. */
	load(updates: Uint8Array[]): void
	/**
	 * Takes in an accepted (already validated) update. `missingDependencies`: it builds on updates
	 * this state has not seen, so it cannot take effect until those arrive.
	 */
	apply(update: Uint8Array): { missingDependencies: boolean }
	stateVector(): Uint8Array
	/** Everything the holder of `stateVector` lacks, as one update. */
	diff(stateVector: Uint8Array): Uint8Array
	/** The whole document as one update, for storage. */
	encodeState(): Uint8Array
	/** An upper bound of the encoded size, cheap to ask. */
	sizeBound(): number
	/** The exact encoded size (may cost a merge). */
	exactSize(): number
}
