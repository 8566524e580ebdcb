import type { Editor, TLShapeId } from 'tldraw'
import { isOwnNote } from '../../shared/model/noteAuthorship'
import { translate, $locale } from '../i18n/locale'
import { $participant } from '../participant/participant'

/** Deleting more of other people's notes than this at once asks first (a Ctrl+A, Delete by mistake). */
export const OTHERS_NOTES_WITHOUT_ASKING = 10

/** How many notes of other people deleting the selection would remove, groups and frames included. */
export function othersNotesInSelection(editor: Editor): number {
	const participant = $participant.get()
	const me = { userId: editor.user.getId(), name: participant?.name ?? null, department: participant?.department ?? null }
	const ids = new Set<TLShapeId>()
	for (const id of editor.getSelectedShapeIds()) for (const each of editor.getShapeAndDescendantIds([id])) ids.add(each)
	let count = 0
	for (const id of ids) {
		const shape = editor.getShape(id)
		if (shape?.type === 'note' && !isOwnNote(shape.meta, me)) count++
	}
	return count
}

/** Whether the deletion may go ahead: small ones do; a large one of others' notes only if the person confirms. */
export function confirmDeletion(editor: Editor): boolean {
	const count = othersNotesInSelection(editor)
	if (count <= OTHERS_NOTES_WITHOUT_ASKING) return true
	return window.confirm(translate($locale.get(), 'board.confirmDeleteOthers', { count }))
}
