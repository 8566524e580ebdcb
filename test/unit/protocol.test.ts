import { AwarenessRelay } from '../../server/relay/AwarenessRelay'
import { ClientIdClaims } from '../../server/relay/ClientIdClaims'
import { checkDependencies } from '../../server/relay/updateDependencies'
import { YDocState } from '../../server/relay/YDocState'
import { describe, it, expect, afterEach } from 'vitest'
import fc from 'fast-check'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import { messageSync } from 'y-websocket'
import {
	encodeAwareness,
	encodeAwarenessStates,
	encodeSyncStep1,
	encodeSyncStep2,
	encodeUpdate,
	parseClientMessage,
	ProtocolError,
	type ClientMessage,
} from '../../server/relay/protocol'
import { CLOSE_CODES } from '../../shared/closeCodes'
import { SHAPE_LIMITS } from '../helpers/shapeLimits'

const parse = (input: Uint8Array) => parseClientMessage(input, SHAPE_LIMITS)

type Peer = { readonly address: string; readonly participantId: string }

const newAwarenessRelay = () => new AwarenessRelay<Peer>({ maxAwarenessClientsPerConnection: 4, maxAwarenessStateBytes: 128 * 1024 }, new ClientIdClaims())

const peer = (): Peer => ({ address: '192.0.2.1', participantId: 'peer' })

const awarenesses: awarenessProtocol.Awareness[] = []

afterEach(() => {
	for (const awareness of awarenesses.splice(0)) awareness.destroy()
})

function newAwareness(doc = new Y.Doc()): awarenessProtocol.Awareness {
	const awareness = new awarenessProtocol.Awareness(doc)
	awarenesses.push(awareness)
	return awareness
}

function written(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder()
	write(encoder)
	return encoding.toUint8Array(encoder)
}

/** A doc with some real content: a map of records with nested values and text. */
function docWithContent(): Y.Doc {
	const doc = new Y.Doc()
	const records = doc.getMap<Y.Map<unknown>>('records')
	for (let i = 0; i < 5; i++) {
		const record = { id: `shape:${i}`, typeName: 'shape', x: i * 10, y: i, props: { text: `note number ${i}` } }
		records.set(record.id, new Y.Map(Object.entries(record)))
	}
	doc.getText('title').insert(0, 'Strategy workshop')
	return doc
}

/** A sync frame as a stock y-websocket provider writes it, with y-protocols writing the payload: not through our encoders. */
const stockSyncFrame = (write: (encoder: encoding.Encoder) => void) =>
	written((encoder) => {
		encoding.writeVarUint(encoder, messageSync)
		write(encoder)
	})

function protocolErrorOf(input: Uint8Array): ProtocolError {
	try {
		parse(input)
	} catch (error) {
		expect(error).toBeInstanceOf(ProtocolError)
		return error as ProtocolError
	}
	throw new Error(`parseClientMessage accepted [${[...input].join(', ')}]`)
}

function expectUpdate(message: ClientMessage): Uint8Array {
	if (message.kind !== 'update') throw new Error(`expected an update, got ${message.kind}`)
	return message.update
}

