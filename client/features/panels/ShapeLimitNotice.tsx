import { useEditor, useValue } from 'tldraw'
import { useTranslation } from '../../i18n/locale'

/**
 * tldraw quietly refuses new shapes once a page holds `maxShapesPerPage` (4,000: beyond that a
 * board no longer opens smoothly, see README). Say so instead of letting clicks do nothing.
 */
export function ShapeLimitNotice() {
	const editor = useEditor()
	const { t } = useTranslation()
	const max = editor.options.maxShapesPerPage
	const full = useValue('page full', () => editor.getCurrentPageShapeIds().size >= max, [editor, max])
	if (!full) return null
	return (
		<div className="shape-limit" role="alert" data-testid="shape-limit">
			{t('limit.reached', { max: max.toLocaleString() })}
		</div>
	)
}
