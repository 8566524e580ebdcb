import * as Y from 'yjs'

/**
 * What an update does to a document, in the terms the board is written in (shared/recordDoc.ts,
 * boardSettings.ts, supportDoc.ts): the key of a root map it sets or deletes, the property of the
 * map such a key holds (a record's `x`, `props`, `meta`), the elements it puts into or takes out of
 * a root sequence (the department list), with the values. `property` is absent for the root key
 * itself.
 */
export type Effect =
	| { kind: 'set'; root: string; key: string; property?: string; value: unknown }
	| { kind: 'delete'; root: string; key: string; property?: string }
	/** `atEnd`: written with nothing right of it, as an append is. */
	| { kind: 'insert'; root: string; values: unknown[]; atEnd: boolean }
	| { kind: 'remove'; root: string; count: number }
	/** Anything further down (a shared type inside a record's property, say): the board keeps nothing there. */
	| { kind: 'deeper'; root: string }

/** A Y.Map the update creates as a value, with what the same update puts in it, in order. */
export class NewMap {
	readonly entries: [string, unknown][] = []
}

/** A value that is no plain JSON: a shared type other than a map, or content the board never writes (text, binary, embed, format, subdocument). */
export class OtherContent {
	constructor(readonly description: string) {}
}

/**
 * Works out the effects of an update that passed checkDependencies, before it is applied: every
 * struct then either is in `doc` or comes earlier in the same update, so each can be placed. Items
 * go where Yjs puts them (Item.getMissing / integrate): in their own parent, else in their left
 * neighbour's parent under its key, else in their right one's, and nowhere next to a collected
 * item or inside a deleted type. Clocks the document has already (a sync reply repeats them) and
 * deletions of what is deleted already do nothing and are left out. A set that may lose against
 * a concurrent one is still counted: the effects say what the update may do, never less.
 */
export function updateEffects(update: Uint8Array, doc: Y.Doc): Effect[] {
	return new EffectReader(update, doc).effects
}

/** Where the items inside a shared type land; null: nowhere (collected, or inside something deleted). */
type Place =
	| { in: 'root'; root: string }
	/** The map a root key holds now (a record). */
	| { in: 'entry'; root: string; key: string }
	/** A map this update creates as a root key's value. */
	| { in: 'new'; root: string; map: NewMap }
	| { in: 'deeper'; root: string }
	| null

/** Where an item lands: the place of its parent type and its key there (null in a sequence). */
type Location = { place: Place; key: string | null }

type Struct = Y.Item | Y.GC | Y.Skip
type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds']

const NOWHERE: Location = { place: null, key: null }
const idKey = ({ client, clock }: { client: number; clock: number }) => `${client}:${clock}`
const DELETED = Symbol('deleted')

class EffectReader {
	readonly effects: Effect[] = []
	private readonly structsOf = new Map<number, Struct[]>()
	private readonly deletes: DeleteSet
	private readonly locations = new Map<Y.Item, Location>()
	private readonly insides = new Map<Y.Item, Place>()
	private readonly roots = new Map<Y.AbstractType<unknown>, Place>()
	private readonly newMaps = new Map<Y.Item, NewMap>()
	/** The origins of this update's items: a map value written over by the same update is no deletion of the key. */
	private readonly overwritten = new Set<string>()

	constructor(
		update: Uint8Array,
		private readonly doc: Y.Doc,
	) {
		const { structs, ds } = Y.decodeUpdate(update)
		for (const [client, ranges] of ds.clients) ds.clients.set(client, sortedAndMerged(ranges))
		this.deletes = ds
		for (const struct of structs) {
			const own = this.structsOf.get(struct.id.client)
			if (own) own.push(struct)
			else this.structsOf.set(struct.id.client, [struct])
		}
		for (const struct of structs) if (struct instanceof Y.Item && struct.origin) this.overwritten.add(idKey(struct.origin))
		for (const struct of structs) if (struct instanceof Y.Item) this.readItem(struct)
		this.readDeletions()
	}