describe('parseClientMessage accepts what y-protocols clients send', () => {
	it("sync step 1 carries the client's state vector", () => {
		const doc = docWithContent()
		const message = parse(stockSyncFrame((encoder) => syncProtocol.writeSyncStep1(encoder, doc)))
		expect(message.kind).toBe('syncStep1')
		if (message.kind !== 'syncStep1') return
		expect([...message.stateVector]).toEqual([...Y.encodeStateVector(doc)])
	})

	it('sync step 1 of an empty doc is accepted', () => {
		const message = parse(stockSyncFrame((encoder) => syncProtocol.writeSyncStep1(encoder, new Y.Doc())))
		expect(message.kind).toBe('syncStep1')
	})

	it('an update message carries the exact update, which applies to another doc', () => {
		const doc = new Y.Doc()
		const updates: Uint8Array[] = []
		doc.on('update', (update: Uint8Array) => updates.push(update))
		doc.getMap('records').set('shape:a', 'moved')
		const message = parse(stockSyncFrame((encoder) => syncProtocol.writeUpdate(encoder, updates[0]!)))
		const update = expectUpdate(message)
		expect([...update]).toEqual([...updates[0]!])
		if (message.kind === 'update') expect(message.scanned.clients.map(({ client }) => client)).toEqual([doc.clientID])
		const receiver = new Y.Doc()
		Y.applyUpdate(receiver, update)
		expect(receiver.getMap('records').get('shape:a')).toBe('moved')
	})

	it('sync step 2 is accepted as an update with the missing state', () => {
		const client = docWithContent()
		const server = new Y.Doc()
		const frameBytes = stockSyncFrame((encoder) => syncProtocol.writeSyncStep2(encoder, client, Y.encodeStateVector(server)))
		Y.applyUpdate(server, expectUpdate(parse(frameBytes)))
		expect(server.getMap('records').toJSON()).toEqual(client.getMap('records').toJSON())
		expect(server.getText('title').toString()).toBe('Strategy workshop')
	})

	it('an awareness message carries the encoded awareness update', () => {
		const awareness = newAwareness()
		awareness.setLocalState({ user: { name: 'Ada', color: '#ff0000' }, cursor: { x: 1, y: 2 } })
		const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID])
		const message = parse(encodeAwareness(update))
		expect(message).toEqual({
			kind: 'awareness',
			entries: [{ clientId: awareness.clientID, clock: 1, json: JSON.stringify(awareness.getLocalState()) }],
		})
		const relay = newAwarenessRelay()
		relay.apply(message.kind === 'awareness' ? message.entries : [], peer())
		const receiver = newAwareness()
		awarenessProtocol.applyAwarenessUpdate(receiver, relay.encodeUpdate(relay.clientIds), 'test')
		expect(receiver.getStates().get(awareness.clientID)).toEqual(awareness.getLocalState())
	})

	it('a sync reply with nothing new scans to no structs and no deletions', () => {
		const doc = docWithContent()
		const message = parse(encodeSyncStep2(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc))))
		if (message.kind !== 'update') throw new Error(`expected an update, got ${message.kind}`)
		expect(message.scanned).toEqual({ clients: [], deletes: [], entries: 0 })
	})

	it('an awareness message removing a client (null state) is accepted', () => {
		const awareness = newAwareness()
		awareness.setLocalState({ user: 'Ada' })
		awareness.setLocalState(null)
		const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID])
		expect(parse(encodeAwareness(update)).kind).toBe('awareness')
	})

	// Parsing every echoed state of every peer would cost the relay for states it drops; it checks
	// only those it keeps (see AwarenessRelay).
	it('an awareness state that is not JSON is passed on as text, and the relay does not keep it', () => {
		const update = encodeAwarenessStates([{ clientId: 12345, clock: 1, json: '{"user": {"name": "Ada"' }])
		const message = parse(encodeAwareness(update))
		expect(message).toEqual({ kind: 'awareness', entries: [{ clientId: 12345, clock: 1, json: '{"user": {"name": "Ada"' }] })
		const relay = newAwarenessRelay()
		expect(relay.apply(message.kind === 'awareness' ? message.entries : [], peer()).changed).toEqual([])
	})

	it('a query for awareness is recognised', () => {
		expect(parse(new Uint8Array([3]))).toEqual({ kind: 'queryAwareness' })
	})

	it("frames from the relay's own encoders parse back", () => {
		const doc = docWithContent()
		expect(parse(encodeSyncStep1(Y.encodeStateVector(doc))).kind).toBe('syncStep1')
		const step2 = expectUpdate(parse(encodeSyncStep2(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(new Y.Doc())))))
		const copy = new Y.Doc()
		Y.applyUpdate(copy, step2)
		expect(copy.getText('title').toString()).toBe('Strategy workshop')
		const update = Y.encodeStateAsUpdate(doc)
		expect([...expectUpdate(parse(encodeUpdate(update)))]).toEqual([...update])
		const awareness = newAwareness(doc)
		awareness.setLocalState({ name: 'Ada' })
		const awarenessUpdate = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID])
		expect(parse(encodeAwareness(awarenessUpdate)).kind).toBe('awareness')
	})

	it('a frame that is a view into a larger buffer is parsed within its own bounds', () => {
		const update = Y.encodeStateAsUpdate(docWithContent())
		const real = encodeUpdate(update)
		const buffer = new Uint8Array(real.length + 100).fill(0xaa)
		buffer.set(real, 50)
		const view = buffer.subarray(50, 50 + real.length)
		expect([...expectUpdate(parse(view))]).toEqual([...update])
	})
})

