import { isUtf8 } from 'node:buffer'
import * as decoding from 'lib0/decoding'

/**
 * Reads a Yjs (v1) update's structure in one pass without building it: which clients and clocks
 * it writes, what every item points at, and how big and deep each value is. Nothing is allocated
 * per value, so an update over the limits is refused after reading at most the limit's worth of
 * entries, before Yjs spends time or memory on it. The format follows yjs' UpdateDecoderV1
 * (readClientsStructRefs, readItemContent, readDeleteSet); this reader is stricter than Yjs'
 * (truncation anywhere is an error), never more lenient, so whatever passes here Yjs can read:
 * every string is valid UTF-8 (Yjs decodes them with a fatal decoder) and every JSON text parses.
 */
export type ShapeLimits = {
	/** Shared types nested in each other plus the JSON levels of a value inside them. */
	maxNestingDepth: number
	/** Characters of a map key or root type name; a deleted key keeps its text forever. */
	maxKeyLength: number
	/** Bytes of one value (a JSON value, a string, a binary). */
	maxValueBytes: number
	/** Structs plus delete ranges in one update. */
	maxUpdateEntries: number
}

export type ItemId = { client: number; clock: number }

/** Where an item lives: a root type by name, an item holding a shared type, or its neighbours' parent. */
export type ParentRef = { root: string } | { item: ItemId } | null

export type ScannedStruct =
	| { kind: 'gc' | 'skip'; clock: number; length: number }
	| {
			kind: 'item'
			clock: number
			length: number
			origin: ItemId | null
			rightOrigin: ItemId | null
			parent: ParentRef
			parentSub: string | null
			/** This item holds a shared type (Y.Map, Y.Array, ...). */
			isType: boolean
			/** Its content is only a deletion marker (what Yjs writes for deleted items). */
			isDeletedContent: boolean
			/** JSON levels of its deepest value (0 for scalars and types). */
			valueDepth: number
	  }

export type ClientStructs = { client: number; structs: ScannedStruct[] }
export type DeleteRange = { client: number; clock: number; length: number }

export type ScannedUpdate = { clients: ClientStructs[]; deletes: DeleteRange[]; entries: number }

/** The update breaks a shape rule; `setting` names the limit it went over, if it was one. */
export class UpdateShapeError extends Error {
	constructor(
		message: string,
		readonly setting: string | null = null,
	) {
		super(message)
	}
}

const STRUCT_GC = 0
const STRUCT_SKIP = 10
const CONTENT_DELETED = 1
const CONTENT_JSON = 2
const CONTENT_BINARY = 3
const CONTENT_STRING = 4
const CONTENT_EMBED = 5
const CONTENT_FORMAT = 6
const CONTENT_TYPE = 7
const CONTENT_ANY = 8
const CONTENT_DOC = 9
const TYPE_XML_ELEMENT = 3
const TYPE_XML_HOOK = 5
const LAST_TYPE_REF = 6
const BIT_PARENT_SUB = 0x20
const BIT_RIGHT_ORIGIN = 0x40
const BIT_ORIGIN = 0x80

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

export function scanUpdate(update: Uint8Array, limits: ShapeLimits): ScannedUpdate {
	const reader = new StrictReader(update, limits)
	const clients: ClientStructs[] = []
	const seenClients = new Set<number>()
	const blockCount = reader.varUint()
	for (let block = 0; block < blockCount; block++) {
		const structCount = reader.varUint()
		reader.countEntries(structCount)
		const client = reader.varUint()
		if (seenClients.has(client)) throw new UpdateShapeError(`update lists client ${client} twice`)
		seenClients.add(client)
		let clock = reader.varUint()
		const structs: ScannedStruct[] = []
		for (let index = 0; index < structCount; index++) {
			const struct = readStruct(reader, clock)
			structs.push(struct)
			clock += struct.length
			if (!Number.isSafeInteger(clock)) throw new UpdateShapeError(`client ${client}'s clock overflows`)
		}
		clients.push({ client, structs })
	}
	const deletes = readDeleteSet(reader)
	if (!reader.atEnd()) throw new UpdateShapeError('document update has bytes after its end')
	return { clients, deletes, entries: reader.entries }
}

