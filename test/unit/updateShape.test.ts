import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { scanUpdate, UpdateShapeError, type ScannedUpdate, type ShapeLimits } from '../../server/relay/updateShape'
import { recordsOf, writeRecordChanges } from '../../shared/recordDoc'
import { craftUpdate, nestedArrayBytes, type CraftedStruct } from '../helpers/craftedUpdate'
import { noteRecord } from '../helpers/noteRecord'
import { editArbitrary, runEdits } from '../helpers/randomEdits'
import { SHAPE_LIMITS } from '../helpers/shapeLimits'

const MiB = 1024 * 1024

function shapeErrorOf(update: Uint8Array, limits: ShapeLimits = SHAPE_LIMITS): UpdateShapeError {
	try {
		scanUpdate(update, limits)
	} catch (error) {
		expect(error).toBeInstanceOf(UpdateShapeError)
		return error as UpdateShapeError
	}
	throw new Error(`scanUpdate accepted [${[...update.subarray(0, 40)].join(', ')}${update.length > 40 ? ', ...' : ''}]`)
}

/** The one update `edit` makes `doc` emit. */
function updateOf(doc: Y.Doc, edit: () => void): Uint8Array {
	const updates: Uint8Array[] = []
	const record = (update: Uint8Array) => updates.push(update)
	doc.on('update', record)
	doc.transact(edit)
	doc.off('update', record)
	expect(updates).toHaveLength(1)
	return updates[0]!
}

const idOf = (id: Y.ID | null) => id && { client: id.client, clock: id.clock }

/** What Y.decodeUpdate reads of an update, in the scanner's terms. */
function decodedView(update: Uint8Array) {
	const { structs, ds } = Y.decodeUpdate(update)
	return {
		structs: structs.map((struct) => {
			const common = { client: struct.id.client, clock: struct.id.clock, length: struct.length }
			if (struct instanceof Y.GC) return { ...common, kind: 'gc' }
			if (struct instanceof Y.Skip) return { ...common, kind: 'skip' }
			const { parent } = struct
			return {
				...common,
				kind: 'item',
				origin: idOf(struct.origin),
				rightOrigin: idOf(struct.rightOrigin),
				// decodeUpdate names a root parent by its name, not by a type.
				parent: parent === null ? null : parent instanceof Y.ID ? { item: idOf(parent) } : { root: parent as unknown as string },
				parentSub: struct.parentSub,
				isType: struct.content instanceof Y.ContentType,
			}
		}),
		deletes: [...ds.clients].flatMap(([client, ranges]) => ranges.map(({ clock, len }) => ({ client, clock, length: len }))),
	}
}

function scannedView({ clients, deletes }: ScannedUpdate) {
	return {
		structs: clients.flatMap(({ client, structs }) =>
			structs.map((struct) => {
				if (struct.kind !== 'item') return { client, clock: struct.clock, length: struct.length, kind: struct.kind }
				const { clock, length, kind, origin, rightOrigin, parent, parentSub, isType } = struct
				return { client, clock, length, kind, origin, rightOrigin, parent, parentSub, isType }
			}),
		),
		deletes,
	}
}

function expectSameViewAsYjs(update: Uint8Array) {
	expect(scannedView(scanUpdate(update, SHAPE_LIMITS))).toEqual(decodedView(update))
}

/** The JSON depth of the deepest value the scanner found. */
const deepestValue = ({ clients }: ScannedUpdate) =>
	Math.max(...clients.flatMap(({ structs }) => structs.map((struct) => (struct.kind === 'item' ? struct.valueDepth : 0))))

const setUpdate = (key: string, value: unknown, root = 'records') => {
	const doc = new Y.Doc()
	return updateOf(doc, () => doc.getMap(root).set(key, value))
}