describe('parseClientMessage refuses malformed frames with a ProtocolError', () => {
	it('an awareness update listing more clients than a board has room for, before reading them', () => {
		const frame = encodeAwareness(written((encoder) => encoding.writeVarUint(encoder, SHAPE_LIMITS.maxAwarenessEntries + 1)))
		expect(() => parseClientMessage(frame, SHAPE_LIMITS)).toThrow(`awareness update lists ${SHAPE_LIMITS.maxAwarenessEntries + 1} clients`)
	})

	it('an empty frame', () => {
		expect(protocolErrorOf(new Uint8Array()).message).toBe('frame is empty or has no message type')
	})

	it('a message type that does not end (varuint continuation bit set on the last byte)', () => {
		expect(protocolErrorOf(new Uint8Array([0x80])).message).toBe('frame is empty or has no message type')
	})

	it('unknown message type 7', () => {
		expect(protocolErrorOf(new Uint8Array([7])).message).toBe('unknown message type 7')
	})

	it('an auth message, which clients never send to this relay', () => {
		expect(protocolErrorOf(new Uint8Array([2, 0])).message).toBe('unknown message type 2')
	})

	it('a sync message without a sync type', () => {
		expect(protocolErrorOf(new Uint8Array([0])).message).toBe('sync message has no sync type')
	})

	it('an unknown sync message type', () => {
		expect(protocolErrorOf(new Uint8Array([0, 5, 0])).message).toBe('unknown sync message type 5')
	})

	it('a sync message without its payload', () => {
		expect(protocolErrorOf(new Uint8Array([0, 2])).message).toBe('sync message is truncated')
	})

	it('an update frame cut in half', () => {
		const real = encodeUpdate(Y.encodeStateAsUpdate(docWithContent()))
		expect(real.length).toBeGreaterThan(100)
		expect(protocolErrorOf(real.slice(0, real.length >> 1)).message).toBe('sync message is truncated')
	})

	it('an update frame cut in half is refused even when the bytes after the cut are still in its buffer', () => {
		const real = encodeUpdate(Y.encodeStateAsUpdate(docWithContent()))
		expect(protocolErrorOf(real.subarray(0, real.length >> 1)).message).toBe('sync message is truncated')
	})

	it('a well-framed update whose content is cut in half', () => {
		const update = Y.encodeStateAsUpdate(docWithContent())
		const half = update.slice(0, update.length >> 1)
		const error = protocolErrorOf(encodeUpdate(half))
		expect(error.message).toMatch(/^document update is truncated/)
		expect(error.closeCode).toBe(CLOSE_CODES.malformedMessage)
		expect(protocolErrorOf(encodeSyncStep2(half)).message).toMatch(/^document update is truncated/)
	})

	it('every strict prefix of a real update is refused as malformed', () => {
		const update = Y.encodeStateAsUpdate(docWithContent())
		for (let length = 0; length < update.length; length++) {
			const error = protocolErrorOf(encodeUpdate(update.slice(0, length)))
			expect(error.message).toMatch(/^document update /)
			expect(error.closeCode).toBe(CLOSE_CODES.malformedMessage)
		}
	})

	it('an update over a shape limit is refused with the update-refused close code, naming the setting', () => {
		const doc = new Y.Doc()
		doc.getMap('records').set('k'.repeat(SHAPE_LIMITS.maxKeyLength + 1), 1)
		const error = protocolErrorOf(encodeUpdate(Y.encodeStateAsUpdate(doc)))
		expect(error.message).toMatch(/MAX_KEY_LENGTH/)
		expect(error.closeCode).toBe(CLOSE_CODES.updateRefused)
	})

	it('the limits are the ones passed in', () => {
		const doc = new Y.Doc()
		doc.getMap('records').set('shape:a', 'x'.repeat(2000))
		const update = encodeUpdate(Y.encodeStateAsUpdate(doc))
		expect(parse(update).kind).toBe('update')
		expect(() => parseClientMessage(update, { ...SHAPE_LIMITS, maxValueBytes: 1024 })).toThrow(/MAX_VALUE_BYTES/)
	})

	it('a sync step 1 whose state vector is cut short', () => {
		const stateVector = Y.encodeStateVector(docWithContent())
		expect(protocolErrorOf(encodeSyncStep1(stateVector.slice(0, 1))).message).toBe('sync step 1 carries a malformed state vector')
	})

	it('an awareness message cut short', () => {
		const awareness = newAwareness()
		awareness.setLocalState({ name: 'Ada' })
		const real = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]))
		expect(protocolErrorOf(real.slice(0, real.length - 3)).message).toBe('awareness message is truncated')
	})

	it('an awareness update announcing more states than it holds', () => {
		const update = written((encoder) => {
			encoding.writeVarUint(encoder, 2)
			encoding.writeVarUint(encoder, 12345)
			encoding.writeVarUint(encoder, 1)
			encoding.writeVarString(encoder, '{}')
		})
		expect(protocolErrorOf(encodeAwareness(update)).message).toBe('awareness update is malformed')
	})
})