function readStruct(reader: StrictReader, clock: number): ScannedStruct {
	const info = reader.uint8()
	const contentRef = info & 0x1f
	if (contentRef === STRUCT_GC || contentRef === STRUCT_SKIP) {
		const length = reader.varUint()
		if (length === 0) throw new UpdateShapeError('document update has an empty struct')
		return { kind: contentRef === STRUCT_GC ? 'gc' : 'skip', clock, length }
	}
	const origin = info & BIT_ORIGIN ? reader.itemId() : null
	const rightOrigin = info & BIT_RIGHT_ORIGIN ? reader.itemId() : null
	const ownParentInfo = (info & (BIT_ORIGIN | BIT_RIGHT_ORIGIN)) === 0
	let parent: ParentRef = null
	if (ownParentInfo) parent = reader.varUint() === 1 ? { root: reader.key() } : { item: reader.itemId() }
	const parentSub = ownParentInfo && info & BIT_PARENT_SUB ? reader.key() : null
	const content = readContent(reader, contentRef)
	if (content.length === 0) throw new UpdateShapeError('document update has an item without content')
	return { kind: 'item', clock, origin, rightOrigin, parent, parentSub, isDeletedContent: false, ...content }
}

type ContentFacts = { length: number; isType: boolean; valueDepth: number; isDeletedContent?: boolean }

function readContent(reader: StrictReader, contentRef: number): ContentFacts {
	switch (contentRef) {
		case CONTENT_DELETED:
			return { length: reader.varUint(), isType: false, valueDepth: 0, isDeletedContent: true }
		case CONTENT_JSON: {
			const length = reader.varUint()
			reader.countEntries(length - 1)
			let valueDepth = 0
			for (let index = 0; index < length; index++) {
				const text = reader.valueString()
				valueDepth = Math.max(valueDepth, text === 'undefined' ? 0 : jsonValueDepth(text, reader.limits))
			}
			return { length, isType: false, valueDepth }
		}
		case CONTENT_BINARY:
			reader.valueBytes()
			return { length: 1, isType: false, valueDepth: 0 }
		case CONTENT_STRING:
			return { length: reader.valueString().length, isType: false, valueDepth: 0 }
		case CONTENT_EMBED:
			return { length: 1, isType: false, valueDepth: jsonValueDepth(reader.valueString(), reader.limits) }
		case CONTENT_FORMAT:
			reader.key()
			return { length: 1, isType: false, valueDepth: jsonValueDepth(reader.valueString(), reader.limits) }
		case CONTENT_TYPE: {
			const typeRef = reader.varUint()
			if (typeRef > LAST_TYPE_REF) throw new UpdateShapeError(`document update has an unknown shared type ${typeRef}`)
			if (typeRef === TYPE_XML_ELEMENT || typeRef === TYPE_XML_HOOK) reader.key()
			return { length: 1, isType: true, valueDepth: 0 }
		}
		case CONTENT_ANY: {
			const length = reader.varUint()
			reader.countEntries(length - 1)
			let valueDepth = 0
			for (let index = 0; index < length; index++) valueDepth = Math.max(valueDepth, reader.anyValue())
			return { length, isType: false, valueDepth }
		}
		case CONTENT_DOC:
			throw new UpdateShapeError('document update holds a subdocument, which boards do not use')
		default:
			throw new UpdateShapeError(`document update has an unknown content type ${contentRef}`)
	}
}

