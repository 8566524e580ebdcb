import * as encoding from 'lib0/encoding'

/** One y-protocols awareness update: a single client's `state` at `clock` (null: the client left). */
export function awarenessUpdate(clientId: number, clock: number, state: unknown): Uint8Array {
	const update = encoding.createEncoder()
	encoding.writeVarUint(update, 1)
	encoding.writeVarUint(update, clientId)
	encoding.writeVarUint(update, clock)
	encoding.writeVarString(update, JSON.stringify(state))
	return encoding.toUint8Array(update)
}
