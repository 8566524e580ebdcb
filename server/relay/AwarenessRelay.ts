import { presenceRefusal } from '../policy/presencePolicy.js'
import type { ClientIdClaims } from './ClientIdClaims.js'
import type { Refusal } from './Connection.js'
import { encodeAwarenessStates, type AwarenessEntry } from './protocol.js'

type PeerState<Owner> = { clock: number; json: string; owner: Owner }

export type AwarenessLimits = {
	/** Client ids one connection may announce (a browser tab uses one per document). */
	maxAwarenessClientsPerConnection: number
	/** Characters of one client's state as JSON text. */
	maxAwarenessStateBytes: number
}

/** Enough to stop late, older states of recently departed peers; older clocks are forgotten first. */
const REMEMBERED_REMOVALS = 10_000

/**
 * The awareness (cursors, selections, names) of one board, kept as the JSON text the clients
 * sent. The relay never needs the values, so each state is parsed once (to validate it) and never
 * re-serialised: a broadcast copies the stored text. Semantics follow y-protocols' Awareness: a
 * state replaces an older one by clock, `null` removes it. Each connection speaks only for the
 * client ids it announced first, at most `maxAwarenessClientsPerConnection` of them; entries about other
 * ids (stock clients echo the states they received) are ignored and cost nothing.
 */
export class AwarenessRelay<Owner extends { readonly address: string; readonly participantId: string }> {
	private readonly peers = new Map<number, PeerState<Owner>>()
	private readonly countOf = new Map<Owner, number>()
	/** Removed peers keep their clock, so a late, older state cannot bring them back. */
	private readonly removedClocks = new Map<number, number>()

	constructor(
		private readonly limits: AwarenessLimits,
		private readonly claims: ClientIdClaims<Owner>,
	) {}

	/**
	 * Applies entries from `owner`'s connection; returns the client ids whose state changed and a
	 * refusal to tell the client about, if one of its own states was too large or not its own to show.
	 */
	apply(entries: AwarenessEntry[], owner: Owner): { changed: number[]; refusal: Refusal | null } {
		const changed: number[] = []
		let refusal: Refusal | null = null
		for (const { clientId, clock, json } of entries) {
			const current = this.peers.get(clientId)
			const removal = json === 'null'
			if (current ? current.owner !== owner : removal || !this.mayAnnounce(clientId, owner)) continue
			const currentClock = current?.clock ?? this.removedClocks.get(clientId) ?? 0
			if (!(currentClock < clock || (currentClock === clock && removal && current))) continue
			if (removal) {
				this.remove(clientId, clock)
			} else {
				if (json.length > this.limits.maxAwarenessStateBytes) {
					refusal = {
						code: 'presence-too-large',
						detail: `your cursor and selection (${json.length} bytes) exceed MAX_AWARENESS_STATE_BYTES (${this.limits.maxAwarenessStateBytes}); others see your previous state`,
					}
					continue
				}
				const state = parsedJson(json)
				if (state === undefined) continue
				const notYours = presenceRefusal(state, owner.participantId)
				if (notYours) {
					refusal = notYours
					continue
				}
				if (!current) this.countOf.set(owner, (this.countOf.get(owner) ?? 0) + 1)
				this.claims.claim(clientId, owner)
				this.peers.set(clientId, { clock, json, owner })
				this.removedClocks.delete(clientId)
			}
			changed.push(clientId)
		}
		return { changed, refusal }
	}

	/** Removes every state `owner` announced (its connection closed); returns their client ids. */
	removeOwnedBy(owner: Owner): number[] {
		const removed: number[] = []
		for (const [clientId, state] of this.peers) {
			if (state.owner !== owner) continue
			this.remove(clientId, state.clock + 1)
			removed.push(clientId)
		}
		this.countOf.delete(owner)
		return removed
	}

	get clientIds(): number[] {
		return [...this.peers.keys()]
	}

	/** The y-protocols awareness update for these clients; removed ones are sent as `null`. */
	encodeUpdate(clientIds: Iterable<number>): Uint8Array {
		return encodeAwarenessStates(
			Array.from(clientIds, (clientId) => {
				const state = this.peers.get(clientId)
				return { clientId, clock: state?.clock ?? this.removedClocks.get(clientId) ?? 0, json: state?.json ?? 'null' }
			}),
		)
	}

	private mayAnnounce(clientId: number, owner: Owner): boolean {
		return (this.countOf.get(owner) ?? 0) < this.limits.maxAwarenessClientsPerConnection && this.claims.mayUse(clientId, owner)
	}

	private remove(clientId: number, clock: number) {
		const state = this.peers.get(clientId)
		if (state) {
			const count = (this.countOf.get(state.owner) ?? 1) - 1
			if (count > 0) this.countOf.set(state.owner, count)
			else this.countOf.delete(state.owner)
		}
		this.peers.delete(clientId)
		this.removedClocks.set(clientId, clock)
		if (this.removedClocks.size > REMEMBERED_REMOVALS) this.removedClocks.delete(this.removedClocks.keys().next().value!)
	}
}

/** The parsed state, or undefined for text that is not JSON. */
function parsedJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown
	} catch {
		return undefined
	}
}