function readDeleteSet(reader: StrictReader): DeleteRange[] {
	const deletes: DeleteRange[] = []
	const clientCount = reader.varUint()
	for (let index = 0; index < clientCount; index++) {
		const client = reader.varUint()
		const rangeCount = reader.varUint()
		reader.countEntries(rangeCount)
		for (let range = 0; range < rangeCount; range++) {
			const clock = reader.varUint()
			const length = reader.varUint()
			if (!Number.isSafeInteger(clock + length)) throw new UpdateShapeError(`a deletion of client ${client} overflows`)
			// Yjs never writes one, and files it as waiting for changes it will never get.
			if (length === 0) throw new UpdateShapeError(`update has an empty deletion of client ${client}`)
			deletes.push({ client, clock, length })
		}
	}
	return deletes
}

/** The nesting of a JSON text, checked against the limit before it is parsed (as Yjs will parse it). */
function jsonValueDepth(text: string, limits: ShapeLimits): number {
	const depth = jsonTextDepth(text)
	if (depth > limits.maxNestingDepth) {
		throw new UpdateShapeError(`a value nested deeper than ${limits.maxNestingDepth} levels exceeds MAX_NESTING_DEPTH`, 'MAX_NESTING_DEPTH')
	}
	try {
		JSON.parse(text)
	} catch {
		throw new UpdateShapeError('document update holds a JSON value that does not parse')
	}
	return depth
}

/** Nesting of a JSON text, by its brackets outside strings: no parse, no recursion. */
function jsonTextDepth(text: string): number {
	let depth = 0
	let deepest = 0
	let inString = false
	for (let index = 0; index < text.length; index++) {
		const char = text.charCodeAt(index)
		if (inString) {
			if (char === 0x5c) index++
			else if (char === 0x22) inString = false
		} else if (char === 0x22) inString = true
		else if (char === 0x7b || char === 0x5b) deepest = Math.max(deepest, ++depth)
		else if (char === 0x7d || char === 0x5d) depth--
	}
	return deepest
}

const ANY_UNDEFINED = 127
const ANY_INTEGER = 125
const ANY_FLOAT32 = 124
const ANY_FLOAT64 = 123
const ANY_BIGINT = 122
const ANY_STRING = 119
const ANY_OBJECT = 118
const ANY_ARRAY = 117
const ANY_BYTES = 116

class StrictReader {
	entries = 0
	private readonly decoder: decoding.Decoder

	constructor(
		private readonly bytes: Uint8Array,
		readonly limits: ShapeLimits,
	) {
		this.decoder = decoding.createDecoder(bytes)
	}

	atEnd(): boolean {
		return this.decoder.pos === this.bytes.length
	}

	countEntries(count: number) {
		this.entries += Math.max(0, count)
		if (this.entries > this.limits.maxUpdateEntries) {
			throw new UpdateShapeError(
				`document update has more than ${this.limits.maxUpdateEntries} entries (MAX_UPDATE_ENTRIES); make the change in smaller steps`,
				'MAX_UPDATE_ENTRIES',
			)
		}
	}

	uint8(): number {
		this.need(1)
		return decoding.readUint8(this.decoder)
	}

	varUint(): number {
		try {
			return decoding.readVarUint(this.decoder)
		} catch {
			throw new UpdateShapeError('document update is truncated or holds a number out of range')
		}
	}

	itemId(): ItemId {
		return { client: this.varUint(), clock: this.varUint() }
	}

	key(): string {
		const length = this.varUint()
		// A UTF-16 unit takes at most 3 bytes of UTF-8, so a longer byte count is too long a key.
		const key = length > this.limits.maxKeyLength * 3 ? null : this.decode(this.take(length))
		if (key === null || key.length > this.limits.maxKeyLength) {
			throw new UpdateShapeError(
				`a map key of ${key?.length ?? `${length} bytes, more than ${this.limits.maxKeyLength}`} characters exceeds MAX_KEY_LENGTH (${this.limits.maxKeyLength})`,
				'MAX_KEY_LENGTH',
			)
		}
		return key
	}

	valueString(): string {
		return this.decode(this.valueBytes())
	}

	valueBytes(): Uint8Array {
		const length = this.varUint()
		this.checkValueBytes(length)
		return this.take(length)
	}

