import { encodeAwarenessStates } from '../../shared/wire/messages'

/** One y-protocols awareness update: a single client's `state` at `clock` (null: the client left). */
export function awarenessUpdate(clientId: number, clock: number, state: unknown): Uint8Array {
	return encodeAwarenessStates([{ clientId, clock, json: JSON.stringify(state) }])
}
