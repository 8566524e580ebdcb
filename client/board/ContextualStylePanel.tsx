import { DefaultStylePanel, useEditor, useValue, type TLUiStylePanelProps } from 'tldraw'

const TOOLS_WITHOUT_STYLES = new Set(['select', 'hand', 'zoom', 'laser'])

/**
 * tldraw's style panel, shown only while it has something to style (a selection, or a drawing
 * tool), as in FigJam: otherwise it would sit over the model's stage 2 at common screen sizes.
 */
export function ContextualStylePanel(props: TLUiStylePanelProps) {
	const editor = useEditor()
	const relevant = useValue(
		'style panel relevant',
		() => editor.getSelectedShapeIds().length > 0 || !TOOLS_WITHOUT_STYLES.has(editor.getCurrentToolId()),
		[editor],
	)
	return relevant ? <DefaultStylePanel {...props} /> : null
}
