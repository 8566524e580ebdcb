import { react, type Editor } from 'tldraw'

/**
 * tldraw calls the camera idle 64 ms after its last move: a slow frame in a long pan would flip
 * it back and forth, and each flip makes the browser paint every shape again.
 */
const REST_MS = 400

/**
 * Says on tldraw's container whether the camera is moving (`data-camera`: moving, idle), for the
 * stylesheet to keep the shapes as one picture the browser moves (`will-change: transform`) while
 * the camera pans or zooms, instead of painting every note again each frame; measured in
 * `npm run bench:browser`. Only while it moves: a picture kept that way is not redrawn at the new
 * zoom, so text would stay blurred after zooming in; once the camera has rested a moment it is
 * drawn sharp.
 */
export function markCameraMoving(editor: Editor): () => void {
	const container = editor.getContainer()
	let resting: ReturnType<typeof setTimeout> | undefined
	const stop = react('camera moving', () => {
		const state = editor.getCameraState()
		clearTimeout(resting)
		if (state === 'moving') container.dataset.camera = 'moving'
		else resting = setTimeout(() => (container.dataset.camera = 'idle'), REST_MS)
	})
	return () => {
		stop()
		clearTimeout(resting)
	}
}
