import type { Editor } from 'tldraw'
import { EDITING_FIELD } from '../../sync/presence'

/**
 * Who else is typing in which shape right now, from their presence: shape id -> their names.
 * A presence comes from another browser, so the field is read only when it is a string.
 */
export function othersEditing(editor: Editor): Map<string, string[]> {
	const editing = new Map<string, string[]>()
	for (const presence of editor.getCollaboratorsOnCurrentPage()) {
		const shapeId = (presence.meta as Record<string, unknown>)[EDITING_FIELD]
		if (typeof shapeId !== 'string') continue
		editing.set(shapeId, [...(editing.get(shapeId) ?? []), presence.userName || '?'])
	}
	return editing
}
