import { useValue } from 'tldraw'
import type * as Y from 'yjs'
import { endPrivateRound, revealPrivateRound, startPrivateRound } from '../../../shared/facilitationDoc'
import { useTranslation } from '../../i18n/locale'
import { PrivateRoundTally } from './PrivateRoundTally'
import { newRoundId } from '../../../shared/roundId'
import { useBoardSession } from '../../session/BoardSessionContext'

/** A private round: everyone writes unseen by the others, then the facilitator reveals zone by zone or all at once. */
export function PrivateRoundControls({ doc }: { doc: Y.Doc }) {
	const session = useBoardSession()
	const { t } = useTranslation()
	const state = useValue(
		'private round state',
		() => {
			const round = session.privateRound.get()
			return round === null ? null : round.revealed ? 'revealed' : 'running'
		},
		[session],
	)

	return (
		<fieldset className="facilitation-tools__group" data-state={state ?? 'none'}>
			<legend>
				{t('facilitation.private')}
				{state && (
					<span className="facilitation-tools__state">
						{' '}
						· {t(state === 'running' ? 'facilitation.privateRunning' : 'facilitation.privateRevealed')}
					</span>
				)}
			</legend>
			{/* A new round would quietly show the running round's notes: reveal or end that one first. */}
			<button onClick={() => startPrivateRound(doc, newRoundId())} disabled={state === 'running'} data-testid="private-start">
				{t('facilitation.start')}
			</button>
			<button onClick={() => revealPrivateRound(doc)} disabled={state !== 'running'} data-testid="private-reveal">
				{t('facilitation.reveal')}
			</button>
			<button onClick={() => endPrivateRound(doc)} disabled={state === null} data-testid="private-end">
				{t('facilitation.end')}
			</button>
			{state === 'running' && <PrivateRoundTally doc={doc} />}
		</fieldset>
	)
}
