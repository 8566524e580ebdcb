import { useState } from 'react'
import { createPortal } from 'react-dom'
import type { Editor } from 'tldraw'
import { useTranslation } from '../../i18n/locale'
import { DotsLeft } from './DotsLeft'
import { DraagvlakView } from './DraagvlakView'
import { VoteResults } from './VoteResults'

/**
 * The draagvlak view and the voting state, over the board: top left, under tldraw's menu. Put
 * into tldraw's container so it stacks with tldraw's own panels, below its menus.
 */
export function SupportLayer({ editor }: { editor: Editor }) {
	const { t } = useTranslation()
	const [open, setOpen] = useState(false)
	return createPortal(
		<div className="support-layer">
			<div className="support-layer__bar">
				<button type="button" className="support-layer__open" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="open-draagvlak">
					{t('support.open')}
				</button>
				<DotsLeft editor={editor} />
			</div>
			{open && <DraagvlakView editor={editor} onClose={() => setOpen(false)} />}
			<VoteResults editor={editor} />
		</div>,
		editor.getContainer(),
	)
}
