/** How long a departed connection's ids stay reserved for a reconnect from the same address. */
export const RECONNECT_RESERVATION_MS = 10 * 60_000

type Reservation = { address: string; until: number }

/**
 * Which connection speaks for which Yjs client id in one room. A browser's document and awareness
 * share one random client id; whoever writes or announces an id first holds it until its
 * connection closes, so nobody else can write changes under it (which would make the owner's own
 * later changes look like duplicates and vanish) or overwrite its cursor and name. After the
 * connection closes the id stays reserved for a while for its address: a browser that lost its
 * connection comes back with the same id and its offline edits, and nobody who saw the id may
 * write under it in the meantime.
 */
export class ClientIdClaims<Owner extends { readonly address: string }> {
	private readonly owners = new Map<number, Owner>()
	private readonly claimsOf = new Map<Owner, Set<number>>()
	private readonly reserved = new Map<number, Reservation>()

	constructor(private readonly now: () => number = () => performance.now()) {}

	ownerOf(clientId: number): Owner | undefined {
		return this.owners.get(clientId)
	}

	/** Whether `owner` may speak for `clientId`: it holds it already, or nobody does and nobody else reserved it. */
	mayUse(clientId: number, owner: Owner): boolean {
		const current = this.owners.get(clientId)
		if (current !== undefined) return current === owner
		const reservation = this.reserved.get(clientId)
		if (!reservation || reservation.until <= this.now()) return true
		return reservation.address === owner.address
	}

	claim(clientId: number, owner: Owner): void {
		if (!this.mayUse(clientId, owner)) return
		this.reserved.delete(clientId)
		this.owners.set(clientId, owner)
		let claimed = this.claimsOf.get(owner)
		if (!claimed) this.claimsOf.set(owner, (claimed = new Set()))
		claimed.add(clientId)
	}

	/** Releases everything `owner` held (its connection closed) into a reservation; returns those ids. */
	releaseAll(owner: Owner): number[] {
		const claimed = [...(this.claimsOf.get(owner) ?? [])]
		const until = this.now() + RECONNECT_RESERVATION_MS
		for (const clientId of claimed) {
			this.owners.delete(clientId)
			this.reserved.set(clientId, { address: owner.address, until })
		}
		this.claimsOf.delete(owner)
		this.forgetExpiredReservations()
		return claimed
	}

	/** Nothing held and nothing reserved: no need to keep this around once its room is gone. */
	get isEmpty(): boolean {
		this.forgetExpiredReservations()
		return this.owners.size === 0 && this.reserved.size === 0
	}

	private forgetExpiredReservations() {
		const now = this.now()
		for (const [clientId, reservation] of this.reserved) if (reservation.until <= now) this.reserved.delete(clientId)
	}
}
