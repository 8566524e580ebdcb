import * as Y from 'yjs'
import { WORK_ZONE_IDS, type WorkZoneId } from './model/support.js'
import { isPresentationStep, stepBeside, type PresentationStep } from './model/presentationSteps.js'
import { ZONE_IDS, type ZoneId } from './model/zones.js'

/**
 * The facilitator's controls, in their own Y.Doc that only facilitators may write (the server
 * enforces that): stage statuses, timer, spotlight, lock, private round, dot voting, summon and
 * follow. One top-level Y.Map of plain values, so the server can read it without the client.
 * Every reader validates what it finds, because a value is only as good as the client that wrote
 * it: anything malformed reads as the default.
 */
export const FACILITATION_MAP = 'facilitation'
/** The server reads this key directly to refuse board writes while the board is locked. */
export const LOCKED_KEY = 'locked'
const TIMER_KEY = 'timer'
const SPOTLIGHT_KEY = 'spotlight'
const PRIVATE_ROUND_KEY = 'privateRound'
const VOTING_KEY = 'voting'
const LAST_VOTING_KEY = 'lastVoting'
const SUMMON_KEY = 'summon'
const FOLLOW_KEY = 'followMe'
const PRESENTATION_KEY = 'presentation'
const statusKey = (zone: WorkZoneId) => `status.${zone}`

export const STAGE_STATUSES = ['open', 'discussion', 'agreed'] as const
export type StageStatus = (typeof STAGE_STATUSES)[number]

/** `pausedAt`: while paused, the moment it was paused (time left is counted up to then). */
export type Timer = { zone: ZoneId | null; startedAt: number; durationMs: number; pausedAt: number | null }
/** `revealedZones`: the zones whose notes are shown already, in ZONE_IDS order, while the rest stay hidden. */
export type PrivateRound = { id: string; revealed: boolean; revealedZones: ZoneId[] }
export const MIN_DOTS_PER_PERSON = 1
export const MAX_DOTS_PER_PERSON = 20
/** `zone`: the one zone whose notes the round counts; null counts every note. */
export type VotingRound = { id: string; dotsPerPerson: number; zone: ZoneId | null; phase: 'open' | 'revealed' }
/** The round closed last, kept so its results can still be shown (its dots stay in the support document). */
export type ClosedVotingRound = { id: string; dotsPerPerson: number; zone: ZoneId | null; closedAt: number }
export type Bounds = { x: number; y: number; w: number; h: number }
export type Summon = { id: string; bounds: Bounds }
export type FollowMe = { userId: string }
/** `id`: one per presentation, so a person who left it is asked back into the next one, not this one. */
export type Presentation = { id: string; step: PresentationStep }

export type FacilitationState = {
	statuses: Record<WorkZoneId, StageStatus>
	timer: Timer | null
	spotlight: ZoneId | null
	locked: boolean
	privateRound: PrivateRound | null
	voting: VotingRound | null
	lastVoting: ClosedVotingRound | null
	summon: Summon | null
	followMe: FollowMe | null
	presentation: Presentation | null
}

const facilitationOf = (doc: Y.Doc) => doc.getMap<unknown>(FACILITATION_MAP)

export function readFacilitation(doc: Y.Doc): FacilitationState {
	return {
		statuses: readStageStatuses(doc),
		timer: readTimer(doc),
		spotlight: readSpotlight(doc),
		locked: isBoardLocked(doc),
		privateRound: readPrivateRound(doc),
		voting: readVoting(doc),
		lastVoting: readLastVoting(doc),
		summon: readSummon(doc),
		followMe: readFollowMe(doc),
		presentation: readPresentation(doc),
	}
}

export function observeFacilitation(doc: Y.Doc, onChange: (state: FacilitationState) => void): () => void {
	const map = facilitationOf(doc)
	const notify = () => onChange(readFacilitation(doc))
	map.observe(notify)
	return () => map.unobserve(notify)
}

// Stage status

export function readStageStatuses(doc: Y.Doc): Record<WorkZoneId, StageStatus> {
	const map = facilitationOf(doc)
	const entries = WORK_ZONE_IDS.map((zone) => {
		const value = map.get(statusKey(zone))
		return [zone, isStageStatus(value) ? value : 'open'] as const
	})
	return Object.fromEntries(entries) as Record<WorkZoneId, StageStatus>
}

