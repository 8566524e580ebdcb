import type { Editor, TLNoteShape, TLShape } from 'tldraw'
import { departmentColour } from '../../shared/model/departments'
import { readNoteAuthorship, type NoteMeta } from '../../shared/model/noteAuthorship'
import { privacyMeta } from './privateMode'
import type { BoardSession } from '../session/BoardSession'
import { MODEL_ZONE_TYPES } from '../../shared/model/zoneRecords'

/**
 * The board's house rules, enforced where tldraw applies every local change:
 * - every note this person creates, by "+" or with tldraw's own note tool, carries its author,
 *   department and creation time, and the department's colour; during a private round also the
 *   round, which keeps it in this person's private notes until it is revealed; a copy of someone
 *   else's note is this person's (the relay takes new notes only under their writer's own id);
 * - the model's zones cannot be moved, resized, unlocked or deleted from this browser;
 * - a note keeps its department's colour: the colour says who wrote it.
 * Remote changes (source "remote") pass untouched: each person's own browser applied the rules.
 */
export function registerBoardRules(editor: Editor, session: BoardSession): () => void {
	const stopStamping = editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
		if (source !== 'user' || shape.type !== 'note') return shape
		return stampAuthorship(editor, session, shape as TLNoteShape)
	})
	const stopDeleting = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
		if (source === 'user' && isModelShape(shape)) return false
	})
	const stopChanging = editor.sideEffects.registerBeforeChangeHandler('shape', (previous, next, source) => {
		if (source !== 'user') return next
		if (isModelShape(previous)) return previous
		return keepDepartmentColour(previous, next)
	})
	return () => {
		stopStamping()
		stopDeleting()
		stopChanging()
	}
}

export const isModelShape = (shape: TLShape) => MODEL_ZONE_TYPES.has(shape.type)

function keepDepartmentColour(previous: TLShape, next: TLShape): TLShape {
	if (next.type !== 'note' || previous.type !== 'note') return next
	const [before, after] = [previous as TLNoteShape, next as TLNoteShape]
	if (after.props.color === before.props.color || !readNoteAuthorship(after.meta).department) return next
	return { ...after, props: { ...after.props, color: before.props.color } }
}

function stampAuthorship(editor: Editor, session: BoardSession, note: TLNoteShape): TLNoteShape {
	const participant = session.me.get()
	const ownStamp = readNoteAuthorship(note.meta).department && (note.meta as Partial<NoteMeta>).authorId === editor.user.getId()
	if (!participant || ownStamp) return note
	const meta: NoteMeta = {
		authorName: participant.name,
		department: participant.department,
		createdAt: new Date().toISOString(),
		...privacyMeta(session, editor),
	}
	const colour = departmentColour(session.settings.get().departments, participant.department)
	return { ...note, meta: { ...note.meta, ...meta }, props: { ...note.props, color: colour } }
}