describe('parseClientMessage on arbitrary bytes', () => {
	/** What the relay does with a parsed message must not throw either. */
	function useMessage(message: ClientMessage) {
		const scratch = docWithContent()
		switch (message.kind) {
			case 'update': {
				const state = new YDocState()
				state.load([Y.encodeStateAsUpdate(scratch)])
				const verdict = checkDependencies(message.scanned, state, SHAPE_LIMITS.maxNestingDepth)
				if (verdict.ok) expect(() => state.apply(message.update)).not.toThrow()
				break
			}
			case 'syncStep1':
				expect(() => Y.encodeStateAsUpdate(scratch, message.stateVector)).not.toThrow()
				break
			case 'awareness': {
				const relay = newAwarenessRelay()
				relay.apply(message.entries, peer())
				const forwarded = relay.encodeUpdate(relay.clientIds)
				expect(() => awarenessProtocol.applyAwarenessUpdate(newAwareness(scratch), forwarded, 'test')).not.toThrow()
				break
			}
			case 'queryAwareness':
				break
		}
	}

	function parseOrProtocolError(input: Uint8Array) {
		let message: ClientMessage
		try {
			message = parse(input)
		} catch (error) {
			expect(error).toBeInstanceOf(ProtocolError)
			expect((error as Error).message.length).toBeGreaterThan(0)
			return
		}
		useMessage(message)
	}

	const realUpdate = Y.encodeStateAsUpdate(docWithContent())

	it('random bytes either parse into something usable or throw a ProtocolError, nothing else', () => {
		fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), parseOrProtocolError), { numRuns: 2000 })
	})

	it('random payloads behind a valid sync or awareness header parse into something usable or throw a ProtocolError', () => {
		const envelope = fc.constantFrom(encodeSyncStep1, encodeSyncStep2, encodeUpdate, encodeAwareness)
		fc.assert(
			fc.property(envelope, fc.uint8Array({ maxLength: 200 }), (encode, payload) => parseOrProtocolError(encode(payload))),
			{ numRuns: 2000 },
		)
	})

	it('a real update with random bytes changed never makes the parser throw anything but a ProtocolError', () => {
		fc.assert(
			fc.property(
				fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 4 }),
				fc.nat(),
				(changes, cut) => {
					const mutated = realUpdate.slice(0, realUpdate.length - (cut % 4))
					for (const { at, value } of changes) mutated[at % mutated.length] = value
					try {
						parse(encodeUpdate(mutated))
					} catch (error) {
						expect(error).toBeInstanceOf(ProtocolError)
					}
				},
			),
			{ numRuns: 2000 },
		)
	})

	// Y.applyUpdate would throw half-way through such an update, after integrating part of it.
	it('an update with a corrupted origin reference is refused before it is applied', () => {
		const doc = new Y.Doc()
		doc.clientID = 1
		const records = doc.getMap<Y.Map<unknown>>('records')
		records.set('shape:a', new Y.Map(Object.entries({ id: 'shape:a', x: 1, y: 2 })))
		records.set('shape:b', new Y.Map(Object.entries({ id: 'shape:b', x: 3, y: 4 })))
		const corrupted = Y.encodeStateAsUpdate(doc)
		expect(corrupted[26]).toBe(0)
		corrupted[26] = 5

		const message = parse(encodeUpdate(corrupted))
		if (message.kind !== 'update') throw new Error(`expected an update, got ${message.kind}`)
		const verdict = checkDependencies(message.scanned, new YDocState(), SHAPE_LIMITS.maxNestingDepth)
		expect(verdict).toMatchObject({ ok: false, missing: false, reason: expect.stringMatching(/later item of its own client/) })
	})

	it('decoding never reads past the frame', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
				const padded = new Uint8Array(input.length + 64).fill(0x7f)
				padded.set(input)
				const view = padded.subarray(0, input.length)
				let message: ClientMessage
				try {
					message = parse(view)
				} catch (error) {
					expect(error).toBeInstanceOf(ProtocolError)
					return
				}
				if (message.kind === 'queryAwareness' || message.kind === 'awareness') return
				const carried = message.kind === 'syncStep1' ? message.stateVector : message.update
				expect(carried.byteOffset + carried.byteLength).toBeLessThanOrEqual(view.byteOffset + view.byteLength)
			}),
			{ numRuns: 1000 },
		)
	})
})
