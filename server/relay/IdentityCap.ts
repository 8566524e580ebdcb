/**
 * Distinct participant ids connected to each board from each address. A verified identity costs
 * one request and a guest one connection, so without a cap one client could be a crowd; with it,
 * an address speaks for at most `max` people on a board at once. One person's connections (a
 * browser holds three per board, more after reconnects) count once.
 */
export class IdentityCap {
	/** `<boardId> <address>` -> participant id -> its open connections there. */
	private readonly present = new Map<string, Map<string, number>>()

	constructor(private readonly max: number) {}

	/** Counts a connection in and returns what counts it out again, or null when its identity would be one too many. */
	admit(boardId: string, address: string, participantId: string): (() => void) | null {
		// A board id has no space, so no two boards and addresses make the same place.
		const place = `${boardId} ${address}`
		const ids = this.present.get(place) ?? new Map<string, number>()
		const connections = ids.get(participantId) ?? 0
		if (connections === 0 && ids.size >= this.max) return null
		ids.set(participantId, connections + 1)
		this.present.set(place, ids)
		let left = false
		return () => {
			if (left) return
			left = true
			const remaining = ids.get(participantId)! - 1
			if (remaining > 0) ids.set(participantId, remaining)
			else ids.delete(participantId)
			if (ids.size === 0) this.present.delete(place)
		}
	}
}
