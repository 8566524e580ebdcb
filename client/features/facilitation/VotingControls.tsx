import { useState } from 'react'
import { useValue } from 'tldraw'
import type * as Y from 'yjs'
import { MAX_DOTS_PER_PERSON, MIN_DOTS_PER_PERSON, closeVoting, revealVoting, startVoting } from '../../../shared/facilitationDoc'
import { isWorkZoneId, type WorkZoneId } from '../../../shared/model/support'
import { useTranslation } from '../../i18n/locale'
import { newRoundId } from '../../../shared/roundId'
import { useWholeNumber, WholeNumberField } from '../../ui/WholeNumberField'
import { WorkZoneOptions } from '../../canvas/shapes/WorkZoneOptions'
import { useBoardSession } from '../../session/BoardSessionContext'

/**
 * Dot voting: everyone gets a number of dots to put on notes, on all of them or on one stage's; the
 * results stay hidden until revealed, and the round closed last can still be looked up.
 */
export function VotingControls({ doc }: { doc: Y.Doc }) {
	const session = useBoardSession()
	const { t } = useTranslation()
	const round = useValue(session.voting)
	const phase = round?.phase ?? null
	const dots = useWholeNumber(5, MIN_DOTS_PER_PERSON, MAX_DOTS_PER_PERSON)
	const [zone, setZone] = useState<WorkZoneId | null>(null)

	const start = () => startVoting(doc, newRoundId(), dots.take(), zone)

	return (
		<fieldset className="facilitation-tools__group" data-phase={phase ?? 'none'}>
			<legend>
				{t('facilitation.voting')}
				{phase && (
					<span className="facilitation-tools__state"> · {t(phase === 'open' ? 'facilitation.votingOpen' : 'facilitation.votingRevealed')}</span>
				)}
			</legend>
			{/* The choice is for the next round: while one is open, this shows that round's zone. */}
			<select
				value={(round?.phase === 'open' ? round.zone : zone) ?? ''}
				onChange={(event) => setZone(isWorkZoneId(event.target.value) ? event.target.value : null)}
				disabled={phase === 'open'}
				aria-label={t('facilitation.votingZone')}
				title={t('facilitation.votingZone')}
				data-testid="voting-zone"
			>
				<option value="">{t('facilitation.votingAllNotes')}</option>
				<WorkZoneOptions />
			</select>
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
