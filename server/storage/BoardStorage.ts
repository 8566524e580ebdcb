/**
 * Who may do what on a board: created with the board, the facilitator key itself is never stored,
 * only its hash; the view id opens the board read-only without revealing the board id.
 */
export type BoardAccess = { boardId: string; facilitatorKeyHash: string; viewId: string; createdAt: string }

/**
 * Where boards live between sessions. A document (a board, or one of its side documents) is stored
 * as a log of Yjs updates under its name; the `boardId` parameters below are such names. Merging the
 * log into one update (compaction) is the caller's job, because only the caller holds the Y.Doc.
 * Keep this interface small: a PostgreSQL backend must be able to implement it in one file.
 */
export interface BoardStorage extends DocumentLog, AccessRecords {
	close(): Promise<void>
}

/** One entry of a document's log; `id` names it in storage (and in the server's log when it is set aside). */
export type StoredUpdate = { id: string; update: Uint8Array }

/** The update logs of documents. */
export interface DocumentLog {
	/** Every stored update of the board, oldest first; empty when the board was never written. */
	loadUpdates(boardId: string): Promise<StoredUpdate[]>
	/** Appends updates durably (they survive the process being killed once this resolves). */
	appendUpdates(boardId: string, updates: Uint8Array[]): Promise<void>
	/**
	 * Replaces the first `replacedCount` stored updates with `state`, atomically, keeping any
	 * appended since they were loaded.
	 */
	compact(boardId: string, state: Uint8Array, replacedCount: number): Promise<void>
	/**
	 * Moves entries that could not be loaded out of the log, into a separate area where they are
	 * kept for inspection and recovery; the board then loads without them.
	 */
	setAside(boardId: string, ids: string[]): Promise<void>
	/** The names of the stored documents that start with `prefix` (a board's private documents), in order. */
	listDocuments(prefix: string): Promise<string[]>
}

/** Boards' access records, and the view id index. */
export interface AccessRecords {
	saveBoardAccess(access: BoardAccess): Promise<void>
	loadBoardAccess(boardId: string): Promise<BoardAccess | null>
	findBoardIdByViewId(viewId: string): Promise<string | null>
}
