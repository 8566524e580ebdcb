import type { Editor } from 'tldraw'

/** The draagvlak view and the voting results, over the board. */
export function SupportLayer(_props: { editor: Editor }) {
	return null
}
