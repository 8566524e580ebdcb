import { describe, it, expect } from 'vitest'
import * as Y from 'yjs'
import {
	agreedStageCount,
	closeVoting,
	endPrivateRound,
	FACILITATION_MAP,
	isBoardLocked,
	LOCKED_KEY,
	observeFacilitation,
	readFacilitation,
	readFollowMe,
	readLastVoting,
	readPrivateRound,
	readSpotlight,
	readStageStatuses,
	readSummon,
	readTimer,
	readVoting,
	revealPrivateRound,
	revealPrivateRoundZone,
	revealVoting,
	setBoardLocked,
	setFollowMe,
	setSpotlight,
	setStageStatus,
	startPrivateRound,
	startTimer,
	pauseTimer,
	resumeTimer,
	extendTimer,
	startVoting,
	stopTimer,
	summonTo,
	clearSummon,
	timerHasEnded,
	timerRemainingMs,
	type FacilitationState,
	type StageStatus,
	startPresentation,
	type Timer,
} from '../../shared/facilitationDoc'
import { WORK_ZONE_IDS, type WorkZoneId } from '../../shared/model/support'
import { ZONE_IDS } from '../../shared/model/zones'

const allOpen = Object.fromEntries(WORK_ZONE_IDS.map((zone) => [zone, 'open'])) as Record<WorkZoneId, StageStatus>

const DEFAULTS: FacilitationState = {
	statuses: allOpen,
	timer: null,
	spotlight: null,
	locked: false,
	privateRound: null,
	voting: null,
	lastVoting: null,
	summon: null,
	followMe: null,
	presentation: null,
}

const mapOf = (doc: Y.Doc) => doc.getMap<unknown>(FACILITATION_MAP)

describe('an empty facilitation document', () => {
	it('reads as all defaults', () => {
		expect(readFacilitation(new Y.Doc())).toEqual(DEFAULTS)
	})
})

describe('stage status', () => {
	it('round-trips every status for every work zone', () => {
		const doc = new Y.Doc()
		setStageStatus(doc, 'stage-2', 'discussion')
		setStageStatus(doc, 'stage-3', 'agreed')
		setStageStatus(doc, 'centre', 'agreed')
		expect(readStageStatuses(doc)).toEqual({ ...allOpen, 'stage-2': 'discussion', 'stage-3': 'agreed', centre: 'agreed' })
		setStageStatus(doc, 'stage-3', 'open')
		expect(readStageStatuses(doc)['stage-3']).toBe('open')
	})

	it('stores the status under status.<zoneId>', () => {
		const doc = new Y.Doc()
		setStageStatus(doc, 'stage-8', 'agreed')
		expect(mapOf(doc).get('status.stage-8')).toBe('agreed')
	})

	it('reads a malformed status as open', () => {
		const doc = new Y.Doc()
		mapOf(doc).set('status.stage-1', 'done')
		mapOf(doc).set('status.stage-2', 3)
		mapOf(doc).set('status.parking', 'agreed')
		expect(readStageStatuses(doc)).toEqual(allOpen)
	})

	it('counts agreed stages among the eight, without the centre', () => {
		expect(agreedStageCount(allOpen)).toBe(0)
		expect(agreedStageCount({ ...allOpen, centre: 'agreed', 'stage-1': 'agreed', 'stage-8': 'agreed', 'stage-4': 'discussion' })).toBe(2)
		const everyZoneAgreed = Object.fromEntries(WORK_ZONE_IDS.map((zone) => [zone, 'agreed'])) as Record<WorkZoneId, StageStatus>
		expect(agreedStageCount(everyZoneAgreed)).toBe(8)
		expect(agreedStageCount({})).toBe(0)
	})
})

