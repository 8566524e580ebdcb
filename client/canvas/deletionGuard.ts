import type { Editor, TLShapeId } from 'tldraw'
import { isOwnNote } from '../../shared/model/noteAuthorship'
import type { BoardSession } from '../session/BoardSession'

/** Deleting more of other people's notes than this at once asks first (a Ctrl+A, Delete by mistake). */
export const OTHERS_NOTES_WITHOUT_ASKING = 10

/** How many notes of other people deleting the selection would remove, groups and frames included. */
export function othersNotesInSelection(editor: Editor, session: BoardSession): number {
	const participant = session.me.get()
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

/** Runs a small deletion at once; a large one of others' notes waits until the person confirms it. */
export function guardDeletion(editor: Editor, session: BoardSession, proceed: () => void): void {
	const count = othersNotesInSelection(editor, session)
	if (count <= OTHERS_NOTES_WITHOUT_ASKING) return proceed()
	session.pendingDeletion.set({ count, proceed })
}