	private readItem(item: Y.Item) {
		const known = Y.getState(this.doc.store, item.id.client)
		if (item.id.clock + item.length <= known) return
		const { place, key } = this.locationOf(item)
		if (place === null) return
		const deleted = item.content instanceof Y.ContentDeleted || (key !== null && Y.isDeleted(this.deletes, item.id))
		if (key !== null && !(deleted && this.isOverwritten(item))) this.mapEntry(place, key, deleted ? DELETED : this.valueOf(item))
		else if (!deleted) this.sequenceElements(place, this.valuesOf(item, Math.max(0, known - item.id.clock)), item.rightOrigin === null)
	}

	private mapEntry(place: NonNullable<Place>, key: string, value: unknown) {
		const { root } = place
		switch (place.in) {
			case 'root':
				this.effects.push(value === DELETED ? { kind: 'delete', root, key } : { kind: 'set', root, key, value })
				return
			case 'entry':
				this.effects.push(
					value === DELETED ? { kind: 'delete', root, key: place.key, property: key } : { kind: 'set', root, key: place.key, property: key, value },
				)
				return
			case 'new':
				if (value !== DELETED) place.map.entries.push([key, value])
				return
			case 'deeper':
				this.effects.push({ kind: 'deeper', root })
		}
	}

	private sequenceElements(place: NonNullable<Place>, values: unknown[], atEnd: boolean) {
		this.effects.push(place.in === 'root' ? { kind: 'insert', root: place.root, values, atEnd } : { kind: 'deeper', root: place.root })
	}

	/** Deletions of items the document has and has not deleted yet; those of this update's own items are read with them. */
	private readDeletions() {
		for (const [client, ranges] of this.deletes.clients) {
			const structs = this.doc.store.clients.get(client)
			if (!structs) continue
			const known = Y.getState(this.doc.store, client)
			for (const { clock, len } of ranges) {
				const end = Math.min(clock + len, known)
				if (clock >= end) continue
				for (let index = Y.findIndexSS(structs, clock); index < structs.length && structs[index]!.id.clock < end; index++) {
					const struct = structs[index]!
					if (struct instanceof Y.Item && !struct.deleted)
						this.deletion(struct, Math.min(end, struct.id.clock + struct.length) - Math.max(clock, struct.id.clock))
				}
			}
		}
	}

	private deletion(item: Y.Item, count: number) {
		if (item.parentSub !== null && this.isOverwritten(item)) return
		const parent = item.parent as Y.AbstractType<unknown>
		const place = this.placeOfType(parent)
		if (place === null) return
		// A record deleted whole takes its properties with it: that is one effect, not one per property.
		if (place.in === 'entry' && Y.isDeleted(this.deletes, parent._item!.id)) return
		if (item.parentSub !== null) this.mapEntry(place, item.parentSub, DELETED)
		else this.effects.push(place.in === 'root' ? { kind: 'remove', root: place.root, count } : { kind: 'deeper', root: place.root })
	}

	/** As Yjs places an item of the update: iteratively along neighbour chains, which can be as long as the update. */
	private locationOf(item: Y.Item): Location {
		const chain = [item]
		let location = this.locations.get(item) ?? this.ownLocation(item)
		while (location === undefined) {
			const neighbour = this.neighbourOf(chain.at(-1)!)
			if (!(neighbour instanceof Y.Item)) location = NOWHERE
			else if (this.isInDocument(neighbour)) location = { place: this.placeOfType(neighbour.parent as Y.AbstractType<unknown>), key: neighbour.parentSub }
			else {
				chain.push(neighbour)
				location = this.locations.get(neighbour) ?? this.ownLocation(neighbour)
			}
		}
		for (const each of chain) this.locations.set(each, location)
		return location
	}

	/** Where an update item names its parent itself; undefined when it inherits its neighbour's. */
	private ownLocation(item: Y.Item): Location | undefined {
		const { parent } = item
		if (typeof parent === 'string') return { place: { in: 'root', root: parent }, key: item.parentSub }
		if (parent instanceof Y.ID) return { place: this.placeInside(this.structAt(parent)), key: item.parentSub }
		return undefined
	}