	/**
	 * Skips one lib0 `any` value (ContentAny's encoding) and returns its JSON depth, iteratively:
	 * a value nested 100,000 levels deep costs a counter, not a stack frame per level.
	 */
	anyValue(): number {
		const start = this.decoder.pos
		let depth = 0
		let deepest = 0
		/** Per open container: values still to read, and whether each is preceded by a key. */
		const open: { remaining: number; keyed: boolean }[] = []
		let remaining = 1
		let keyed = false
		for (;;) {
			while (remaining === 0) {
				const parent = open.pop()
				if (!parent) {
					this.checkValueBytes(this.decoder.pos - start)
					return deepest
				}
				depth--
				remaining = parent.remaining
				keyed = parent.keyed
			}
			remaining--
			if (keyed) this.skipString()
			const type = this.uint8()
			if (type === ANY_OBJECT || type === ANY_ARRAY) {
				const count = this.varUint()
				open.push({ remaining, keyed })
				remaining = count
				keyed = type === ANY_OBJECT
				depth++
				deepest = Math.max(deepest, depth)
				if (deepest > this.limits.maxNestingDepth) {
					throw new UpdateShapeError(
						`a value nested deeper than ${this.limits.maxNestingDepth} levels exceeds MAX_NESTING_DEPTH`,
						'MAX_NESTING_DEPTH',
					)
				}
			} else this.skipScalar(type)
			if (this.decoder.pos - start > this.limits.maxValueBytes) this.checkValueBytes(this.decoder.pos - start)
		}
	}

	private skipScalar(type: number) {
		if (type >= ANY_UNDEFINED - 1 && type <= ANY_UNDEFINED) return
		if (type === ANY_INTEGER) return this.skipVarInt()
		if (type === ANY_FLOAT32) return this.skip(4)
		if (type === ANY_FLOAT64 || type === ANY_BIGINT) return this.skip(8)
		if (type === 121 || type === 120) return
		if (type === ANY_STRING) return this.skipString()
		if (type === ANY_BYTES) return this.skip(this.varUint())
		throw new UpdateShapeError(`document update holds a value of unknown type ${type}`)
	}

	private decode(bytes: Uint8Array): string {
		try {
			return utf8.decode(bytes)
		} catch {
			throw new UpdateShapeError('document update holds text that is not valid UTF-8')
		}
	}

	/** Skips a string, which must be valid UTF-8: Yjs decodes every one with a fatal decoder. */
	private skipString() {
		const length = this.varUint()
		if (!isUtf8(this.take(length))) throw new UpdateShapeError('document update holds text that is not valid UTF-8')
	}

	/**
	 * lib0's varInt: 6 bits in the first byte, 7 in each following, the high bit continues. Read as
	 * lib0 reads it, which refuses a number past 2^53 (an honest one takes at most 5 bytes).
	 */
	private skipVarInt() {
		let byte = this.uint8()
		let value = byte & 0x3f
		let factor = 64
		while (byte & 0x80) {
			byte = this.uint8()
			value += (byte & 0x7f) * factor
			factor *= 128
			if (byte & 0x80 && value > Number.MAX_SAFE_INTEGER) throw new UpdateShapeError('document update holds a number out of range')
		}
	}

	private checkValueBytes(length: number) {
		if (length > this.limits.maxValueBytes) {
			throw new UpdateShapeError(`a value of ${length} bytes exceeds MAX_VALUE_BYTES (${this.limits.maxValueBytes})`, 'MAX_VALUE_BYTES')
		}
	}

	private skip(length: number) {
		this.need(length)
		this.decoder.pos += length
	}

	/** The next `length` bytes, or an error if the update ends first. */
	private take(length: number): Uint8Array {
		this.need(length)
		const start = this.decoder.pos
		this.decoder.pos += length
		return this.bytes.subarray(start, start + length)
	}

	private need(length: number) {
		if (this.decoder.pos + length > this.bytes.length) throw new UpdateShapeError('document update is truncated')
	}
}
