import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { encodeAwarenessStates } from '../../shared/wire/messages'

/** Yjs updates no honest client sends, built byte for byte or with a doc that pretends. */

/** The update that creates a record nested `depth` Y.Maps deep under `records`. */
export function nestedMapsUpdate(depth: number, key = 'shape:deep'): Uint8Array {
	const doc = new Y.Doc()
	doc.transact(() => {
		let parent = doc.getMap<unknown>('records')
		let parentKey = key
		for (let level = 0; level < depth; level++) {
			const child = new Y.Map<unknown>()
			parent.set(parentKey, child)
			parent = child
			parentKey = 'child'
		}
	})
	return Y.encodeStateAsUpdate(doc)
}

/** An update with no structs, only a delete set: `client`'s clocks [clock, clock + length). */
export function deleteSetUpdate(client: number, clock: number, length: number): Uint8Array {
	const encoder = encoding.createEncoder()
	encoding.writeVarUint(encoder, 0)
	encoding.writeVarUint(encoder, 1)
	encoding.writeVarUint(encoder, client)
	encoding.writeVarUint(encoder, 1)
	encoding.writeVarUint(encoder, clock)
	encoding.writeVarUint(encoder, length)
	return encoding.toUint8Array(encoder)
}

/** What `edit` writes, made by a doc that starts from `base` and claims `clientId` as its own. */
export function updateAs(clientId: number, base: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
	const forger = new Y.Doc()
	Y.applyUpdate(forger, Y.encodeStateAsUpdate(base))
	forger.clientID = clientId
	const before = Y.encodeStateVector(forger)
	edit(forger)
	return Y.encodeStateAsUpdate(forger, before)
}

/** One update setting `count` keys of a map (the 300,000-entry stall). */
export function manyEntriesUpdate(count: number, root = 'flood'): Uint8Array {
	const doc = new Y.Doc()
	const map = doc.getMap<number>(root)
	doc.transact(() => {
		for (let index = 0; index < count; index++) map.set(`k${index}`, index)
	})
	return Y.encodeStateAsUpdate(doc)
}

/** One update setting `key` to `value` in map `root`, from a fresh client. */
export function setUpdate(root: string, key: string, value: unknown): Uint8Array {
	const doc = new Y.Doc()
	doc.getMap(root).set(key, value)
	return Y.encodeStateAsUpdate(doc)
}

/** A y-protocols awareness update carrying many clients' states at once. */
export function awarenessBatch(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
	return encodeAwarenessStates(entries.map(({ clientId, clock, state }) => ({ clientId, clock, json: JSON.stringify(state) })))
}
