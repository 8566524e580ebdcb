import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'

/**
 * The y-websocket wire protocol in one place: every frame is `[messageType: varUint, payload]`.
 * Parsing fully decodes each payload before anything is applied, so a truncated or garbage
 * update is refused whole instead of half-applied to a board.
 */
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3

export type AwarenessEntry = { clientId: number; clock: number; json: string }

export type ClientMessage =
	| { kind: 'syncStep1'; stateVector: Uint8Array }
	/** `empty`: no structs and no deletions, as every client sends in reply to our sync step 1. */
	| { kind: 'update'; update: Uint8Array; empty: boolean }
	| { kind: 'awareness'; entries: AwarenessEntry[] }
	| { kind: 'queryAwareness' }

export class ProtocolError extends Error {}

export function parseClientMessage(frame: Uint8Array): ClientMessage {
	const decoder = decoding.createDecoder(frame)
	const messageType = readOr(() => decoding.readVarUint(decoder), 'frame is empty or has no message type')
	switch (messageType) {
		case MESSAGE_SYNC:
			return parseSyncMessage(decoder)
		case MESSAGE_AWARENESS: {
			const update = readOr(() => decoding.readVarUint8Array(decoder), 'awareness message is truncated')
			return { kind: 'awareness', entries: readAwarenessEntries(update) }
		}
		case MESSAGE_QUERY_AWARENESS:
			return { kind: 'queryAwareness' }
		default:
			throw new ProtocolError(`unknown message type ${messageType}`)
	}
}

function parseSyncMessage(decoder: decoding.Decoder): ClientMessage {
	const syncType = readOr(() => decoding.readVarUint(decoder), 'sync message has no sync type')
	const payload = readOr(() => decoding.readVarUint8Array(decoder), 'sync message is truncated')
	switch (syncType) {
		case syncProtocol.messageYjsSyncStep1:
			readOr(() => Y.decodeStateVector(payload), 'sync step 1 carries a malformed state vector')
			return { kind: 'syncStep1', stateVector: payload }
		case syncProtocol.messageYjsSyncStep2:
		case syncProtocol.messageYjsUpdate: {
			const decoded = readOr(() => Y.decodeUpdate(payload), 'document update is malformed or truncated')
			if (!decoded.structs.every(referencesOnlyEarlierItems)) {
				throw new ProtocolError('document update is corrupt: an item refers to a later item of its own client')
			}
			return { kind: 'update', update: payload, empty: decoded.structs.length === 0 && decoded.ds.clients.size === 0 }
		}
		default:
			throw new ProtocolError(`unknown sync message type ${syncType}`)
	}
}

/**
 * Yjs assumes an item only ever points at items its client created before it. A corrupted update
 * that breaks this decodes fine but makes applyUpdate throw halfway, after part of it is in the
 * board, so such updates are refused before they are applied.
 */
function referencesOnlyEarlierItems(struct: Y.Item | Y.GC | Y.Skip): boolean {
	if (!(struct instanceof Y.Item)) return true
	const { client, clock } = struct.id
	const earlier = (id: Y.ID | null) => id === null || id.client !== client || id.clock < clock
	const parent = struct.parent instanceof Y.ID ? struct.parent : null
	return earlier(struct.origin) && earlier(struct.rightOrigin) && earlier(parent)
}

/** Each state is parsed once, to be sure peers can parse it too, and kept as the text it came as. */
function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
	const decoder = decoding.createDecoder(update)
	return readOr(() => {
		const count = decoding.readVarUint(decoder)
		const entries: AwarenessEntry[] = []
		for (let i = 0; i < count; i++) {
			const clientId = decoding.readVarUint(decoder)
			const clock = decoding.readVarUint(decoder)
			const json = decoding.readVarString(decoder)
			JSON.parse(json)
			entries.push({ clientId, clock, json })
		}
		return entries
	}, 'awareness update is malformed')
}

function readOr<T>(read: () => T, problem: string): T {
	try {
		return read()
	} catch {
		throw new ProtocolError(problem)
	}
}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder()
	encoding.writeVarUint(encoder, MESSAGE_SYNC)
	encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1)
	encoding.writeVarUint8Array(encoder, stateVector)
	return encoding.toUint8Array(encoder)
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder()
	encoding.writeVarUint(encoder, MESSAGE_SYNC)
	encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
	encoding.writeVarUint8Array(encoder, update)
	return encoding.toUint8Array(encoder)
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder()
	encoding.writeVarUint(encoder, MESSAGE_SYNC)
	syncProtocol.writeUpdate(encoder, update)
	return encoding.toUint8Array(encoder)
}

export function encodeAwareness(awarenessUpdate: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder()
	encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
	encoding.writeVarUint8Array(encoder, awarenessUpdate)
	return encoding.toUint8Array(encoder)
}
