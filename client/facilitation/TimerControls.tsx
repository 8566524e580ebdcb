import { useState } from 'react'
import { useValue } from 'tldraw'
import type * as Y from 'yjs'
import { startTimer, stopTimer } from '../../shared/facilitationDoc'
import type { WorkZoneId } from '../../shared/model/support'
import { useTranslation } from '../i18n/locale'
import { $facilitation } from '../session/sessionState'
import { useWholeNumber, WholeNumberField } from './WholeNumberField'
import { WorkZoneOptions } from './WorkZoneOptions'

const MIN_MINUTES = 1
const MAX_MINUTES = 60

/** A timebox for a zone: everyone sees it count down at the top of the board. */
export function TimerControls({ doc }: { doc: Y.Doc }) {
	const { t } = useTranslation()
	const running = useValue('timer set', () => ($facilitation.get()?.timer ?? null) !== null, [])
	const [zone, setZone] = useState<WorkZoneId>('centre')
	const minutes = useWholeNumber(5, MIN_MINUTES, MAX_MINUTES)

	const start = () => startTimer(doc, zone, minutes.take() * 60_000)

	return (
		<fieldset className="facilitation-tools__group">
			<legend>{t('facilitation.timer')}</legend>
			<select
				value={zone}
				onChange={(event) => setZone(event.target.value as WorkZoneId)}
				aria-label={t('facilitation.timerZone')}
				data-testid="timer-zone"
			>
				<WorkZoneOptions />
			</select>
			<WholeNumberField field={minutes} label={t('facilitation.minutes')} testId="timer-minutes" />
			<button onClick={start} data-testid="timer-start">
				{t('facilitation.start')}
			</button>
			<button onClick={() => stopTimer(doc)} disabled={!running} data-testid="timer-stop">
				{t('facilitation.stop')}
			</button>
		</fieldset>
	)
}