describe('scanUpdate passes what honest clients send', () => {
	it('a tldraw note record as the board writes it, its rich text nested 8 levels deep', () => {
		const note = noteRecord({ id: 'shape:note', x: 10, y: 20 })
		note.props.richText = {
			type: 'doc',
			content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Vision', marks: [{ type: 'bold', attrs: {} }] }] }],
		}
		const doc = new Y.Doc()
		const update = updateOf(doc, () => writeRecordChanges(doc, { put: [note], removed: [] }, 'local'))
		const scanned = scanUpdate(update, SHAPE_LIMITS)
		// The props object, then richText's eight.
		expect(deepestValue(scanned)).toBe(9)
		expect(scanned.clients[0]!.structs.find((struct) => struct.kind === 'item' && struct.parentSub === note.id)).toMatchObject({
			isType: true,
			parent: { root: 'records' },
		})
		expectSameViewAsYjs(update)
	})

	it('a freehand stroke of 500 points, one value of its record', () => {
		const points = Array.from({ length: 500 }, (_, index) => ({ x: index * 1.5, y: Math.sin(index) * 40, z: 0.5 }))
		const stroke = {
			...noteRecord({ id: 'shape:stroke', x: 0, y: 0 }),
			type: 'draw',
			props: { segments: [{ type: 'free', points }], isComplete: true },
		}
		const doc = new Y.Doc()
		writeRecordChanges(doc, { put: [{ ...stroke, props: { segments: [], isComplete: false } }], removed: [] }, 'local')
		const update = updateOf(doc, () => writeRecordChanges(doc, { put: [stroke], removed: [] }, 'local'))
		const scanned = scanUpdate(update, SHAPE_LIMITS)
		expect(scanned.entries).toBeLessThan(5)
		// props, segments, a segment, points, a point.
		expect(deepestValue(scanned)).toBe(5)
		expectSameViewAsYjs(update)
	})

	it('a long rich-text note of ~20 KB', () => {
		const sentence = 'we grow by listening to the people we serve. '
		const paragraphs = Array.from({ length: 100 }, (_, index) => `Paragraph ${index}: ${sentence.repeat(4)}`)
		const note = noteRecord({ id: 'shape:long', x: 0, y: 0, paragraphs })
		expect(JSON.stringify(note.props.richText).length).toBeGreaterThan(20_000)
		const doc = new Y.Doc()
		const update = updateOf(doc, () => writeRecordChanges(doc, { put: [note], removed: [] }, 'local'))
		expect(() => scanUpdate(update, SHAPE_LIMITS)).not.toThrow()
		expectSameViewAsYjs(update)
	})

	it('Y.Array pushes, Y.Text inserts with formatting, and deletions of both', () => {
		const doc = new Y.Doc()
		const list = doc.getArray<unknown>('list')
		const text = doc.getText('text')
		const updates = [
			updateOf(doc, () => list.push([1, 'two', { three: [3] }, new Uint8Array([4])])),
			updateOf(doc, () => list.insert(1, ['inserted'])),
			updateOf(doc, () => text.insert(0, 'Strategy board – 😀 ümlaut')),
			updateOf(doc, () => text.format(0, 8, { bold: true })),
			updateOf(doc, () => text.insertEmbed(3, { image: 'a.png' })),
			updateOf(doc, () => list.delete(0, 2)),
			updateOf(doc, () => text.delete(2, 10)),
		]
		for (const update of updates) expectSameViewAsYjs(update)
		const deletion = scanUpdate(updates[5]!, SHAPE_LIMITS)
		expect(deletion.clients).toEqual([])
		expect(deletion.deletes.every(({ client }) => client === doc.clientID)).toBe(true)
		expect(deletion.deletes.reduce((total, { length }) => total + length, 0)).toBe(2)
	})

	it('a sync step 2 with the full state of a doc 40 clients wrote, deletions included', () => {
		const board = new Y.Doc()
		for (let index = 0; index < 40; index++) {
			const client = new Y.Doc()
			Y.applyUpdate(client, Y.encodeStateAsUpdate(board))
			const removed = index % 3 === 0 && index > 0 ? [`shape:${index - 1}`] : []
			writeRecordChanges(client, { put: [noteRecord({ id: `shape:${index}`, x: index, y: 0 })], removed }, 'local')
			client.getText('title').insert(0, `${index} `)
			Y.applyUpdate(board, Y.encodeStateAsUpdate(client))
		}
		const update = Y.encodeStateAsUpdate(board)
		const scanned = scanUpdate(update, SHAPE_LIMITS)
		expect(scanned.clients).toHaveLength(40)
		expect(scanned.deletes.length).toBeGreaterThan(0)
		expect(recordsOf(board).size).toBe(40 - 13)
		expectSameViewAsYjs(update)
	})

	it('reads what Y.decodeUpdate reads (clients, clocks, lengths, references, deletions) of random edits by 2-3 docs', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 2, max: 3 }).chain((docCount) => fc.tuple(fc.constant(docCount), fc.array(editArbitrary(docCount), { maxLength: 40 }))),
				([docCount, edits]) => {
					const { docs, updates } = runEdits(docCount, edits)
					for (const update of updates) expectSameViewAsYjs(update)
					for (const doc of docs) {
						expectSameViewAsYjs(Y.encodeStateAsUpdate(doc))
						for (const other of docs) expectSameViewAsYjs(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)))
					}
				},
			),
			{ numRuns: 1000 },
		)
	})
})

