import { useState } from 'react'
import { useValue } from 'tldraw'
import type * as Y from 'yjs'
import { extendTimer, pauseTimer, resumeTimer, startTimer, stopTimer } from '../../../shared/facilitationDoc'
import type { WorkZoneId } from '../../../shared/model/support'
import { useTranslation } from '../../i18n/locale'
import { useWholeNumber, WholeNumberField } from '../../ui/WholeNumberField'
import { WorkZoneOptions } from '../../canvas/shapes/WorkZoneOptions'
import { useBoardSession } from '../../session/BoardSessionContext'

const MIN_MINUTES = 1
const MAX_MINUTES = 60
const ONE_MINUTE_MS = 60_000

/** A timebox for a zone: everyone sees it count down at the top of the board; it can be paused and given more time. */
export function TimerControls({ doc }: { doc: Y.Doc }) {
	const session = useBoardSession()
	const { t } = useTranslation()
	const timer = useValue(session.timer)
	const running = timer !== null
	const paused = timer?.pausedAt != null
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
			<button onClick={() => (paused ? resumeTimer(doc) : pauseTimer(doc))} disabled={!running} aria-pressed={paused} data-testid="timer-pause">
				{paused ? t('facilitation.resume') : t('facilitation.pause')}
			</button>
			<button onClick={() => extendTimer(doc, ONE_MINUTE_MS)} disabled={!running} data-testid="timer-add-minute">
				{t('facilitation.addMinute')}
			</button>
		</fieldset>
	)
}
