import { useValue } from 'tldraw'
import type * as Y from 'yjs'
import { MAX_DOTS_PER_PERSON, MIN_DOTS_PER_PERSON, closeVoting, revealVoting, startVoting } from '../../shared/facilitationDoc'
import { useTranslation } from '../i18n/locale'
import { $facilitation } from '../session/sessionState'
import { newRoundId } from './roundId'
import { useWholeNumber, WholeNumberField } from './WholeNumberField'

/** Dot voting: everyone gets a number of dots to put on notes; the results stay hidden until revealed. */
export function VotingControls({ doc }: { doc: Y.Doc }) {
	const { t } = useTranslation()
	const phase = useValue('voting phase', () => $facilitation.get()?.voting?.phase ?? null, [])
	const dots = useWholeNumber(5, MIN_DOTS_PER_PERSON, MAX_DOTS_PER_PERSON)

	const start = () => startVoting(doc, newRoundId(), dots.take())

	return (
		<fieldset className="facilitation-tools__group" data-phase={phase ?? 'none'}>
			<legend>
				{t('facilitation.voting')}
				{phase && <span className="facilitation-tools__state"> · {t(phase === 'open' ? 'facilitation.votingOpen' : 'facilitation.votingRevealed')}</span>}
			</legend>
			<WholeNumberField field={dots} label={t('facilitation.dots')} testId="voting-dots" />
			{/* A new round while one is open would throw away the dots already placed. */}
			<button onClick={start} disabled={phase === 'open'} data-testid="voting-start">
				{t('facilitation.start')}
			</button>
			<button onClick={() => revealVoting(doc)} disabled={phase !== 'open'} data-testid="voting-reveal">
				{t('facilitation.revealResults')}
			</button>
			<button onClick={() => closeVoting(doc)} disabled={phase === null} data-testid="voting-close">
				{t('facilitation.close')}
			</button>
		</fieldset>
	)
}