describe('scanUpdate refuses updates over a limit, naming the setting', () => {
	it('MAX_NESTING_DEPTH: a value nested 33 levels deep; 32 pass the scanner', () => {
		const nested = (depth: number): unknown => (depth === 0 ? 'bottom' : [nested(depth - 1)])
		expect(() => scanUpdate(setUpdate('shape:a', nested(32)), SHAPE_LIMITS)).not.toThrow()
		expect(shapeErrorOf(setUpdate('shape:a', nested(33))).setting).toBe('MAX_NESTING_DEPTH')
	})

	it('MAX_NESTING_DEPTH: a value nested 20,000 levels deep, which lib0 would read by recursion', () => {
		const deep = { raw: { ref: 8, bytes: new Uint8Array([1, ...nestedArrayBytes(20_000)]) } }
		const update = craftUpdate({
			clients: [{ client: 1, clock: 0, structs: [{ parent: { root: 'records' }, parentSub: 'shape:deep', content: deep }] }],
		})
		expect(shapeErrorOf(update).setting).toBe('MAX_NESTING_DEPTH')
	})

	it.each([
		['JSON', { json: ['['.repeat(20_000) + ']'.repeat(20_000)] }],
		['an embed', { embed: '{"a":'.repeat(20_000) + '0' + '}'.repeat(20_000) }],
	] as const)('MAX_NESTING_DEPTH: %s text nested 20,000 levels deep', (_, content) => {
		const update = craftUpdate({ clients: [{ client: 1, clock: 0, structs: [{ parent: { root: 'text' }, content }] }] })
		expect(shapeErrorOf(update).setting).toBe('MAX_NESTING_DEPTH')
	})

	it('MAX_KEY_LENGTH: a 1,000-character map key, or root type name', () => {
		expect(shapeErrorOf(setUpdate('k'.repeat(1000), 1)).setting).toBe('MAX_KEY_LENGTH')
		expect(shapeErrorOf(setUpdate('shape:a', 1, 'r'.repeat(1000))).setting).toBe('MAX_KEY_LENGTH')
		expect(() => scanUpdate(setUpdate('k'.repeat(SHAPE_LIMITS.maxKeyLength), 1), SHAPE_LIMITS)).not.toThrow()
	})

	it('MAX_KEY_LENGTH counts characters, not bytes', () => {
		expect(() => scanUpdate(setUpdate('€'.repeat(SHAPE_LIMITS.maxKeyLength), 1), SHAPE_LIMITS)).not.toThrow()
		expect(shapeErrorOf(setUpdate('€'.repeat(SHAPE_LIMITS.maxKeyLength + 1), 1)).setting).toBe('MAX_KEY_LENGTH')
	})

	it('MAX_VALUE_BYTES: a 2 MiB value as a map value, text, binary, or spread over one object', () => {
		const big = 'x'.repeat(2 * MiB)
		const doc = new Y.Doc()
		const updates = [
			setUpdate('shape:a', big),
			updateOf(doc, () => doc.getText('text').insert(0, big)),
			setUpdate('shape:a', new Uint8Array(2 * MiB)),
			setUpdate('shape:a', Object.fromEntries(Array.from({ length: 2048 }, (_, index) => [`k${index}`, 'y'.repeat(1024)]))),
		]
		for (const update of updates) expect(shapeErrorOf(update).setting).toBe('MAX_VALUE_BYTES')
		expect(() => scanUpdate(setUpdate('shape:a', 'x'.repeat(MiB - 100)), SHAPE_LIMITS)).not.toThrow()
	})

	it('MAX_UPDATE_ENTRIES: 300,000 map entries, refused from the first bytes of the update', () => {
		const doc = new Y.Doc()
		const map = doc.getMap<number>('flood')
		const update = updateOf(doc, () => {
			for (let index = 0; index < 300_000; index++) map.set(`k${index}`, index)
		})
		expect(shapeErrorOf(update).setting).toBe('MAX_UPDATE_ENTRIES')
		expect(shapeErrorOf(update, { ...SHAPE_LIMITS, maxUpdateEntries: 50 }).setting).toBe('MAX_UPDATE_ENTRIES')
		// A prefix would be refused as truncated had the scanner read on to where it ends.
		expect(shapeErrorOf(update.subarray(0, 64)).setting).toBe('MAX_UPDATE_ENTRIES')
	})

	it('MAX_UPDATE_ENTRIES: 300,000 entries spread over many clients are refused once the count passes the limit', () => {
		const structs: CraftedStruct[] = Array.from({ length: 100 }, () => ({ parent: { root: 'flood' }, content: { any: [1] } }))
		const update = craftUpdate({ clients: Array.from({ length: 3000 }, (_, index) => ({ client: index + 1, clock: 0, structs })) })
		expect(shapeErrorOf(update).setting).toBe('MAX_UPDATE_ENTRIES')
		const beyondTheLimit = Math.ceil(((SHAPE_LIMITS.maxUpdateEntries + 100) / 300_000) * update.length)
		expect(shapeErrorOf(update.subarray(0, beyondTheLimit)).setting).toBe('MAX_UPDATE_ENTRIES')
	})

	it('MAX_UPDATE_ENTRIES counts each value of a list push and each deleted range', () => {
		const doc = new Y.Doc()
		const list = doc.getArray<number>('list')
		const push = updateOf(doc, () => list.push(Array.from({ length: 30_000 }, (_, index) => index)))
		const generous = scanUpdate(push, { ...SHAPE_LIMITS, maxUpdateEntries: 100_000 })
		expect(generous.clients[0]!.structs).toHaveLength(1)
		expect(generous.entries).toBe(30_000)
		expect(shapeErrorOf(push).setting).toBe('MAX_UPDATE_ENTRIES')
		const ranges = Array.from({ length: 30_000 }, (_, index) => ({ client: 1, clock: index * 2, length: 1 }))
		const deletes = craftUpdate({ clients: [], deletes: ranges })
		expect(shapeErrorOf(deletes).setting).toBe('MAX_UPDATE_ENTRIES')
	})
})

