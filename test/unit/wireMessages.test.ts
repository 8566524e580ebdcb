import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as authProtocol from 'y-protocols/auth'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import { messageAuth, messageAwareness, messageQueryAwareness, messageSync } from 'y-websocket'
import * as Y from 'yjs'
import { parseClientMessage } from '../../server/relay/protocol'
import {
	decodeSyncStep1,
	encodeAwareness,
	encodeAwarenessStates,
	encodePermissionDenied,
	encodeSyncStep1,
	encodeSyncStep2,
	encodeUpdate,
	MESSAGE_AUTH,
	MESSAGE_AWARENESS,
	MESSAGE_QUERY_AWARENESS,
	MESSAGE_SYNC,
	WireMessageError,
} from '../../shared/wire/messages'
import { SHAPE_LIMITS } from '../helpers/shapeLimits'

const docs: Y.Doc[] = []
afterEach(() => {
	for (const doc of docs.splice(0)) doc.destroy()
})

function docWithNote(text: string): Y.Doc {
	const doc = new Y.Doc()
	docs.push(doc)
	doc.getMap('records').set('shape:note', text)
	return doc
}

/** What a stock y-websocket provider does with a sync frame: the doc it applies it to, and its answer. */
function receiveAsStockClient(frame: Uint8Array, doc: Y.Doc): Uint8Array {
	const decoder = decoding.createDecoder(frame)
	expect(decoding.readVarUint(decoder)).toBe(messageSync)
	const answer = encoding.createEncoder()
	syncProtocol.readSyncMessage(decoder, answer, doc, 'server')
	return encoding.toUint8Array(answer)
}

describe('message types', () => {
	it('are the numbers a stock y-websocket provider uses', () => {
		expect([MESSAGE_SYNC, MESSAGE_AWARENESS, MESSAGE_AUTH, MESSAGE_QUERY_AWARENESS]).toEqual([
			messageSync,
			messageAwareness,
			messageAuth,
			messageQueryAwareness,
		])
	})
})

describe('sync frames', () => {
	it('a sync step 1 is byte for byte what y-protocols writes for the same doc', () => {
		const doc = docWithNote('hello')
		const stock = encoding.createEncoder()
		encoding.writeVarUint(stock, messageSync)
		syncProtocol.writeSyncStep1(stock, doc)
		expect(encodeSyncStep1(Y.encodeStateVector(doc))).toEqual(encoding.toUint8Array(stock))
	})

	it('a sync step 1 reads back as its state vector, on the client and on the relay', () => {
		const doc = docWithNote('hello')
		const frame = encodeSyncStep1(Y.encodeStateVector(doc))
		expect(decodeSyncStep1(frame)).toEqual(new Map([[doc.clientID, 1]]))
		expect(parseClientMessage(frame, SHAPE_LIMITS)).toEqual({ kind: 'syncStep1', stateVector: Y.encodeStateVector(doc) })
	})

	it('a sync step 1 of an empty doc reads back as an empty state vector', () => {
		expect(decodeSyncStep1(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))).toEqual(new Map())
	})

	it('a sync step 2 brings a stock client the missing content, which it does not answer', () => {
		const server = docWithNote('from the server')
		const client = new Y.Doc()
		docs.push(client)
		const answer = receiveAsStockClient(encodeSyncStep2(Y.encodeStateAsUpdate(server)), client)
		expect(client.getMap('records').get('shape:note')).toBe('from the server')
		expect(answer).toHaveLength(0)
	})

	it('an update reaches a stock client and reads back on the relay as the same bytes', () => {
		const update = Y.encodeStateAsUpdate(docWithNote('edited'))
		const client = new Y.Doc()
		docs.push(client)
		receiveAsStockClient(encodeUpdate(update), client)
		expect(client.getMap('records').get('shape:note')).toBe('edited')
		const parsed = parseClientMessage(encodeUpdate(update), SHAPE_LIMITS)
		expect(parsed.kind === 'update' && parsed.update).toEqual(update)
	})
})

describe('awareness frames', () => {
	const entries = [
		{ clientId: 7, clock: 3, json: JSON.stringify({ presence: { userName: 'Ada' } }) },
		{ clientId: 8, clock: 5, json: 'null' },
	]

	it('the states read back on the relay as sent', () => {
		expect(parseClientMessage(encodeAwareness(encodeAwarenessStates(entries)), SHAPE_LIMITS)).toEqual({ kind: 'awareness', entries })
	})

	it('a stock client takes in the present state and drops the one that left', () => {
		const awareness = new awarenessProtocol.Awareness(docWithNote(''))
		awarenessProtocol.applyAwarenessUpdate(awareness, encodeAwarenessStates([{ ...entries[1]!, clock: 4, json: '{}' }]), 'server')
		awarenessProtocol.applyAwarenessUpdate(awareness, encodeAwarenessStates(entries), 'server')
		expect(awareness.getStates().get(7)).toEqual({ presence: { userName: 'Ada' } })
		expect(awareness.getStates().has(8)).toBe(false)
		awareness.destroy()
	})
})

describe('permission denied', () => {
	it('a stock client reads the reason the relay gave', () => {
		const decoder = decoding.createDecoder(encodePermissionDenied('the board is locked'))
		expect(decoding.readVarUint(decoder)).toBe(messageAuth)
		const reasons: string[] = []
		authProtocol.readAuthMessage(decoder, new Y.Doc(), (_doc, reason) => reasons.push(reason))
		expect(reasons).toEqual(['the board is locked'])
	})
})

describe('decodeSyncStep1', () => {
	it.each([
		['a sync step 2', encodeSyncStep2(new Uint8Array([0, 0]))],
		['an update', encodeUpdate(new Uint8Array([0, 0]))],
		['an awareness message', encodeAwareness(encodeAwarenessStates([]))],
		['a permission denied', encodePermissionDenied('no')],
		['a query for awareness', new Uint8Array([MESSAGE_QUERY_AWARENESS])],
	])('%s is not a sync step 1', (_what, frame) => {
		expect(decodeSyncStep1(frame)).toBeNull()
	})

	const truncatedStep1 = encodeSyncStep1(Y.encodeStateVector(docWithNote('x'))).slice(0, -1)
	it.each([
		['an empty frame', new Uint8Array(), 'frame is empty or has no message type'],
		['a message type that does not end', new Uint8Array([0x80]), 'frame is empty or has no message type'],
		['a sync message without a sync type', new Uint8Array([MESSAGE_SYNC]), 'sync message has no sync type'],
		['a sync step 1 without its state vector', new Uint8Array([MESSAGE_SYNC, 0]), 'sync step 1 is truncated'],
		['a sync step 1 cut short', truncatedStep1, 'sync step 1 is truncated'],
		// The payload is whole, but claims two clients and holds one byte.
		['a state vector that is not one', new Uint8Array([MESSAGE_SYNC, 0, 1, 2]), 'sync step 1 carries a malformed state vector'],
	])('%s is refused: "%s"', (_what, frame, problem) => {
		const refusal = refusalOf(frame)
		expect(refusal).toBeInstanceOf(WireMessageError)
		expect(refusal.message).toBe(problem)
	})
})

function refusalOf(frame: Uint8Array): Error {
	try {
		decodeSyncStep1(frame)
	} catch (error) {
		return error as Error
	}
	throw new Error('the frame was read as a sync step 1')
}
