import { useValue, type Signal } from 'tldraw'
import { useTranslation } from '../../i18n/locale'
import { disconnectMessage } from '../../sync/disconnectMessage'
import type { SyncStatus } from '../../sync/syncStatus'
import { useBoardSession } from '../../session/BoardSessionContext'

/** A status dot and one line: is this board live, and is my work safe? */
export function ConnectionStatus({ status }: { status: Signal<SyncStatus> }) {
	const session = useBoardSession()
	const { t } = useTranslation()
	const { connection, saved, lastCloseCode: lastClose } = useValue(status)
	// A view-only link never saves anything, so "saved" would be meaningless there.
	const viewOnly = useValue(session.role) === 'viewer'
	return (
		<div
			className={`sync-status sync-status--${connection}`}
			data-testid="sync-status"
			data-connection={connection}
			data-saved={saved}
			role="status"
			title={lastClose === null ? undefined : t('status.lastDisconnect', { reason: t(disconnectMessage(lastClose), { code: lastClose }) })}
		>
			<span className="sync-status__dot" aria-hidden />
			<span className="sync-status__connection">{t(`status.${connection}`)}</span>
			<span className="sync-status__saved">{viewOnly ? t('status.viewOnly') : t(`status.${saved}`)}</span>
		</div>
	)
}
