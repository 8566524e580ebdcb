/**
 * Where boards live between sessions. A board is stored as a log of Yjs updates; merging the log
 * into one update (compaction) is the caller's job, because only the caller holds the Y.Doc.
 * Keep this interface small: a PostgreSQL backend must be able to implement it in one file.
 */
export interface BoardStorage {
	/** Every stored update of the board, oldest first; empty when the board was never written. */
	loadUpdates(boardId: string): Promise<Uint8Array[]>
	/** Appends updates durably (they survive the process being killed once this resolves). */
	appendUpdates(boardId: string, updates: Uint8Array[]): Promise<void>
	/**
	 * Replaces the first `replacedCount` stored updates with `state`, atomically, keeping any
	 * appended since they were loaded.
	 */
	compact(boardId: string, state: Uint8Array, replacedCount: number): Promise<void>
	close(): Promise<void>
}
