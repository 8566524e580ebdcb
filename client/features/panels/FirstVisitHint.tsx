import { useState } from 'react'
import { useTranslation } from '../../i18n/locale'

const DISMISSED_KEY = 'strategy-board:first-visit-hint-dismissed'

/**
 * A short word on first joining, until dismissed (remembered in this browser): how to add notes
 * quickly, and what the draagvlak matrix and its islands mean.
 */
export function FirstVisitHint() {
	const { t } = useTranslation()
	const [dismissed, setDismissed] = useState(() => localStorage.getItem(DISMISSED_KEY) === 'true')
	if (dismissed) return null
	const dismiss = () => {
		localStorage.setItem(DISMISSED_KEY, 'true')
		setDismissed(true)
	}
	return (
		<aside className="first-visit-hint" aria-label={t('hint.title')} data-testid="first-visit-hint">
			<h3>{t('hint.title')}</h3>
			<p>{t('hint.notes')}</p>
			<p>{t('hint.draagvlak')}</p>
			<p>{t('hint.islands')}</p>
			<button onClick={dismiss} data-testid="first-visit-hint-dismiss">
				{t('hint.dismiss')}
			</button>
		</aside>
	)
}
