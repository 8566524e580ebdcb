/**
 * Which connection speaks for which Yjs client id in one room. A browser's document and awareness
 * share one random client id; whoever writes or announces an id first holds it until its
 * connection closes, so nobody else can write changes under it (which would make the owner's own
 * later changes look like duplicates and vanish) or overwrite its cursor and name.
 */
export class ClientIdClaims<Owner> {
	private readonly owners = new Map<number, Owner>()
	private readonly claimsOf = new Map<Owner, Set<number>>()

	ownerOf(clientId: number): Owner | undefined {
		return this.owners.get(clientId)
	}

	/** Whether `owner` may speak for `clientId`: it holds it already, or nobody does. */
	mayUse(clientId: number, owner: Owner): boolean {
		const current = this.owners.get(clientId)
		return current === undefined || current === owner
	}

	claim(clientId: number, owner: Owner): void {
		if (!this.mayUse(clientId, owner)) return
		this.owners.set(clientId, owner)
		let claimed = this.claimsOf.get(owner)
		if (!claimed) this.claimsOf.set(owner, (claimed = new Set()))
		claimed.add(clientId)
	}

	/** Releases everything `owner` held (its connection closed); returns those ids. */
	releaseAll(owner: Owner): number[] {
		const claimed = [...(this.claimsOf.get(owner) ?? [])]
		for (const clientId of claimed) this.owners.delete(clientId)
		this.claimsOf.delete(owner)
		return claimed
	}
}
