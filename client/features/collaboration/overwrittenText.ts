import type { Atom, Editor, TLNoteShape, TLRichText } from 'tldraw'
import { jsonEqual } from '../../../shared/jsonEqual'
import type { OverwrittenText } from '../../session/BoardSession'
import { othersEditing } from './noteEditors'

/** How long after my last keystroke in a note someone else's change still counts as overwriting my text. */
const RECENT_EDIT_MS = 60_000

/**
 * Two people typing in one note: the last writer wins, and without this the other's text is simply
 * gone. A change from another browser that replaces the text I left in a note I am editing, or
 * edited in the last minute, keeps my text.
 */
export function keepOverwrittenTexts(editor: Editor, overwrites: Atom<OverwrittenText[]>): () => void {
	// Per note, the text my last keystroke left and when: only that text counts as mine.
	const myLastText = new Map<string, { text: TLRichText; at: number }>()
	return editor.store.listen(
		({ changes, source }) => {
			for (const [before, after] of Object.values(changes.updated)) {
				if (before.typeName !== 'shape' || before.type !== 'note' || after.typeName !== 'shape') continue
				const [from, to] = [before as TLNoteShape, after as TLNoteShape]
				if (jsonEqual(from.props.richText, to.props.richText)) continue
				if (source === 'user') {
					myLastText.set(from.id, { text: to.props.richText, at: Date.now() })
					continue
				}
				// Their every keystroke arrives as a change: only the first replaced my text, the rest replace theirs.
				const mine = myLastText.get(from.id)
				if (!mine || !jsonEqual(mine.text, from.props.richText)) continue
				if (editor.getEditingShapeId() !== from.id && Date.now() - mine.at > RECENT_EDIT_MS) continue
				const overwrite: OverwrittenText = { noteId: from.id, mine: mine.text, by: othersEditing(editor).get(from.id) ?? [] }
				overwrites.update((list) => [...list.filter((entry) => entry.noteId !== from.id), overwrite])
			}
		},
		{ scope: 'document' },
	)
}

/** Puts my text back (an ordinary edit, so it reaches everyone); a deleted note is gone for all, so there is nothing to put back. */
export function restoreMyText(editor: Editor, overwrites: Atom<OverwrittenText[]>, overwrite: OverwrittenText): void {
	if (editor.getShape(overwrite.noteId)) editor.updateShape<TLNoteShape>({ id: overwrite.noteId, type: 'note', props: { richText: overwrite.mine } })
	dismissOverwrite(overwrites, overwrite)
}

export function dismissOverwrite(overwrites: Atom<OverwrittenText[]>, overwrite: OverwrittenText): void {
	overwrites.update((list) => list.filter((entry) => entry !== overwrite))
}
