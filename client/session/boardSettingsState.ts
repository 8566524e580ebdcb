import { atom } from 'tldraw'
import type * as Y from 'yjs'
import { observeBoardSettings, readBoardSettings, type BoardSettings } from '../../shared/boardSettings'
import { DEFAULT_DEPARTMENTS } from '../../shared/model/departments'

/** The open board's settings, live from its Y.Doc; shapes and panels read them from here. */
export const $boardSettings = atom<BoardSettings>('board settings', {
	title: '',
	departments: [...DEFAULT_DEPARTMENTS],
	promptOverrides: {},
})

export function followBoardSettings(doc: Y.Doc): () => void {
	$boardSettings.set(readBoardSettings(doc))
	return observeBoardSettings(doc, (settings) => $boardSettings.set(settings))
}
