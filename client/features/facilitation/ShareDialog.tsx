import { useEffect, useState } from 'react'
import { boardViewIdPath, readBody, viewIdBody } from '../../../shared/wire/http'
import { useTranslation } from '../../i18n/locale'
import { errorText, TranslatableError } from '../../i18n/TranslatableError'
import { routeOf } from '../../routes'
import { facilitatorKeyFor, facilitatorKeyHeaders, facilitatorLink, participantLink, viewLink } from '../../session/boardLink'
import { Dialog } from '../../ui/Dialog'
import { LinkField } from './LinkField'

type ViewLink = { state: 'loading' } | { state: 'ready'; url: string } | { state: 'failed'; reason: Error } | { state: 'no-key' }

/** The board's three links for the facilitator to hand out: facilitator, participant and view-only. */
export function ShareDialog({ onClose }: { onClose: () => void }) {
	const { t } = useTranslation()
	const route = routeOf(location.pathname)
	const boardId = route.page === 'board' ? route.boardId : null
	// Read once: the key sits in this browser since the facilitator link was opened.
	const [key] = useState(() => (boardId === null ? null : facilitatorKeyFor(boardId)))
	const view = useViewLink(boardId, key)

	return (
		<Dialog title={t('facilitation.shareTitle')} onClose={onClose} wide testId="share-dialog">
			<p className="dialog__intro">{t('facilitation.shareIntro')}</p>
			{boardId !== null && <LinkField label={t('facilitation.linkParticipant')} url={participantLink(boardId)} testId="link-participant" />}
			{view.state === 'ready' && <LinkField label={t('facilitation.linkView')} url={view.url} testId="link-view" />}
			{view.state === 'loading' && <p className="dialog__intro">{t('facilitation.linkLoading')}</p>}
			{view.state === 'failed' && (
				<p className="dialog__problem" role="alert">
					{t('facilitation.linkFailed', { reason: errorText(t, view.reason) })}
				</p>
			)}
			{view.state === 'no-key' && (
				<p className="dialog__problem" role="alert">
					{t('facilitation.noKey')}
				</p>
			)}
			{boardId !== null && key !== null && (
				<LinkField label={t('facilitation.linkFacilitator')} url={facilitatorLink(boardId, key)} testId="link-facilitator" />
			)}
			<button className="dialog__primary" onClick={onClose} autoFocus>
				{t('facilitation.done')}
			</button>
		</Dialog>
	)
}

/** The view-only link: its id is the server's to give, and only to the facilitator key. */
function useViewLink(boardId: string | null, key: string | null): ViewLink {
	const [view, setView] = useState<ViewLink>({ state: 'loading' })
	useEffect(() => {
		if (boardId === null || key === null) return
		let current = true
		const path = boardViewIdPath(boardId)
		fetch(path, { headers: facilitatorKeyHeaders(key) })
			.then(async (response) => {
				if (!response.ok) throw new TranslatableError('link.httpFailed', { status: response.status })
				return (await readBody(response, path, viewIdBody)).viewId
			})
			.then(
				(viewId) => current && setView({ state: 'ready', url: viewLink(viewId) }),
				(error: Error) => current && setView({ state: 'failed', reason: error }),
			)
		return () => {
			current = false
		}
	}, [boardId, key])
	return boardId === null || key === null ? { state: 'no-key' } : view
}
