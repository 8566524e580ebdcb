import { useEffect, useState } from 'react'
import type { HiddenNotesTally } from '../../../shared/model/privateRound'
import { privateRoundTallyBody, privateRoundTallyPath, readBody } from '../../../shared/wire/http'
import { routeOf } from '../../routes'
import { facilitatorKeyFor, facilitatorKeyHeaders } from '../../session/boardLink'
import { TranslatableError } from '../../i18n/TranslatableError'

/** Often enough that a note shows up in the count while its writer is still looking at it. */
const POLL_MS = 1500

export type TallyState = { tally: HiddenNotesTally | null; failed: Error | null }

/**
 * What the running round keeps private, counted by the server: the notes themselves never reach
 * the facilitator's page (server/relay/PrivateDocuments.ts). Asked again at once when `roundKey`
 * changes (a zone revealed), and every POLL_MS while the round runs.
 */
export function usePrivateRoundTally(roundKey: string): TallyState {
	const [state, setState] = useState<TallyState>({ tally: null, failed: null })
	useEffect(() => {
		const route = routeOf(location.pathname)
		if (route.page !== 'board') return
		const path = privateRoundTallyPath(route.boardId)
		const headers = facilitatorKeyHeaders(facilitatorKeyFor(route.boardId))
		let current = true
		let timer: ReturnType<typeof setTimeout> | undefined
		const ask = () =>
			fetch(path, { headers, cache: 'no-store' })
				.then(async (response) => {
					if (!response.ok) throw new TranslatableError('link.httpFailed', { status: response.status })
					return readBody(response, path, privateRoundTallyBody)
				})
				.then(
					(tally) => current && setState({ tally, failed: null }),
					(error: Error) => current && setState((before) => ({ ...before, failed: error })),
				)
				.finally(() => {
					if (current) timer = setTimeout(ask, POLL_MS)
				})
		void ask()
		return () => {
			current = false
			clearTimeout(timer)
		}
	}, [roundKey])
	return state
}
