import {
	DefaultStylePanel,
	StylePanelArrowheadPicker,
	StylePanelArrowKindPicker,
	StylePanelDashPicker,
	StylePanelFillPicker,
	StylePanelFontPicker,
	StylePanelGeoShapePicker,
	StylePanelLabelAlignPicker,
	StylePanelOpacityPicker,
	StylePanelSection,
	StylePanelSizePicker,
	StylePanelSplinePicker,
	StylePanelTextAlignPicker,
	useEditor,
	useValue,
	type TLUiStylePanelProps,
} from 'tldraw'

const TOOLS_WITHOUT_STYLES = new Set(['select', 'hand', 'zoom', 'laser'])

/**
 * tldraw's style panel, shown only while it has something to style (a selection, or a drawing
 * tool), as in FigJam: otherwise it would sit over the model's stage 2 at common screen sizes.
 * While notes are selected (or the note tool is on) it has no colour picker: a note's colour is
 * its author's department's (boardRules.ts keeps it so).
 */
export function ContextualStylePanel(props: TLUiStylePanelProps) {
	const editor = useEditor()
	const relevant = useValue('style panel relevant', () => editor.getSelectedShapeIds().length > 0 || !TOOLS_WITHOUT_STYLES.has(editor.getCurrentToolId()), [
		editor,
	])
	const notesInvolved = useValue(
		'notes in the style panel',
		() => editor.getCurrentToolId() === 'note' || editor.getSelectedShapes().some((shape) => shape.type === 'note'),
		[editor],
	)
	if (!relevant) return null
	if (!notesInvolved) return <DefaultStylePanel {...props} />
	return (
		<DefaultStylePanel {...props}>
			<StylePanelSection>
				<StylePanelOpacityPicker />
			</StylePanelSection>
			<StylePanelSection>
				<StylePanelFillPicker />
				<StylePanelDashPicker />
				<StylePanelSizePicker />
			</StylePanelSection>
			<StylePanelSection>
				<StylePanelFontPicker />
				<StylePanelTextAlignPicker />
				<StylePanelLabelAlignPicker />
			</StylePanelSection>
			<StylePanelSection>
				<StylePanelGeoShapePicker />
				<StylePanelArrowKindPicker />
				<StylePanelArrowheadPicker />
				<StylePanelSplinePicker />
			</StylePanelSection>
		</DefaultStylePanel>
	)
}
