import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as authProtocol from 'y-protocols/auth'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

/**
 * The y-websocket wire format both sides write: every frame is `[messageType: varUint, payload]`.
 * The relay's validating parser (server/relay/protocol.ts) reads what clients send; a stock
 * WebsocketProvider reads the rest, so only what it leaves to us is decoded here.
 */
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3

/** One client's awareness state as it travels: `json` is the state's JSON text, `null` for a client that left. */
export type AwarenessEntry = { clientId: number; clock: number; json: string }

/** A frame that does not say what its message type promises. */
export class WireMessageError extends Error {}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
	return syncFrame(syncProtocol.messageYjsSyncStep1, stateVector)
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
	return syncFrame(syncProtocol.messageYjsSyncStep2, update)
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
	return syncFrame(syncProtocol.messageYjsUpdate, update)
}

export function encodeAwareness(awarenessUpdate: Uint8Array): Uint8Array {
	return frame(MESSAGE_AWARENESS, (encoder) => encoding.writeVarUint8Array(encoder, awarenessUpdate))
}

/** y-websocket's "permission denied": the provider hands it to its auth handler with the reason. */
export function encodePermissionDenied(reason: string): Uint8Array {
	return frame(MESSAGE_AUTH, (encoder) => authProtocol.writePermissionDenied(encoder, reason))
}

/** The y-protocols awareness update (the payload of an awareness message) listing these states. */
export function encodeAwarenessStates(entries: readonly AwarenessEntry[]): Uint8Array {
	const encoder = encoding.createEncoder()
	encoding.writeVarUint(encoder, entries.length)
	for (const { clientId, clock, json } of entries) {
		encoding.writeVarUint(encoder, clientId)
		encoding.writeVarUint(encoder, clock)
		encoding.writeVarString(encoder, json)
	}
	return encoding.toUint8Array(encoder)
}

/**
 * The state vector a sync step 1 asks with, or null for any other message. The relay answers a
 * client's step 1 with its own, which is how a browser learns what the server has stored.
 */
export function decodeSyncStep1(message: Uint8Array): Map<number, number> | null {
	const decoder = decoding.createDecoder(message)
	if (readOr(() => decoding.readVarUint(decoder), 'frame is empty or has no message type') !== MESSAGE_SYNC) return null
	if (readOr(() => decoding.readVarUint(decoder), 'sync message has no sync type') !== syncProtocol.messageYjsSyncStep1) return null
	const stateVector = readOr(() => decoding.readVarUint8Array(decoder), 'sync step 1 is truncated')
	return readOr(() => Y.decodeStateVector(stateVector), 'sync step 1 carries a malformed state vector')
}

function syncFrame(syncType: number, payload: Uint8Array): Uint8Array {
	return frame(MESSAGE_SYNC, (encoder) => {
		encoding.writeVarUint(encoder, syncType)
		encoding.writeVarUint8Array(encoder, payload)
	})
}

function frame(messageType: number, writePayload: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder()
	encoding.writeVarUint(encoder, messageType)
	writePayload(encoder)
	return encoding.toUint8Array(encoder)
}

function readOr<T>(read: () => T, problem: string): T {
	try {
		return read()
	} catch {
		throw new WireMessageError(problem)
	}
}
