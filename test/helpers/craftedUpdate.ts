import * as encoding from 'lib0/encoding'

/**
 * Yjs v1 updates written struct by struct, for shapes no Y.Doc produces: cycles, references to
 * later items, known structs with other references, bytes that are not UTF-8. The layout is
 * yjs' UpdateEncoderV1 (writeStructs, Item.write, writeDeleteSet).
 */

export type Id = { client: number; clock: number }

export type CraftedContent =
	| { any: readonly encoding.AnyEncodable[] }
	| { string: string }
	| { deleted: number }
	| { type: 'array' | 'map' | 'text' }
	| { json: readonly string[] }
	| { embed: string }
	| { format: { key: string; json: string } }
	| { binary: Uint8Array }
	| { doc: string }
	/** A content ref and its bytes as they are, for encodings lib0 would never write. */
	| { raw: { ref: number; bytes: Uint8Array } }

export type CraftedItem = {
	origin?: Id
	rightOrigin?: Id
	/** Written only when there is no origin, as Yjs does: otherwise the parent is the neighbour's. */
	parent?: { root: string } | { item: Id }
	parentSub?: string
	content: CraftedContent
}

export type CraftedStruct = { gc: number } | { skip: number } | CraftedItem

export type CraftedUpdate = {
	clients: { client: number; clock: number; structs: CraftedStruct[] }[]
	deletes?: { client: number; clock: number; length: number }[]
}

const TYPE_REFS = { array: 0, map: 1, text: 2 } as const

export function craftUpdate({ clients, deletes = [] }: CraftedUpdate): Uint8Array {
	const encoder = encoding.createEncoder()
	encoding.writeVarUint(encoder, clients.length)
	for (const { client, clock, structs } of clients) {
		encoding.writeVarUint(encoder, structs.length)
		encoding.writeVarUint(encoder, client)
		encoding.writeVarUint(encoder, clock)
		for (const struct of structs) writeStruct(encoder, struct)
	}
	const byClient = new Map<number, { clock: number; length: number }[]>()
	for (const { client, clock, length } of deletes) {
		let ranges = byClient.get(client)
		if (!ranges) byClient.set(client, (ranges = []))
		ranges.push({ clock, length })
	}
	encoding.writeVarUint(encoder, byClient.size)
	for (const [client, ranges] of byClient) {
		encoding.writeVarUint(encoder, client)
		encoding.writeVarUint(encoder, ranges.length)
		for (const { clock, length } of ranges) {
			encoding.writeVarUint(encoder, clock)
			encoding.writeVarUint(encoder, length)
		}
	}
	return encoding.toUint8Array(encoder)
}

/** lib0 `any` bytes of arrays nested `depth` deep around a 0, written without recursion. */
export function nestedArrayBytes(depth: number): Uint8Array {
	const encoder = encoding.createEncoder()
	for (let level = 0; level < depth; level++) {
		encoding.writeUint8(encoder, 117)
		encoding.writeVarUint(encoder, 1)
	}
	encoding.writeAny(encoder, 0)
	return encoding.toUint8Array(encoder)
}

function writeStruct(encoder: encoding.Encoder, struct: CraftedStruct) {
	if ('gc' in struct) {
		encoding.writeUint8(encoder, 0)
		encoding.writeVarUint(encoder, struct.gc)
		return
	}
	if ('skip' in struct) {
		encoding.writeUint8(encoder, 10)
		encoding.writeVarUint(encoder, struct.skip)
		return
	}
	const { origin, rightOrigin, parent, parentSub, content } = struct
	const ownParentInfo = !origin && !rightOrigin
	if (ownParentInfo !== (parent !== undefined)) throw new Error('a crafted item needs a parent exactly when it has no origin')
	const info = contentRefOf(content) | (origin ? 0x80 : 0) | (rightOrigin ? 0x40 : 0) | (ownParentInfo && parentSub !== undefined ? 0x20 : 0)
	encoding.writeUint8(encoder, info)
	if (origin) writeId(encoder, origin)
	if (rightOrigin) writeId(encoder, rightOrigin)
	if (parent && 'root' in parent) {
		encoding.writeVarUint(encoder, 1)
		encoding.writeVarString(encoder, parent.root)
	} else if (parent) {
		encoding.writeVarUint(encoder, 0)
		writeId(encoder, parent.item)
	}
	if (ownParentInfo && parentSub !== undefined) encoding.writeVarString(encoder, parentSub)
	writeContent(encoder, content)
}

function contentRefOf(content: CraftedContent): number {
	if ('deleted' in content) return 1
	if ('json' in content) return 2
	if ('binary' in content) return 3
	if ('string' in content) return 4
	if ('embed' in content) return 5
	if ('format' in content) return 6
	if ('type' in content) return 7
	if ('any' in content) return 8
	if ('doc' in content) return 9
	return content.raw.ref
}

function writeContent(encoder: encoding.Encoder, content: CraftedContent) {
	if ('deleted' in content) encoding.writeVarUint(encoder, content.deleted)
	else if ('json' in content) {
		encoding.writeVarUint(encoder, content.json.length)
		for (const text of content.json) encoding.writeVarString(encoder, text)
	} else if ('binary' in content) encoding.writeVarUint8Array(encoder, content.binary)
	else if ('string' in content) encoding.writeVarString(encoder, content.string)
	else if ('embed' in content) encoding.writeVarString(encoder, content.embed)
	else if ('format' in content) {
		encoding.writeVarString(encoder, content.format.key)
		encoding.writeVarString(encoder, content.format.json)
	} else if ('type' in content) encoding.writeVarUint(encoder, TYPE_REFS[content.type])
	else if ('any' in content) {
		encoding.writeVarUint(encoder, content.any.length)
		for (const value of content.any) encoding.writeAny(encoder, value)
	} else if ('doc' in content) {
		encoding.writeVarString(encoder, content.doc)
		encoding.writeAny(encoder, {})
	} else encoding.writeUint8Array(encoder, content.raw.bytes)
}

function writeId(encoder: encoding.Encoder, { client, clock }: Id) {
	encoding.writeVarUint(encoder, client)
	encoding.writeVarUint(encoder, clock)
}
