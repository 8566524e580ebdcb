import { useValue } from 'tldraw'
import { useTranslation } from '../../i18n/locale'
import { useBoardSession } from '../../session/BoardSessionContext'

/** Shows the latest notice (a refused change, say) for a few seconds. */
export function NoticeToast() {
	const { t } = useTranslation()
	const notice = useValue(useBoardSession().notice)
	if (!notice) return null
	return (
		<div className="notice" role="alert" key={notice.id} data-testid="notice">
			{t(notice.key)}
		</div>
	)
}
