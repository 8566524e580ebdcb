import { useValue, type Editor } from 'tldraw'
import { useTranslation } from '../../i18n/locale'
import { countText } from '../../i18n/countText'
import { useOwnVotes } from './useVoting'
import { useZoneLabel } from '../../canvas/shapes/useZoneLabel'
import { useBoardSession } from '../../session/BoardSessionContext'

/** How many dots I can still spend while a voting round is open, and on which zone's notes when it is limited to one. */
export function DotsLeft({ editor }: { editor: Editor }) {
	const session = useBoardSession()
	const { t } = useTranslation()
	const ownVotes = useOwnVotes(editor)
	const canVote = useValue(session.canEndorse)
	const zoneName = useZoneLabel(ownVotes?.zone ?? null)
	if (!ownVotes || !canVote) return null
	return (
		<span className="support-layer__dots" data-testid="dots-left" data-count={ownVotes.left} role="status">
			{countText(t, 'support.dotsLeft', ownVotes.left)}
			{zoneName !== null && <span className="support-layer__dots-zone"> · {zoneName}</span>}
		</span>
	)
}