export function setStageStatus(doc: Y.Doc, zone: WorkZoneId, status: StageStatus): void {
	// 'open' is the default, so it needs no key: a fresh board and a reopened stage look the same.
	if (status === 'open') facilitationOf(doc).delete(statusKey(zone))
	else facilitationOf(doc).set(statusKey(zone), status)
}

/** Agreed stages among the eight; the centre is the base of the plan, not a stage of it. */
export function agreedStageCount(statuses: Partial<Record<WorkZoneId, StageStatus>>): number {
	return WORK_ZONE_IDS.filter((zone) => zone !== 'centre' && statuses[zone] === 'agreed').length
}

// Timer

export function startTimer(doc: Y.Doc, zone: ZoneId | null, durationMs: number, now: number = Date.now()): void {
	const timer: Timer = { zone, startedAt: now, durationMs: isFiniteNumber(durationMs) ? Math.max(0, durationMs) : 0, pausedAt: null }
	facilitationOf(doc).set(TIMER_KEY, timer)
}

export function stopTimer(doc: Y.Doc): void {
	facilitationOf(doc).delete(TIMER_KEY)
}

/** Holds the time left where it is; a paused or finished timer stays as it is. */
export function pauseTimer(doc: Y.Doc, now: number = Date.now()): void {
	const timer = readTimer(doc)
	if (timer === null || timer.pausedAt !== null || timerHasEnded(timer, now)) return
	facilitationOf(doc).set(TIMER_KEY, { ...timer, pausedAt: now })
}

/** Counts down again from where it was paused. */
export function resumeTimer(doc: Y.Doc, now: number = Date.now()): void {
	const timer = readTimer(doc)
	if (timer === null || timer.pausedAt === null) return
	facilitationOf(doc).set(TIMER_KEY, { ...timer, startedAt: timer.startedAt + (now - timer.pausedAt), pausedAt: null })
}

/** Gives the timebox more time; a timer that ran out gets that much from now. */
export function extendTimer(doc: Y.Doc, extraMs: number, now: number = Date.now()): void {
	const timer = readTimer(doc)
	if (timer === null || !isFiniteNumber(extraMs) || extraMs <= 0) return
	const elapsed = (timer.pausedAt ?? now) - timer.startedAt
	facilitationOf(doc).set(TIMER_KEY, { ...timer, durationMs: Math.max(timer.durationMs, elapsed) + extraMs })
}

export function readTimer(doc: Y.Doc): Timer | null {
	const value = recordOf(facilitationOf(doc).get(TIMER_KEY))
	if (value === null) return null
	const { zone, startedAt, durationMs } = value
	// Timers written before pausing existed have no `pausedAt`: they are running.
	const pausedAt = value.pausedAt ?? null
	if (!(zone === null || isZoneId(zone)) || !isFiniteNumber(startedAt) || !isFiniteNumber(durationMs) || durationMs < 0) return null
	if (!(pausedAt === null || isFiniteNumber(pausedAt))) return null
	return { zone, startedAt, durationMs, pausedAt }
}

/** Time left, never negative; no timer has no time left. Clocks differ per client, so this is shown, not enforced. */
export function timerRemainingMs(timer: Timer | null, now: number): number {
	if (timer === null) return 0
	return Math.max(0, timer.startedAt + timer.durationMs - (timer.pausedAt ?? now))
}

/** Whether a running timer has run out; no timer has not "ended", so nobody is told time is up. */
export function timerHasEnded(timer: Timer | null, now: number): boolean {
	return timer !== null && timerRemainingMs(timer, now) === 0
}

// Spotlight

export function setSpotlight(doc: Y.Doc, zone: ZoneId | null): void {
	if (zone === null) facilitationOf(doc).delete(SPOTLIGHT_KEY)
	else facilitationOf(doc).set(SPOTLIGHT_KEY, zone)
}

export function readSpotlight(doc: Y.Doc): ZoneId | null {
	const value = facilitationOf(doc).get(SPOTLIGHT_KEY)
	return isZoneId(value) ? value : null
}

// Lock

export function setBoardLocked(doc: Y.Doc, locked: boolean): void {
	facilitationOf(doc).set(LOCKED_KEY, locked)
}

/** Only a literal `true` locks: a malformed value must not shut everyone out. */
export function isBoardLocked(doc: Y.Doc): boolean {
	return facilitationOf(doc).get(LOCKED_KEY) === true
}

// Private round: participants write notes unseen by others until the facilitator reveals them.