	/** Yjs takes the left neighbour's parent, else the right one's; next to a collected struct the item is collected. */
	private neighbourOf(item: Y.Item): Struct | null {
		const left = item.origin && this.structAt(item.origin)
		const right = item.rightOrigin && this.structAt(item.rightOrigin)
		if (left instanceof Y.GC || right instanceof Y.GC) return null
		return left ?? right
	}

	/** Where the items inside the type `holder` holds land (depth-bounded by MAX_NESTING_DEPTH). */
	private placeInside(holder: Struct): Place {
		if (!(holder instanceof Y.Item) || !(holder.content instanceof Y.ContentType)) return null
		let place = this.insides.get(holder)
		if (place !== undefined) return place
		const inDocument = this.isInDocument(holder)
		const { place: outer, key } = inDocument
			? { place: holder.deleted ? null : this.placeOfType(holder.parent as Y.AbstractType<unknown>), key: holder.parentSub }
			: this.locationOf(holder)
		if (outer === null) place = null
		else if (outer.in !== 'root' || key === null) place = { in: 'deeper', root: outer.root }
		else if (inDocument) place = { in: 'entry', root: outer.root, key }
		else place = holder.content.type instanceof Y.Map ? { in: 'new', root: outer.root, map: this.newMapOf(holder) } : { in: 'deeper', root: outer.root }
		this.insides.set(holder, place)
		return place
	}

	private placeOfType(type: Y.AbstractType<unknown>): Place {
		if (type._item !== null) return this.placeInside(type._item)
		let place = this.roots.get(type)
		if (place === undefined) this.roots.set(type, (place = { in: 'root', root: Y.findRootTypeKey(type) }))
		return place
	}

	private valueOf(item: Y.Item): unknown {
		const { content } = item
		if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) return content.getContent().at(-1)
		if (content instanceof Y.ContentType && content.type instanceof Y.Map) return this.newMapOf(item)
		return new OtherContent(content instanceof Y.ContentType ? content.type.constructor.name : content.constructor.name)
	}

	private valuesOf(item: Y.Item, offset: number): unknown[] {
		const { content } = item
		if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) return content.getContent().slice(offset)
		return [this.valueOf(item)]
	}

	private newMapOf(item: Y.Item): NewMap {
		let map = this.newMaps.get(item)
		if (!map) this.newMaps.set(item, (map = new NewMap()))
		return map
	}

	/**
	 * An item named as origin by another of the update is followed by it under the same key (an
	 * item with an origin has no parent of its own): its deletion, or Yjs deleting it as the key's
	 * old value, is part of that set, which is judged itself. Origins name an item's last clock.
	 */
	private isOverwritten(item: Y.Item): boolean {
		return this.overwritten.has(idKey({ client: item.id.client, clock: item.id.clock + item.length - 1 }))
	}

	private isInDocument(struct: Struct): boolean {
		return struct.id.clock < Y.getState(this.doc.store, struct.id.client)
	}

	/** The struct holding a clock: the document's if it has the clock, else this update's. */
	private structAt(id: Y.ID): Struct {
		if (id.clock < Y.getState(this.doc.store, id.client)) return Y.getItem(this.doc.store, id) as Struct
		const structs = this.structsOf.get(id.client)!
		return structs[Y.findIndexSS(structs as (Y.Item | Y.GC)[], id.clock)]!
	}
}

/**
 * Y.isDeleted searches each client's ranges by halving, and reading deletions walks the structs
 * of every range: merged, a hostile update's thousands of overlapping ranges cost one walk over
 * what they cover, as an honest update's (sorted and merged by Yjs already) do.
 */
function sortedAndMerged<Range extends { clock: number; len: number }>(ranges: Range[]): Range[] {
	const merged: Range[] = []
	for (const range of [...ranges].sort((a, b) => a.clock - b.clock)) {
		const last = merged.at(-1)
		if (last && range.clock <= last.clock + last.len) last.len = Math.max(last.len, range.clock + range.len - last.clock)
		else merged.push(range)
	}
	return merged
}
