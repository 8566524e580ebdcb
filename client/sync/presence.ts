import {
	InstancePageStateRecordType,
	InstancePresenceRecordType,
	TLINSTANCE_ID,
	createPresenceStateDerivation,
	getDefaultUserPresence,
	type JsonObject,
	react,
	type Signal,
	type TLInstancePresence,
	type TLStore,
	type TLUser,
} from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { isPlainColour } from '../../shared/model/sameOrigin'

const PRESENCE_FIELD = 'presence'
/** In the presence's meta: the shape this person is typing in, so others see "Bram is editing". */
export const EDITING_FIELD = 'editingShapeId'

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

/** The presence record id of an awareness client: one per browser tab, stable for the session. */
export const presenceIdOf = (clientId: number) => InstancePresenceRecordType.createId(String(clientId))

/**
 * Presence through Yjs awareness: our cursor, selection, name and colour go out as one awareness
 * field; every peer's field becomes an `instance_presence` record in the local store, which is
 * what tldraw draws cursors and the people menu from. `$meta` rides along in the presence record's
 * meta (the person's department), with the shape being edited; while it is null we are not present
 * (yet). Returns a function that stops both ways.
 */
export function bindPresence(store: TLStore, awareness: Awareness, $user: Signal<TLUser | null>, $meta: Signal<JsonObject | null>): () => void {
	const $presence = createPresenceStateDerivation($user, {
		instanceId: presenceIdOf(awareness.clientID),
		getUserPresence: (presenceStore, user) => {
			const meta = $meta.get()
			const presence = meta && getDefaultUserPresence(presenceStore, user)
			return presence ? { ...presence, meta: { ...meta, [EDITING_FIELD]: editingShapeIdOf(presenceStore) } } : null
		},
	})(store)

	const stopPublishing = react('publish presence', () => {
		const presence = $presence.get()
		awareness.setLocalStateField(PRESENCE_FIELD, presence)
	})

	const onChange = ({ added, updated, removed }: AwarenessChange) => {
		const states = awareness.getStates()
		const toPut: TLInstancePresence[] = []
		const toRemove = removed.filter((id) => id !== awareness.clientID).map(presenceIdOf)
		for (const clientId of added.concat(updated)) {
			if (clientId === awareness.clientID) continue
			const presence = states.get(clientId)?.[PRESENCE_FIELD]
			if (isPresenceRecord(presence, clientId)) toPut.push(presence)
			else toRemove.push(presenceIdOf(clientId))
		}
		store.mergeRemoteChanges(() => {
			for (const record of toPut) putIfValid(store, record)
			const present = toRemove.filter((id) => store.has(id))
			if (present.length > 0) store.remove(present)
		})
	}
	awareness.on('change', onChange)
	onChange({ added: [...awareness.getStates().keys()], updated: [], removed: [] })

	return () => {
		stopPublishing()
		awareness.off('change', onChange)
		awareness.setLocalState(null)
		store.mergeRemoteChanges(() => {
			const ids = store.query.ids('instance_presence').get()
			if (ids.size > 0) store.remove([...ids])
		})
	}
}

/** A peer's presence, under its own client's id; its colour is drawn as CSS, so only a plain colour will do. */
function isPresenceRecord(value: unknown, clientId: number): value is TLInstancePresence {
	if (typeof value !== 'object' || value === null) return false
	const record = value as { typeName?: unknown; id?: unknown; color?: unknown }
	return record.typeName === 'instance_presence' && record.id === presenceIdOf(clientId) && isPlainColour(record.color)
}

/** A peer running another version could send a presence this schema rejects; skip it, keep the rest. */
function putIfValid(store: TLStore, record: TLInstancePresence) {
	try {
		store.put([record])
	} catch (error) {
		console.warn('ignored a collaborator presence this version cannot read', error)
	}
}

function editingShapeIdOf(store: TLStore): string | null {
	const instance = store.get(TLINSTANCE_ID)
	return (instance && store.get(InstancePageStateRecordType.createId(instance.currentPageId))?.editingShapeId) ?? null
}
