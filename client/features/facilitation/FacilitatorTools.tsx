import { useState } from 'react'
import { useValue, type Editor } from 'tldraw'
import type * as Y from 'yjs'
import { setBoardLocked, togglePresentation } from '../../../shared/facilitationDoc'
import { useTranslation } from '../../i18n/locale'
import { AttentionControls } from './AttentionControls'
import { FACILITATOR_TOOLS_BOX } from './facilitatorToolsBox'
import { PrivateRoundControls } from './PrivateRoundControls'
import { ShareDialog } from './ShareDialog'
import { StageStatusList } from './StageStatusList'
import { TimerControls } from './TimerControls'
import { VotingControls } from './VotingControls'
import { Icon } from '../../icons/Icon'
import { newRoundId } from '../../../shared/roundId'
import { useBoardSession } from '../../session/BoardSessionContext'

/** The facilitator's floating toolbar; lock and share stay in reach when the rest is folded away. */
export function FacilitatorTools({ editor, doc }: { editor: Editor; doc: Y.Doc }) {
	const session = useBoardSession()
	const { t } = useTranslation()
	const locked = useValue(session.locked)
	const [open, setOpen] = useState(true)
	const [sharing, setSharing] = useState(false)
	const presenting = useValue('presenting', () => session.presentation.get() !== null, [session])

	return (
		<>
			<section className="facilitation-tools" style={FACILITATOR_TOOLS_BOX} aria-label={t('facilitation.tools')} data-testid="facilitator-tools">
				<header className="facilitation-tools__header">
					<h2>{t('facilitation.tools')}</h2>
					<button aria-pressed={locked} onClick={() => setBoardLocked(doc, !locked)} data-testid="lock-board">
						{locked ? (
							<>
								<Icon name="lock" /> {t('facilitation.unlock')}
							</>
						) : (
							t('facilitation.lock')
						)}
					</button>
					<button
						aria-pressed={presenting}
						onClick={() => togglePresentation(session.documents.facilitation, newRoundId())}
						title={t('presentation.presentHelp')}
						data-testid="present"
					>
						{t('presentation.present')}
					</button>
					<button onClick={() => setSharing(true)} data-testid="open-share">
						{t('facilitation.share')}
					</button>
					<button
						className="facilitation-tools__fold"
						aria-expanded={open}
						title={open ? t('facilitation.collapse') : t('facilitation.expand')}
						aria-label={open ? t('facilitation.collapse') : t('facilitation.expand')}
						onClick={() => setOpen(!open)}
					>
						{open ? '▾' : '▴'}
					</button>
				</header>
				{open && (
					<div className="facilitation-tools__body">
						<TimerControls doc={doc} />
						<AttentionControls editor={editor} doc={doc} />
						<StageStatusList doc={doc} />
						<PrivateRoundControls doc={doc} />
						<VotingControls doc={doc} />
					</div>
				)}
			</section>
			{sharing && <ShareDialog onClose={() => setSharing(false)} />}
		</>
	)
}
