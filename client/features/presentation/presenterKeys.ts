import type { Editor } from 'tldraw'

export type PresenterKeyAction = 'next' | 'previous' | 'leave'

const NEXT_KEYS = ['ArrowRight', 'ArrowDown', 'PageDown', ' ']
const PREVIOUS_KEYS = ['ArrowLeft', 'ArrowUp', 'PageUp']

/**
 * What a key does in presenter mode: the facilitator steps with the arrow keys (and a clicker's
 * Page Up/Down), a follower leaves with Escape. Keys meant for something else pass: typing in a
 * field or a note, keys in a dialog (its Escape closes it), arrows that move a selection,
 * shortcuts with a modifier.
 */
export function presenterKeyAction(event: KeyboardEvent, editor: Editor, isFacilitator: boolean): PresenterKeyAction | null {
	if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || isTypingOrInDialog(event.target)) return null
	if (editor.getEditingShapeId() !== null || editor.getSelectedShapeIds().length > 0) return null
	if (!isFacilitator) return event.key === 'Escape' ? 'leave' : null
	if (NEXT_KEYS.includes(event.key)) return 'next'
	if (PREVIOUS_KEYS.includes(event.key)) return 'previous'
	return null
}

function isTypingOrInDialog(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false
	return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('[aria-modal="true"]') !== null
}
