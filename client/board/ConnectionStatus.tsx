import { useValue, type Atom } from 'tldraw'
import type { SyncStatus } from '../sync/syncStatus'

const CONNECTION_LABELS: Record<SyncStatus['connection'], string> = {
	connecting: 'Connecting…',
	live: 'Live',
	offline: 'Offline',
}

const SAVED_LABELS: Record<SyncStatus['saved'], string> = {
	saved: 'All changes saved',
	saving: 'Saving…',
	local: 'Changes kept on this device until the connection is back',
}

/** A status dot and one line: is this board live, and is my work safe? */
export function ConnectionStatus({ status }: { status: Atom<SyncStatus> }) {
	const { connection, saved, lastCloseReason } = useValue(status)
	const offlineSaved = connection === 'offline' && saved === 'saved' ? 'Saved · edits now stay on this device' : null
	return (
		<div
			className={`sync-status sync-status--${connection}`}
			data-testid="sync-status"
			data-connection={connection}
			data-saved={saved}
			role="status"
			title={lastCloseReason ? `Last disconnect: ${lastCloseReason}` : undefined}
		>
			<span className="sync-status__dot" aria-hidden />
			<span className="sync-status__connection">{CONNECTION_LABELS[connection]}</span>
			<span className="sync-status__saved">{offlineSaved ?? SAVED_LABELS[saved]}</span>
		</div>
	)
}
