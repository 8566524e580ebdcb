import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import { CLOSE_CODES } from '../../shared/closeCodes.js'
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, type AwarenessEntry } from '../../shared/wire/messages.js'
import { scanUpdate, UpdateShapeError, type ScannedUpdate, type ShapeLimits } from './updateShape.js'

/**
 * The relay's side of the y-websocket wire protocol. The frames both sides write are shared
 * (shared/wire/messages.ts) and offered here beside the parser, so the relay has one protocol
 * module. Parsing reads each payload whole before anything is applied, so a truncated, garbage or
 * oversized update is refused whole instead of half-applied to a board.
 */
export {
	encodeAwareness,
	encodeAwarenessStates,
	encodeSyncStep1,
	encodeSyncStep2,
	encodeUpdate,
	MESSAGE_AUTH,
	MESSAGE_AWARENESS,
	type AwarenessEntry,
} from '../../shared/wire/messages.js'

export type ClientMessage =
	| { kind: 'syncStep1'; stateVector: Uint8Array }
	/** `scanned`: its structure, read without applying it (see updateShape.ts). */
	| { kind: 'update'; update: Uint8Array; scanned: ScannedUpdate }
	| { kind: 'awareness'; entries: AwarenessEntry[] }
	| { kind: 'queryAwareness' }

/** A message the relay will not take; `closeCode` tells the client which kind of problem it was. */
export class ProtocolError extends Error {
	constructor(
		message: string,
		readonly closeCode: number = CLOSE_CODES.malformedMessage,
	) {
		super(message)
	}
}

/**
 * `maxAwarenessEntries`: a stock client echoes the states it receives, so an honest awareness
 * message lists up to one entry per peer on the board; far more is a flood, refused unread.
 */
export type MessageLimits = ShapeLimits & { maxAwarenessEntries: number }

/** A refused update closes with the code for a broken limit when it names one, else as malformed. */
export function closeCodeForRefusal(setting: string | null): number {
	return setting ? CLOSE_CODES.updateRefused : CLOSE_CODES.malformedMessage
}

export function parseClientMessage(frame: Uint8Array, limits: MessageLimits): ClientMessage {
	const decoder = decoding.createDecoder(frame)
	const messageType = readOr(() => decoding.readVarUint(decoder), 'frame is empty or has no message type')
	switch (messageType) {
		case MESSAGE_SYNC:
			return parseSyncMessage(decoder, limits)
		case MESSAGE_AWARENESS: {
			const update = readOr(() => decoding.readVarUint8Array(decoder), 'awareness message is truncated')
			return { kind: 'awareness', entries: readAwarenessEntries(update, limits.maxAwarenessEntries) }
		}
		case MESSAGE_QUERY_AWARENESS:
			return { kind: 'queryAwareness' }
		default:
			throw new ProtocolError(`unknown message type ${messageType}`)
	}
}

function parseSyncMessage(decoder: decoding.Decoder, limits: ShapeLimits): ClientMessage {
	const syncType = readOr(() => decoding.readVarUint(decoder), 'sync message has no sync type')
	const payload = readOr(() => decoding.readVarUint8Array(decoder), 'sync message is truncated')
	switch (syncType) {
		case syncProtocol.messageYjsSyncStep1:
			readOr(() => Y.decodeStateVector(payload), 'sync step 1 carries a malformed state vector')
			return { kind: 'syncStep1', stateVector: payload }
		case syncProtocol.messageYjsSyncStep2:
		case syncProtocol.messageYjsUpdate:
			try {
				return { kind: 'update', update: payload, scanned: scanUpdate(payload, limits) }
			} catch (error) {
				if (!(error instanceof UpdateShapeError)) throw error
				throw new ProtocolError(error.message, closeCodeForRefusal(error.setting))
			}
		default:
			throw new ProtocolError(`unknown sync message type ${syncType}`)
	}
}

/** The entries as sent; their JSON is checked by the relay only for the states it keeps. */
function readAwarenessEntries(update: Uint8Array, maxEntries: number): AwarenessEntry[] {
	const decoder = decoding.createDecoder(update)
	const count = readOr(() => decoding.readVarUint(decoder), 'awareness update is malformed')
	if (count > maxEntries) throw new ProtocolError(`awareness update lists ${count} clients; a board has room for at most ${maxEntries}`)
	return readOr(() => {
		const entries: AwarenessEntry[] = []
		for (let i = 0; i < count; i++) {
			const clientId = decoding.readVarUint(decoder)
			const clock = decoding.readVarUint(decoder)
			const json = decoding.readVarString(decoder)
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
