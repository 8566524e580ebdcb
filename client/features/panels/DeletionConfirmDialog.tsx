import { useValue } from 'tldraw'
import { useTranslation } from '../../i18n/locale'
import { Dialog } from '../../ui/Dialog'
import { useBoardSession } from '../../session/BoardSessionContext'

/** Asks before a deletion removes many of other people's notes; keeping them is the default (first, focused) answer. */
export function DeletionConfirmDialog() {
	const { t } = useTranslation()
	const { pendingDeletion } = useBoardSession()
	const pending = useValue(pendingDeletion)
	if (!pending) return null
	const keep = () => pendingDeletion.set(null)
	const remove = () => {
		keep()
		pending.proceed()
	}
	return (
		<Dialog title={t('board.confirmDeleteTitle')} onClose={keep} testId="confirm-deletion">
			<p className="dialog__intro">{t('board.confirmDeleteOthers', { count: pending.count })}</p>
			<div className="dialog__actions">
				<button type="button" onClick={keep} data-testid="keep-notes">
					{t('board.keepNotes')}
				</button>
				<button type="button" className="dialog__primary dialog__primary--danger" onClick={remove} data-testid="delete-notes">
					{t('board.confirmDelete')}
				</button>
			</div>
		</Dialog>
	)
}
