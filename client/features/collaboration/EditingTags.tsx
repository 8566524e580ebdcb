import { useEditor, useValue } from 'tldraw'
import { NOTE_SIZE } from '../../canvas/notesOnPage'
import { useTranslation } from '../../i18n/locale'
import { othersEditing } from './noteEditors'

/** "Bram is editing" on every note someone else is typing in, drawn in page space above the note. */
export function EditingTags() {
	const editor = useEditor()
	const { t } = useTranslation()
	const tags = useValue(
		'editing tags',
		() =>
			[...othersEditing(editor)].flatMap(([shapeId, names]) => {
				const shape = editor.getShape(shapeId as never)
				const bounds = shape && shape.type === 'note' && !editor.isShapeHidden(shape) ? editor.getShapePageBounds(shape) : undefined
				return bounds ? [{ shapeId, names, x: bounds.x, y: bounds.y, scale: bounds.w / NOTE_SIZE }] : []
			}),
		[editor],
	)
	return (
		<div className="editing-tags">
			{tags.map(({ shapeId, names, x, y, scale }) => (
				<div
					key={shapeId}
					className="editing-tag"
					data-testid="editing-tag"
					data-note-id={shapeId}
					style={{ transform: `translate(${x}px, ${y}px) scale(${scale}) translateY(-100%)` }}
				>
					{names.length === 1 ? t('collaboration.editingOne', { name: names[0]! }) : t('collaboration.editingMany', { names: names.join(', ') })}
				</div>
			))}
		</div>
	)
}