describe('timer', () => {
	it('starts and stops', () => {
		const doc = new Y.Doc()
		startTimer(doc, 'stage-2', 300_000, 1_000)
		expect(readTimer(doc)).toEqual({ zone: 'stage-2', startedAt: 1_000, durationMs: 300_000, pausedAt: null })
		startTimer(doc, null, 60_000, 2_000)
		expect(readTimer(doc)).toEqual({ zone: null, startedAt: 2_000, durationMs: 60_000, pausedAt: null })
		stopTimer(doc)
		expect(readTimer(doc)).toBeNull()
	})

	it('starts at the current time when none is given', () => {
		const doc = new Y.Doc()
		const before = Date.now()
		startTimer(doc, 'centre', 1_000)
		const timer = readTimer(doc)!
		expect(timer.startedAt).toBeGreaterThanOrEqual(before)
		expect(timer.startedAt).toBeLessThanOrEqual(Date.now())
	})

	it.each([
		['a string', 'soon'],
		['a zone that does not exist', { zone: 'stage-9', startedAt: 0, durationMs: 1 }],
		['a missing start', { zone: 'centre', durationMs: 1 }],
		['a negative duration', { zone: 'centre', startedAt: 0, durationMs: -1 }],
		['a duration that is not a number', { zone: 'centre', startedAt: 0, durationMs: '60' }],
		['an infinite start', { zone: 'centre', startedAt: Number.POSITIVE_INFINITY, durationMs: 1 }],
		['a pause that is not a time', { zone: 'centre', startedAt: 0, durationMs: 1, pausedAt: 'now' }],
	])('reads %s as no timer', (_label, value) => {
		const doc = new Y.Doc()
		mapOf(doc).set('timer', value)
		expect(readTimer(doc)).toBeNull()
	})

	it('counts the time remaining down to zero, never below', () => {
		const timer: Timer = { zone: 'stage-1', startedAt: 10_000, durationMs: 60_000, pausedAt: null }
		expect(timerRemainingMs(timer, 10_000)).toBe(60_000)
		expect(timerRemainingMs(timer, 40_000)).toBe(30_000)
		expect(timerRemainingMs(timer, 70_000)).toBe(0)
		expect(timerRemainingMs(timer, 100_000)).toBe(0)
		expect(timerRemainingMs(null, 0)).toBe(0)
	})

	it('has ended exactly when no time remains, and a missing timer has not ended', () => {
		const timer: Timer = { zone: 'stage-1', startedAt: 10_000, durationMs: 60_000, pausedAt: null }
		expect(timerHasEnded(timer, 69_999)).toBe(false)
		expect(timerHasEnded(timer, 70_000)).toBe(true)
		expect(timerHasEnded(timer, 80_000)).toBe(true)
		expect(timerHasEnded(null, 80_000)).toBe(false)
	})

	it('a timer written before pausing existed reads as running', () => {
		const doc = new Y.Doc()
		mapOf(doc).set('timer', { zone: 'centre', startedAt: 5, durationMs: 10 })
		expect(readTimer(doc)).toEqual({ zone: 'centre', startedAt: 5, durationMs: 10, pausedAt: null })
	})

	it('paused, it keeps the time left; resumed, it counts down from there', () => {
		const doc = new Y.Doc()
		startTimer(doc, 'stage-3', 60_000, 0)
		pauseTimer(doc, 20_000)
		expect(timerRemainingMs(readTimer(doc), 50_000)).toBe(40_000)
		pauseTimer(doc, 30_000)
		expect(readTimer(doc)!.pausedAt).toBe(20_000)
		resumeTimer(doc, 100_000)
		expect(readTimer(doc)!.pausedAt).toBeNull()
		expect(timerRemainingMs(readTimer(doc), 110_000)).toBe(30_000)
	})

	it('a minute more extends a running, a paused and a finished timer', () => {
		const doc = new Y.Doc()
		startTimer(doc, 'stage-3', 60_000, 0)
		extendTimer(doc, 60_000, 10_000)
		expect(timerRemainingMs(readTimer(doc), 10_000)).toBe(110_000)
		pauseTimer(doc, 20_000)
		extendTimer(doc, 60_000, 90_000)
		expect(timerRemainingMs(readTimer(doc), 90_000)).toBe(160_000)
		resumeTimer(doc, 90_000)
		expect(timerRemainingMs(readTimer(doc), 500_000)).toBe(0)
		extendTimer(doc, 60_000, 500_000)
		expect(timerRemainingMs(readTimer(doc), 500_000)).toBe(60_000)
		pauseTimer(doc, 600_000)
		expect(readTimer(doc)!.pausedAt).toBeNull()
	})
})

describe('spotlight', () => {
	it('round-trips a zone and clears', () => {
		const doc = new Y.Doc()
		setSpotlight(doc, 'stage-5')
		expect(readSpotlight(doc)).toBe('stage-5')
		setSpotlight(doc, null)
		expect(readSpotlight(doc)).toBeNull()
	})

	it('reads an unknown zone as no spotlight', () => {
		const doc = new Y.Doc()
		mapOf(doc).set('spotlight', 'stage-0')
		expect(readSpotlight(doc)).toBeNull()
	})
})