export function startPrivateRound(doc: Y.Doc, id: string): void {
	const round: PrivateRound = { id, revealed: false, revealedZones: [] }
	facilitationOf(doc).set(PRIVATE_ROUND_KEY, round)
}

/** Reveals the running round; without one there is nothing to reveal. */
export function revealPrivateRound(doc: Y.Doc): void {
	const round = readPrivateRound(doc)
	if (round !== null) facilitationOf(doc).set(PRIVATE_ROUND_KEY, { ...round, revealed: true })
}

/**
 * Reveals one zone's notes of the running round. Revealing the last hidden zone reveals the round,
 * so that clients which know only `revealed` (older ones) show the notes as well.
 */
export function revealPrivateRoundZone(doc: Y.Doc, zone: ZoneId): void {
	const round = readPrivateRound(doc)
	if (round === null || round.revealed) return
	const revealedZones = ZONE_IDS.filter((candidate) => candidate === zone || round.revealedZones.includes(candidate))
	const revealed = revealedZones.length === ZONE_IDS.length
	facilitationOf(doc).set(PRIVATE_ROUND_KEY, { ...round, revealed, revealedZones })
}

export function endPrivateRound(doc: Y.Doc): void {
	facilitationOf(doc).delete(PRIVATE_ROUND_KEY)
}

export function readPrivateRound(doc: Y.Doc): PrivateRound | null {
	const value = recordOf(facilitationOf(doc).get(PRIVATE_ROUND_KEY))
	if (value === null || !isNonEmptyString(value.id) || typeof value.revealed !== 'boolean') return null
	// Rounds written before zones could be revealed one by one have no `revealedZones`; unknown zones and repeats drop out.
	const stored: unknown[] = Array.isArray(value.revealedZones) ? value.revealedZones : []
	return { id: value.id, revealed: value.revealed, revealedZones: ZONE_IDS.filter((zone) => stored.includes(zone)) }
}

// Dot voting

/**
 * Opens a voting round, on every note or on one zone's notes; the dots are rounded and clamped to
 * 1..20, a non-number gives the minimum. A round still running is closed first, so that its results
 * become the last vote instead of vanishing.
 */
export function startVoting(doc: Y.Doc, id: string, dots: number, zone: ZoneId | null = null, now: number = Date.now()): void {
	const round: VotingRound = { id, dotsPerPerson: clampDots(dots), zone, phase: 'open' }
	doc.transact(() => {
		closeVoting(doc, now)
		facilitationOf(doc).set(VOTING_KEY, round)
	})
}

export function revealVoting(doc: Y.Doc): void {
	const round = readVoting(doc)
	if (round !== null) facilitationOf(doc).set(VOTING_KEY, { ...round, phase: 'revealed' })
}

/** Ends the round and keeps it as the last vote, replacing the one before. */
export function closeVoting(doc: Y.Doc, now: number = Date.now()): void {
	const round = readVoting(doc)
	doc.transact(() => {
		if (round !== null) {
			const closed: ClosedVotingRound = { id: round.id, dotsPerPerson: round.dotsPerPerson, zone: round.zone, closedAt: now }
			facilitationOf(doc).set(LAST_VOTING_KEY, closed)
		}
		facilitationOf(doc).delete(VOTING_KEY)
	})
}

export function readVoting(doc: Y.Doc): VotingRound | null {
	const value = recordOf(facilitationOf(doc).get(VOTING_KEY))
	if (value === null) return null
	const rules = readRoundRules(value)
	if (rules === null || (value.phase !== 'open' && value.phase !== 'revealed')) return null
	return { ...rules, phase: value.phase }
}

export function readLastVoting(doc: Y.Doc): ClosedVotingRound | null {
	const value = recordOf(facilitationOf(doc).get(LAST_VOTING_KEY))
	if (value === null) return null
	const rules = readRoundRules(value)
	if (rules === null || !isFiniteNumber(value.closedAt)) return null
	return { ...rules, closedAt: value.closedAt }
}

/** What a running and a closed round share. */
function readRoundRules(value: Record<string, unknown>): Omit<VotingRound, 'phase'> | null {
	const { id, dotsPerPerson } = value
	// Rounds written before rounds could be limited to a zone have no `zone`: they count every note.
	const zone = value.zone ?? null
	if (!isNonEmptyString(id) || !isDotBudget(dotsPerPerson) || !(zone === null || isZoneId(zone))) return null
	return { id, dotsPerPerson, zone }
}

