import * as encoding from 'lib0/encoding'
import type { AwarenessEntry } from './protocol.js'

type PeerState = { clock: number; json: string; owner: object }

/**
 * The awareness (cursors, selections, names) of one board, kept as the JSON text the clients
 * sent. The relay never needs the values, so each state is parsed once (to validate it) and never
 * re-serialised: a broadcast copies the stored text. Semantics follow y-protocols' Awareness: a
 * state replaces an older one by clock, `null` removes it.
 */
export class AwarenessRelay {
	private readonly peers = new Map<number, PeerState>()
	/** Removed peers keep their clock, so a late, older state cannot bring them back. */
	private readonly removedClocks = new Map<number, number>()

	/** Applies entries from `owner`'s connection; returns the client ids whose state changed. */
	apply(entries: AwarenessEntry[], owner: object): number[] {
		const changed: number[] = []
		for (const { clientId, clock, json } of entries) {
			const current = this.peers.get(clientId)
			const currentClock = current?.clock ?? this.removedClocks.get(clientId) ?? 0
			const removal = json === 'null'
			if (!(currentClock < clock || (currentClock === clock && removal && current))) continue
			if (removal) {
				this.peers.delete(clientId)
				this.removedClocks.set(clientId, clock)
			} else {
				this.peers.set(clientId, { clock, json, owner })
				this.removedClocks.delete(clientId)
			}
			changed.push(clientId)
		}
		return changed
	}

	/** Removes every state `owner` announced (its connection closed); returns their client ids. */
	removeOwnedBy(owner: object): number[] {
		const removed: number[] = []
		for (const [clientId, state] of this.peers) {
			if (state.owner !== owner) continue
			this.peers.delete(clientId)
			this.removedClocks.set(clientId, state.clock + 1)
			removed.push(clientId)
		}
		return removed
	}

	get clientIds(): number[] {
		return [...this.peers.keys()]
	}

	/** The y-protocols awareness update for these clients; removed ones are sent as `null`. */
	encodeUpdate(clientIds: Iterable<number>): Uint8Array {
		const ids = [...clientIds]
		const encoder = encoding.createEncoder()
		encoding.writeVarUint(encoder, ids.length)
		for (const clientId of ids) {
			const state = this.peers.get(clientId)
			encoding.writeVarUint(encoder, clientId)
			encoding.writeVarUint(encoder, state?.clock ?? this.removedClocks.get(clientId) ?? 0)
			encoding.writeVarString(encoder, state?.json ?? 'null')
		}
		return encoding.toUint8Array(encoder)
	}
}