describe('lock', () => {
	it('locks and unlocks under the key the server reads', () => {
		const doc = new Y.Doc()
		setBoardLocked(doc, true)
		expect(isBoardLocked(doc)).toBe(true)
		expect(doc.getMap(FACILITATION_MAP).get(LOCKED_KEY)).toBe(true)
		setBoardLocked(doc, false)
		expect(isBoardLocked(doc)).toBe(false)
	})

	it('reads anything but true as unlocked', () => {
		const doc = new Y.Doc()
		for (const value of ['true', 1, {}, null]) {
			mapOf(doc).set(LOCKED_KEY, value)
			expect(isBoardLocked(doc)).toBe(false)
		}
	})
})

describe('private round', () => {
	it('starts hidden, reveals and ends', () => {
		const doc = new Y.Doc()
		startPrivateRound(doc, 'round-1')
		expect(readPrivateRound(doc)).toEqual({ id: 'round-1', revealed: false, revealedZones: [] })
		revealPrivateRound(doc)
		expect(readPrivateRound(doc)).toEqual({ id: 'round-1', revealed: true, revealedZones: [] })
		endPrivateRound(doc)
		expect(readPrivateRound(doc)).toBeNull()
	})

	it('reveals nothing when no round runs', () => {
		const doc = new Y.Doc()
		revealPrivateRound(doc)
		revealPrivateRoundZone(doc, 'stage-1')
		expect(readPrivateRound(doc)).toBeNull()
	})

	it('reveals zone by zone, keeping the zones in board order and each once', () => {
		const doc = new Y.Doc()
		startPrivateRound(doc, 'round-1')
		revealPrivateRoundZone(doc, 'stage-3')
		revealPrivateRoundZone(doc, 'centre')
		revealPrivateRoundZone(doc, 'stage-3')
		expect(readPrivateRound(doc)).toEqual({ id: 'round-1', revealed: false, revealedZones: ['centre', 'stage-3'] })
	})

	it('revealing every zone reveals the round, also for clients that read only `revealed`', () => {
		const doc = new Y.Doc()
		startPrivateRound(doc, 'round-1')
		for (const zone of ZONE_IDS.slice(0, -1)) revealPrivateRoundZone(doc, zone)
		expect(readPrivateRound(doc)!.revealed).toBe(false)
		revealPrivateRoundZone(doc, ZONE_IDS.at(-1)!)
		expect(readPrivateRound(doc)).toEqual({ id: 'round-1', revealed: true, revealedZones: [...ZONE_IDS] })
		expect(mapOf(doc).get('privateRound')).toMatchObject({ revealed: true })
	})

	it('a new round starts with every zone hidden again', () => {
		const doc = new Y.Doc()
		startPrivateRound(doc, 'round-1')
		revealPrivateRoundZone(doc, 'stage-1')
		startPrivateRound(doc, 'round-2')
		expect(readPrivateRound(doc)).toEqual({ id: 'round-2', revealed: false, revealedZones: [] })
	})

	it('reads a round stored before zones could be revealed as none revealed', () => {
		const doc = new Y.Doc()
		mapOf(doc).set('privateRound', { id: 'old', revealed: false })
		expect(readPrivateRound(doc)).toEqual({ id: 'old', revealed: false, revealedZones: [] })
	})

	it('drops unknown and repeated zones, and reads revealed zones that are not a list as none', () => {
		const doc = new Y.Doc()
		mapOf(doc).set('privateRound', { id: 'r', revealed: false, revealedZones: ['stage-2', 'stage-9', 7, null, 'stage-2', 'parking'] })
		expect(readPrivateRound(doc)!.revealedZones).toEqual(['stage-2', 'parking'])
		mapOf(doc).set('privateRound', { id: 'r', revealed: false, revealedZones: 'stage-2' })
		expect(readPrivateRound(doc)!.revealedZones).toEqual([])
	})

	it('reads a malformed round as none', () => {
		const doc = new Y.Doc()
		mapOf(doc).set('privateRound', { id: 'r', revealed: 'yes' })
		expect(readPrivateRound(doc)).toBeNull()
		mapOf(doc).set('privateRound', { id: '', revealed: false })
		expect(readPrivateRound(doc)).toBeNull()
	})
})

