import type { Editor } from 'tldraw'

/** The facilitator's tools and the reactions of everyone's board to them (summon, follow me). */
export function FacilitationLayer(_props: { editor: Editor }) {
	return null
}