describe('scanUpdate refuses malformed updates', () => {
	const small = (() => {
		const doc = new Y.Doc()
		doc.clientID = 300
		writeRecordChanges(doc, { put: [noteRecord({ id: 'shape:a', x: 1, y: 2 })], removed: [] }, 'local')
		doc.getArray('list').push([1.5, -7, 2 ** 40, true, null, { missing: undefined }, new Uint8Array([1])])
		doc.getText('text').insert(0, 'ab€😀')
		doc.getArray('list').delete(1, 2)
		return Y.encodeStateAsUpdate(doc)
	})()

	it('truncated at every byte offset: always an UpdateShapeError for malformed structure, never accepted', () => {
		expect(scanUpdate(small, SHAPE_LIMITS).deletes.length).toBeGreaterThan(0)
		for (let length = 0; length < small.length; length++) {
			const error = shapeErrorOf(small.slice(0, length))
			expect(error.setting).toBeNull()
		}
	})

	it('with bytes after its end', () => {
		const padded = new Uint8Array([...small, 0])
		expect(shapeErrorOf(padded).message).toMatch(/bytes after its end/)
	})

	it('listing one client twice', () => {
		const block = { client: 5, clock: 0, structs: [{ parent: { root: 'records' }, parentSub: 'a', content: { any: [1] } }] }
		expect(shapeErrorOf(craftUpdate({ clients: [block, { ...block, clock: 1 }] })).message).toMatch(/lists client 5 twice/)
	})

	it('holding a subdocument', () => {
		expect(shapeErrorOf(setUpdate('embedded', new Y.Doc())).message).toMatch(/subdocument/)
	})

	it.each([
		['an unknown content type', { raw: { ref: 11, bytes: new Uint8Array([0]) } }, /unknown content type 11/],
		['an unknown shared type', { raw: { ref: 7, bytes: new Uint8Array([9]) } }, /unknown shared type 9/],
		['a value of an unknown type', { raw: { ref: 8, bytes: new Uint8Array([1, 100]) } }, /unknown type 100/],
		['an item without content', { string: '' }, /without content/],
		['text that is not UTF-8', { raw: { ref: 4, bytes: new Uint8Array([2, 0x61, 0xff]) } }, /not valid UTF-8/],
		['a value string that is not UTF-8', { raw: { ref: 8, bytes: new Uint8Array([1, 119, 2, 0xc3, 0x28]) } }, /not valid UTF-8/],
		['JSON that does not parse', { json: ['{"a":'] }, /does not parse/],
	] as const)('holding %s', (_, content, message) => {
		const update = craftUpdate({ clients: [{ client: 5, clock: 0, structs: [{ parent: { root: 'text' }, content }] }] })
		const error = shapeErrorOf(update)
		expect(error.message).toMatch(message)
		expect(error.setting).toBeNull()
	})

	it('holding a struct whose clocks run past the largest safe integer', () => {
		const update = craftUpdate({ clients: [{ client: 5, clock: Number.MAX_SAFE_INTEGER - 1, structs: [{ gc: 5 }] }] })
		expect(shapeErrorOf(update).message).toMatch(/overflows/)
	})

	it('text beginning with a byte order mark keeps it, as Yjs does, so clocks agree', () => {
		const doc = new Y.Doc()
		expectSameViewAsYjs(updateOf(doc, () => doc.getText('text').insert(0, '\uFEFFab')))
	})

	// lib0's readVarInt throws "Integer out of Range" past 2^53, so Y.applyUpdate would throw on
	// an update that passed. Honest encoders write integers beyond 2^31 as floats, so a varInt
	// never needs more than 5 bytes.
	it('holding an integer too long for Yjs to read is refused', () => {
		const tooLong = new Uint8Array([1, 125, ...new Array<number>(12).fill(0xff), 0x01])
		const content = { raw: { ref: 8, bytes: tooLong } }
		const update = craftUpdate({ clients: [{ client: 5, clock: 0, structs: [{ parent: { root: 'records' }, parentSub: 'a', content }] }] })
		expect(() => Y.applyUpdate(new Y.Doc(), update)).toThrow(/Integer out of Range/)
		expect(shapeErrorOf(update).setting).toBeNull()
	})
})