describe('voting', () => {
	it('opens, reveals and closes a round', () => {
		const doc = new Y.Doc()
		startVoting(doc, 'v1', 5)
		expect(readVoting(doc)).toEqual({ id: 'v1', dotsPerPerson: 5, zone: null, phase: 'open' })
		revealVoting(doc)
		expect(readVoting(doc)).toEqual({ id: 'v1', dotsPerPerson: 5, zone: null, phase: 'revealed' })
		closeVoting(doc)
		expect(readVoting(doc)).toBeNull()
	})

	it('clamps the dots per person to 1..20 when opening', () => {
		const doc = new Y.Doc()
		startVoting(doc, 'v1', 50)
		expect(readVoting(doc)!.dotsPerPerson).toBe(20)
		startVoting(doc, 'v2', 0)
		expect(readVoting(doc)!.dotsPerPerson).toBe(1)
		startVoting(doc, 'v3', 3.6)
		expect(readVoting(doc)!.dotsPerPerson).toBe(4)
		startVoting(doc, 'v4', Number.NaN)
		expect(readVoting(doc)!.dotsPerPerson).toBe(1)
	})

	it('reveals nothing when no round is open', () => {
		const doc = new Y.Doc()
		revealVoting(doc)
		expect(readVoting(doc)).toBeNull()
	})

	it.each([
		['too many dots', { id: 'v', dotsPerPerson: 21, phase: 'open' }],
		['fractional dots', { id: 'v', dotsPerPerson: 2.5, phase: 'open' }],
		['an unknown phase', { id: 'v', dotsPerPerson: 3, phase: 'closed' }],
		['no id', { dotsPerPerson: 3, phase: 'open' }],
		['an unknown zone', { id: 'v', dotsPerPerson: 3, zone: 'stage-9', phase: 'open' }],
	])('reads a round with %s as none', (_label, value) => {
		const doc = new Y.Doc()
		mapOf(doc).set('voting', value)
		expect(readVoting(doc)).toBeNull()
	})

	it('limits a round to one zone', () => {
		const doc = new Y.Doc()
		startVoting(doc, 'v1', 3, 'stage-4')
		expect(readVoting(doc)).toEqual({ id: 'v1', dotsPerPerson: 3, zone: 'stage-4', phase: 'open' })
		revealVoting(doc)
		expect(readVoting(doc)!.zone).toBe('stage-4')
	})

	it('reads a round stored before zone limits existed as counting every note', () => {
		const doc = new Y.Doc()
		mapOf(doc).set('voting', { id: 'v', dotsPerPerson: 3, phase: 'revealed' })
		expect(readVoting(doc)).toEqual({ id: 'v', dotsPerPerson: 3, zone: null, phase: 'revealed' })
	})
})

describe('the last vote', () => {
	it('keeps a closed round readable, with when it was closed', () => {
		const doc = new Y.Doc()
		expect(readLastVoting(doc)).toBeNull()
		startVoting(doc, 'v1', 4, 'stage-2')
		revealVoting(doc)
		closeVoting(doc, 1_000)
		expect(readVoting(doc)).toBeNull()
		expect(readLastVoting(doc)).toEqual({ id: 'v1', dotsPerPerson: 4, zone: 'stage-2', closedAt: 1_000 })
	})

	it('stays while the next round runs, and is replaced when that one is closed', () => {
		const doc = new Y.Doc()
		startVoting(doc, 'v1', 4, 'stage-2')
		closeVoting(doc, 1_000)
		startVoting(doc, 'v2', 2)
		expect(readLastVoting(doc)!.id).toBe('v1')
		closeVoting(doc, 2_000)
		expect(readLastVoting(doc)).toEqual({ id: 'v2', dotsPerPerson: 2, zone: null, closedAt: 2_000 })
	})

	it('takes the running round when a new one is started over it, so its results are not lost', () => {
		const doc = new Y.Doc()
		startVoting(doc, 'v1', 4)
		revealVoting(doc)
		startVoting(doc, 'v2', 2, 'centre', 3_000)
		expect(readVoting(doc)!.id).toBe('v2')
		expect(readLastVoting(doc)).toEqual({ id: 'v1', dotsPerPerson: 4, zone: null, closedAt: 3_000 })
	})

	it('is left alone by closing when no round runs', () => {
		const doc = new Y.Doc()
		startVoting(doc, 'v1', 4)
		closeVoting(doc, 1_000)
		closeVoting(doc, 2_000)
		expect(readLastVoting(doc)!.closedAt).toBe(1_000)
	})

	it.each([
		['no closing time', { id: 'v', dotsPerPerson: 3, zone: null }],
		['a closing time that is no number', { id: 'v', dotsPerPerson: 3, zone: null, closedAt: '12:00' }],
		['an unknown zone', { id: 'v', dotsPerPerson: 3, zone: 'hall', closedAt: 1 }],
		['no dots', { id: 'v', dotsPerPerson: 0, zone: null, closedAt: 1 }],
		['no id', { dotsPerPerson: 3, zone: null, closedAt: 1 }],
	])('reads a last vote with %s as none', (_label, value) => {
		const doc = new Y.Doc()
		mapOf(doc).set('lastVoting', value)
		expect(readLastVoting(doc)).toBeNull()
	})
})

