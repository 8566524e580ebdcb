import { useEffect, useRef, useState } from 'react'
import { useValue } from 'tldraw'
import { timerRemainingMs, type Timer } from '../../../shared/facilitationDoc'
import { isWorkZoneId } from '../../../shared/model/support'
import { useTranslation } from '../../i18n/locale'
import { zoneTexts } from '../../canvas/shapes/zoneTexts'
import { playTimeUpChime } from './timerSound'
import { Icon } from '../../icons/Icon'
import { useBoardSession } from '../../session/BoardSessionContext'

const TICK_MS = 250
const MUTED_KEY = 'strategy-board:timer-muted'

/** The stage timer, visible to everyone at the top of the board. */
export function SessionTimer() {
	const session = useBoardSession()
	const timer = useValue(session.timer)
	if (!timer) return null
	// A new timer is a new component: its "time is up" chime and flash start afresh.
	return <RunningTimer key={`${timer.zone}|${timer.startedAt}|${timer.durationMs}`} timer={timer} />
}

function RunningTimer({ timer }: { timer: Timer }) {
	const session = useBoardSession()
	const { locale, t } = useTranslation()
	const settings = useValue(session.settings)
	const [muted, setMuted] = useState(() => localStorage.getItem(MUTED_KEY) === 'true')
	const remaining = timerRemainingMs(timer, useNow(TICK_MS, timer))
	const ended = remaining === 0
	const paused = timer.pausedAt !== null
	const seenRunning = useRef(false)
	const chimed = useRef(false)

	useEffect(() => {
		if (!ended) seenRunning.current = true
		// Chime once, and only on this page's own watch: opening a board after time ran out is no alarm.
		else if (seenRunning.current && !chimed.current) {
			chimed.current = true
			if (!muted) playTimeUpChime()
		}
	}, [ended, muted])

	const toggleMuted = () => {
		localStorage.setItem(MUTED_KEY, String(!muted))
		setMuted(!muted)
	}
	const seconds = Math.ceil(remaining / 1000)
	const zone = timer.zone !== null && isWorkZoneId(timer.zone) ? zoneTexts(timer.zone, locale, settings).title : null

	return (
		<div
			className={`timer${ended ? ' timer--ended' : ''}${paused ? ' timer--paused' : ''}`}
			role="timer"
			data-testid="session-timer"
			data-remaining-seconds={seconds}
			data-paused={paused}
		>
			<span className="timer__zone">{zone ?? t('facilitation.timerNoZone')}</span>
			<span className="timer__clock">{clock(seconds)}</span>
			{paused && <span className="timer__done">{t('facilitation.paused')}</span>}
			{ended && <span className="timer__done">{t('facilitation.timeUp')}</span>}
			<button
				className="timer__mute"
				aria-pressed={muted}
				title={muted ? t('facilitation.unmute') : t('facilitation.mute')}
				aria-label={muted ? t('facilitation.unmute') : t('facilitation.mute')}
				onClick={toggleMuted}
				data-testid="timer-mute"
			>
				<Icon name={muted ? 'bellOff' : 'bell'} />
			</button>
		</div>
	)
}

/** The current time, refreshed every `intervalMs` while the timer counts down. */
function useNow(intervalMs: number, timer: Timer): number {
	const [now, setNow] = useState(Date.now)
	const still = timerRemainingMs(timer, now) === 0 || timer.pausedAt !== null
	useEffect(() => {
		if (still) return
		const interval = setInterval(() => setNow(Date.now()), intervalMs)
		return () => clearInterval(interval)
	}, [intervalMs, still])
	return now
}

function clock(seconds: number): string {
	const minutes = Math.floor(seconds / 60)
	return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`
}
