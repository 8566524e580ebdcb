import * as Y from 'yjs'

/** A doc writing under a fixed client id, so tests can name its clocks. */
export function docWithId(clientID: number): Y.Doc {
	const doc = new Y.Doc()
	doc.clientID = clientID
	return doc
}

/** Each update `doc` emits while `edit` runs. */
export function updatesOf(doc: Y.Doc, edit: () => void): Uint8Array[] {
	const updates: Uint8Array[] = []
	const record = (update: Uint8Array) => updates.push(update)
	doc.on('update', record)
	edit()
	doc.off('update', record)
	return updates
}