// Summon and follow

/** Brings everyone to the bounds; a fresh id each time, so clients react once per summon, even to the same place. */
export function summonTo(doc: Y.Doc, bounds: Bounds, id: string = newSummonId(doc)): void {
	const summon: Summon = { id, bounds: { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h } }
	facilitationOf(doc).set(SUMMON_KEY, summon)
}

export function clearSummon(doc: Y.Doc): void {
	facilitationOf(doc).delete(SUMMON_KEY)
}

export function readSummon(doc: Y.Doc): Summon | null {
	const value = recordOf(facilitationOf(doc).get(SUMMON_KEY))
	if (value === null || !isNonEmptyString(value.id)) return null
	const bounds = recordOf(value.bounds)
	if (bounds === null) return null
	const { x, y, w, h } = bounds
	if (!isFiniteNumber(x) || !isFiniteNumber(y) || !isFiniteNumber(w) || !isFiniteNumber(h) || w < 0 || h < 0) return null
	return { id: value.id, bounds: { x, y, w, h } }
}

export function setFollowMe(doc: Y.Doc, userId: string | null): void {
	if (userId === null) facilitationOf(doc).delete(FOLLOW_KEY)
	else facilitationOf(doc).set(FOLLOW_KEY, { userId })
}

export function readFollowMe(doc: Y.Doc): FollowMe | null {
	const value = recordOf(facilitationOf(doc).get(FOLLOW_KEY))
	return value !== null && isNonEmptyString(value.userId) ? { userId: value.userId } : null
}

// Presenter mode: everyone's screen shows the step the facilitator presents, without panels.

export function startPresentation(doc: Y.Doc, id: string, step: PresentationStep = 'model'): void {
	facilitationOf(doc).set(PRESENTATION_KEY, { id, step } satisfies Presentation)
}

/** Moves the running presentation to a step; without one there is nothing to move. */
export function presentStep(doc: Y.Doc, step: PresentationStep): void {
	const presentation = readPresentation(doc)
	if (presentation !== null) facilitationOf(doc).set(PRESENTATION_KEY, { ...presentation, step })
}

export function stopPresentation(doc: Y.Doc): void {
	facilitationOf(doc).delete(PRESENTATION_KEY)
}

/** The facilitator's one control: starts a presentation (id) at the spotlit zone or the whole model, or ends the running one. */
export function togglePresentation(doc: Y.Doc, id: string): void {
	if (readPresentation(doc) === null) startPresentation(doc, id, readSpotlight(doc) ?? 'model')
	else stopPresentation(doc)
}

/** Steps the running presentation forward (+1) or back (-1) in the model's order. */
export function stepPresentation(doc: Y.Doc, direction: 1 | -1): void {
	const presentation = readPresentation(doc)
	if (presentation !== null) presentStep(doc, stepBeside(presentation.step, direction))
}

export function readPresentation(doc: Y.Doc): Presentation | null {
	const value = recordOf(facilitationOf(doc).get(PRESENTATION_KEY))
	if (value === null || !isNonEmptyString(value.id) || !isPresentationStep(value.step)) return null
	return { id: value.id, step: value.step }
}

// Validation

function recordOf(value: unknown): Record<string, unknown> | null {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
}

function isStageStatus(value: unknown): value is StageStatus {
	return typeof value === 'string' && (STAGE_STATUSES as readonly string[]).includes(value)
}

function isZoneId(value: unknown): value is ZoneId {
	return typeof value === 'string' && (ZONE_IDS as readonly string[]).includes(value)
}

function isFiniteNumber(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value)
}

function isNonEmptyString(value: unknown): value is string {
	return typeof value === 'string' && value.length > 0
}

function isDotBudget(value: unknown): value is number {
	return Number.isInteger(value) && (value as number) >= MIN_DOTS_PER_PERSON && (value as number) <= MAX_DOTS_PER_PERSON
}

function clampDots(dots: number): number {
	if (!Number.isFinite(dots)) return MIN_DOTS_PER_PERSON
	return Math.min(MAX_DOTS_PER_PERSON, Math.max(MIN_DOTS_PER_PERSON, Math.round(dots)))
}

/** Unique enough across clients without crypto.randomUUID, which browsers withhold on plain-http LAN hosts. */
function newSummonId(doc: Y.Doc): string {
	return `${doc.clientID.toString(36)}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}
