import { useValue, type Editor } from 'tldraw'

/**
 * Below this zoom the board is seen whole (the whole model is about 29% at 1080p): the zones show
 * their titles large and leave out the questions, and notes show their first words large. From
 * here up the questions, 27 page units high, are at least 12 pixels on screen.
 */
export const OVERVIEW_ZOOM = 0.45

/** Whether the camera is at overview zoom; changes only when the threshold is crossed. */
export function useOverviewZoom(editor: Editor | null): boolean {
	return useValue('overview zoom', () => editor !== null && editor.getZoomLevel() < OVERVIEW_ZOOM, [editor])
}