describe('summon and follow', () => {
	it('summons to bounds with a fresh id each time', () => {
		const doc = new Y.Doc()
		const bounds = { x: 10, y: 20, w: 300, h: 200 }
		summonTo(doc, bounds)
		const first = readSummon(doc)!
		summonTo(doc, bounds)
		const second = readSummon(doc)!
		expect(first.bounds).toEqual(bounds)
		expect(second.bounds).toEqual(bounds)
		expect(second.id).not.toBe(first.id)
		clearSummon(doc)
		expect(readSummon(doc)).toBeNull()
	})

	it('uses the id it is given', () => {
		const doc = new Y.Doc()
		summonTo(doc, { x: 0, y: 0, w: 1, h: 1 }, 's-1')
		expect(readSummon(doc)!.id).toBe('s-1')
	})

	it('reads a summon with malformed bounds as none', () => {
		const doc = new Y.Doc()
		mapOf(doc).set('summon', { id: 's', bounds: { x: 0, y: 0, w: -1, h: 1 } })
		expect(readSummon(doc)).toBeNull()
		mapOf(doc).set('summon', { id: 's', bounds: { x: 0, y: 'top', w: 1, h: 1 } })
		expect(readSummon(doc)).toBeNull()
		mapOf(doc).set('summon', { id: 's' })
		expect(readSummon(doc)).toBeNull()
	})

	it('round-trips follow-me and clears it', () => {
		const doc = new Y.Doc()
		setFollowMe(doc, 'user-1')
		expect(readFollowMe(doc)).toEqual({ userId: 'user-1' })
		setFollowMe(doc, null)
		expect(readFollowMe(doc)).toBeNull()
		mapOf(doc).set('followMe', { userId: 42 })
		expect(readFollowMe(doc)).toBeNull()
	})
})

describe('readFacilitation', () => {
	it('reads every setting into one object', () => {
		const doc = new Y.Doc()
		setStageStatus(doc, 'stage-1', 'agreed')
		startTimer(doc, 'stage-1', 1_000, 5)
		setSpotlight(doc, 'stage-1')
		setBoardLocked(doc, true)
		startPrivateRound(doc, 'p')
		startVoting(doc, 'v', 3)
		summonTo(doc, { x: 1, y: 2, w: 3, h: 4 }, 's')
		setFollowMe(doc, 'u')
		startPresentation(doc, 'talk', 'stage-2')
		expect(readFacilitation(doc)).toEqual({
			statuses: { ...allOpen, 'stage-1': 'agreed' },
			timer: { zone: 'stage-1', startedAt: 5, durationMs: 1_000, pausedAt: null },
			spotlight: 'stage-1',
			locked: true,
			privateRound: { id: 'p', revealed: false, revealedZones: [] },
			voting: { id: 'v', dotsPerPerson: 3, zone: null, phase: 'open' },
			lastVoting: null,
			summon: { id: 's', bounds: { x: 1, y: 2, w: 3, h: 4 } },
			followMe: { userId: 'u' },
			presentation: { id: 'talk', step: 'stage-2' },
		})
	})

	it('reads every malformed value as its default', () => {
		const doc = new Y.Doc()
		for (const key of ['timer', 'spotlight', 'locked', 'privateRound', 'voting', 'lastVoting', 'summon', 'followMe', 'presentation', 'status.centre'])
			mapOf(doc).set(key, 'garbage')
		expect(readFacilitation(doc)).toEqual(DEFAULTS)
	})
})

describe('observeFacilitation', () => {
	it('passes the new state on every change, also from another replica, until unsubscribed', () => {
		const facilitator = new Y.Doc()
		const participant = new Y.Doc()
		facilitator.on('update', (update: Uint8Array) => Y.applyUpdate(participant, update))
		const seen: FacilitationState[] = []
		const stop = observeFacilitation(participant, (state) => seen.push(state))
		setBoardLocked(facilitator, true)
		setSpotlight(facilitator, 'centre')
		expect(seen.map((state) => [state.locked, state.spotlight])).toEqual([
			[true, null],
			[true, 'centre'],
		])
		stop()
		setBoardLocked(facilitator, false)
		expect(seen).toHaveLength(2)
	})
})
