import type { Editor, TLShape } from 'tldraw'

/** Which shapes this person sees: during a private round, others' new notes stay hidden until revealed. */
export function shapeVisibility(_shape: TLShape, _editor: Editor): 'visible' | 'hidden' | 'inherit' {
	return 'inherit'
}
