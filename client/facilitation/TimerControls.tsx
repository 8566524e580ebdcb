import { useState } from 'react'
import { useValue } from 'tldraw'
import type * as Y from 'yjs'
import { startTimer, stopTimer } from '../../shared/facilitationDoc'
import type { WorkZoneId } from '../../shared/model/support'
import { useTranslation } from '../i18n/locale'
import { $facilitation } from '../session/sessionState'
import { clampWhole } from './clampWhole'
import { WorkZoneOptions } from './WorkZoneOptions'

const MIN_MINUTES = 1
const MAX_MINUTES = 60

/** A timebox for a zone: everyone sees it count down at the top of the board. */
export function TimerControls({ doc }: { doc: Y.Doc }) {
	const { t } = useTranslation()
	const running = useValue('timer set', () => ($facilitation.get()?.timer ?? null) !== null, [])
	const [zone, setZone] = useState<WorkZoneId>('centre')
	const [minutes, setMinutes] = useState('5')

	const start = () => {
		const whole = clampWhole(minutes, MIN_MINUTES, MAX_MINUTES)
		setMinutes(String(whole))
		startTimer(doc, zone, whole * 60_000)
	}

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
			<input
				className="facilitation-tools__number"
				type="number"
				min={MIN_MINUTES}
				max={MAX_MINUTES}
				value={minutes}
				onChange={(event) => setMinutes(event.target.value)}
				aria-label={t('facilitation.minutes')}
				title={t('facilitation.minutes')}
				data-testid="timer-minutes"
			/>
			<button onClick={start} data-testid="timer-start">
				{t('facilitation.start')}
			</button>
			<button onClick={() => stopTimer(doc)} disabled={!running} data-testid="timer-stop">
				{t('facilitation.stop')}
			</button>
		</fieldset>
	)
}
