import { useValue } from 'tldraw'
import type { Role } from '../../../shared/roles'
import type { MessageKey } from '../../i18n/en'
import { useTranslation } from '../../i18n/locale'
import { Icon } from '../../icons/Icon'
import { useBoardSession } from '../../session/BoardSessionContext'

/** What the lock and a private round mean for me, said in my role's terms. */
const LOCKED: Record<Role, MessageKey> = {
	facilitator: 'facilitation.lockedBannerFacilitator',
	participant: 'facilitation.lockedBanner',
	viewer: 'facilitation.lockedBannerViewer',
}
const PRIVATE: Record<Role, MessageKey> = {
	facilitator: 'facilitation.privateBannerFacilitator',
	participant: 'facilitation.privateBanner',
	viewer: 'facilitation.privateBannerViewer',
}

/** A status line for everyone while the board is locked or a private round hides new notes. */
export function FacilitationBanners() {
	const session = useBoardSession()
	const { t } = useTranslation()
	const role = useValue(session.role)
	const locked = useValue(session.locked)
	const privateRound = useValue('private round running', () => session.hidingRound.get() !== null, [session])
	if (!locked && !privateRound) return null
	return (
		<div className="facilitation-banners" role="status">
			{locked && (
				<p className="facilitation-banner facilitation-banner--locked" data-testid="locked-banner">
					<Icon name="lock" /> {t(LOCKED[role])}
				</p>
			)}
			{privateRound && (
				<p className="facilitation-banner facilitation-banner--private" data-testid="private-banner">
					{t(PRIVATE[role])}
				</p>
			)}
		</div>
	)
}
