/** Endorsement and vote badges on the notes, drawn in page space on top of the canvas. */
export function SupportCanvasLayer() {
	return null
}
