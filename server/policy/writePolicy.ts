import type { VotingRound } from '../../shared/facilitationDoc.js'
import { jsonEqual } from '../../shared/jsonEqual.js'
import { checkDepartmentName } from '../../shared/model/departments.js'
import { isTemplateZone, MODEL_CENTRE_RECORD_ID, MODEL_ZONE_TYPES, stageZoneRecordId } from '../../shared/model/zoneRecords.js'
import { STAGE_NUMBERS } from '../../shared/model/zones.js'
import type { Role } from '../../shared/roles.js'
import { ENDORSEMENTS_MAP, VOTES_MAP } from '../../shared/supportDoc.js'
import type { RefusalCode } from '../../shared/wire/refusals.js'
import { RECORDS_MAP } from '../../shared/docLayout.js'
import type { Refusal } from '../relay/Connection.js'
import { recordFormProblem, recordOriginProblem, type RecordValues } from './recordContent.js'
import { dotsSpent, endorsementProblem, isOwnKey } from './supportEntries.js'
import { NewMap, OtherContent, type Effect } from './updateEffects.js'

/**
 * What a connection may change inside a board's documents. The roles come first and per document
 * (RelayServer.ts: a viewer writes nothing, the facilitation document is the facilitator's, so is
 * a locked board); below that every effect of an update (updateEffects.ts) is judged by the rule
 * of the root it lands in, and one refused effect drops the whole update.
 *
 *   board document
 *     records          the model's zones: the facilitator only (create, change, delete); anyone
 *                        may draw a missing zone exactly as the template has it
 *                      notes: anyone; a new note's meta.authorId is the writer's own, and the
 *                        author, department and time of a note never change
 *                      every record: one map of plain values under its own id, of a synced
 *                        type, nothing loaded from another host, colours by name
 *     settings         the facilitator only (the title)
 *     promptOverrides  the facilitator only
 *     departments      the facilitator; a participant may only append department names
 *   support document   (facilitators too: one person, one voice)
 *     endorsements     only the writer's own entries (`<noteId>|<participantId>`), well-formed
 *     votes            only the writer's own, in the open voting round, within its dots
 *   facilitation document: the facilitator's whole (the role decides)
 *   private document   (one per person, its owner's until revealed: RelayServer lets only the
 *                        owner write it)
 *     records          notes only, as a note on the board must be, while a private round hides them
 *     votes            as in the support document, while the voting round is open
 *
 * Deleting one's own support entries is always allowed. Roots no rule names are read by no
 * browser, and are left alone.
 */
export type Writer = { readonly role: Role | null; readonly participantId: string }

export type BoardFacts = {
	/** The record as the document holds it before the update, or null. */
	recordBefore(id: string): RecordValues | null
}

export type SupportFacts = {
	/** The facilitation document's voting round while it is open; null otherwise, or when it cannot be read. */
	openVotingRound(): VotingRound | null
}

type KnownWriter = { role: Role; participantId: string }
type Rule<Facts> = (effect: Effect, writer: KnownWriter, facts: Facts) => Refusal | null

const MODEL_RECORD_IDS: ReadonlySet<string> = new Set([...STAGE_NUMBERS.map(stageZoneRecordId), MODEL_CENTRE_RECORD_ID])
/** What a note keeps of its author whoever edits it (shared/model/noteAuthorship.ts). */
const AUTHORSHIP_FIELDS = ['authorId', 'authorName', 'department', 'createdAt'] as const

const refuse = (code: RefusalCode, detail: string): Refusal => ({ code, detail })

const facilitatorOnly =
	(what: string): Rule<unknown> =>
	(_effect, { role }) =>
		role === 'facilitator' ? null : refuse('model-facilitator-only', `only the facilitator can change ${what}`)

const departments: Rule<unknown> = (effect, writer) => {
	if (writer.role === 'facilitator') return null
	if (effect.kind !== 'insert' || !effect.atEnd) return refuse('model-facilitator-only', 'only the facilitator can remove or reorder departments')
	const bad = effect.values.find((name) => !isDepartmentName(name))
	return bad === undefined ? null : refuse('malformed', `${JSON.stringify(bad)} is not a department name`)
}

/** As the join dialog writes one: already trimmed, of the allowed length. */
function isDepartmentName(value: unknown): boolean {
	if (typeof value !== 'string') return false
	const checked = checkDepartmentName(value)
	return checked.ok && checked.name === value
}

/** A record before and after an effect on the records map, or why the effect is no record change at all. */
type RecordEffect = { key: string; before: RecordValues | null; after: RecordValues | null }

function recordEffectOf(effect: Effect, facts: BoardFacts): RecordEffect | Refusal {
	if (effect.kind !== 'set' && effect.kind !== 'delete') return refuse('malformed', 'the board holds one map per record, with plain values')
	const { key } = effect
	const before = facts.recordBefore(key)
	if (effect.kind === 'delete') return { key, before, after: effect.property === undefined ? null : without(before, effect.property) }
	const { value } = effect
	if (effect.property === undefined) {
		if (!(value instanceof NewMap)) return refuse('malformed', `the record ${key} must be a map of its properties`)
		const properties = value.entries.map(([property]) => property)
		if (new Set(properties).size < properties.length) return refuse('malformed', `the record ${key} is given a property twice`)
		if (value.entries.some(([, each]) => !isPlainValue(each))) return refuse('malformed', `the properties of ${key} must be plain values`)
		return { key, before, after: Object.fromEntries(value.entries) }
	}
	if (!isPlainValue(value)) return refuse('malformed', `${key}.${effect.property} must be a plain value`)
	return { key, before, after: { ...before, [effect.property]: value } }
}

const records: Rule<BoardFacts> = (effect, writer, facts) => {
	const change = recordEffectOf(effect, facts)
	return 'code' in change ? change : recordChange(change.key, change.before, change.after, writer)
}

/** Private notes go onto the board as they are (server/relay/PrivateDocuments.ts), so they pass what a note on the board must. */
const privateNotes: Rule<BoardFacts> = (effect, writer, facts) => {
	const change = recordEffectOf(effect, facts)
	if ('code' in change) return change
	const { key, before, after } = change
	if (after !== null && (!isNote(after) || MODEL_RECORD_IDS.has(key))) return refuse('malformed', 'private notes hold notes only, under ids of their own')
	return recordChange(key, before, after, writer)
}

/** A record going from `before` to `after` (null: deleted), judged as a whole. */
function recordChange(key: string, before: RecordValues | null, after: RecordValues | null, writer: KnownWriter): Refusal | null {
	const drawsTheTemplate = before === null && after !== null && isTemplateZone(key, after)
	if (writer.role !== 'facilitator' && !drawsTheTemplate && (MODEL_RECORD_IDS.has(key) || isZone(before) || isZone(after))) {
		return refuse('model-facilitator-only', "only the facilitator can change the model's zones")
	}
	const form = after && recordFormProblem(key, before, after)
	if (form) return refuse('malformed', form)
	const origin = after && recordOriginProblem(after)
	if (origin) return refuse('off-origin', origin)
	return isNote(after) ? authorshipRefusal(isNote(before) ? before : null, after, writer) : null
}

function authorshipRefusal(before: RecordValues | null, after: RecordValues, writer: KnownWriter): Refusal | null {
	const [was, is] = [metaOf(before), metaOf(after)]
	if (before === null) {
		return is.authorId === undefined || is.authorId === writer.participantId
			? null
			: refuse('authorship', `a new note's meta.authorId must be your own id (${writer.participantId})`)
	}
	const changed = AUTHORSHIP_FIELDS.find((field) => !jsonEqual(was[field], is[field]))
	return changed === undefined ? null : refuse('authorship', `the ${changed} of a note cannot change`)
}

const endorsements: Rule<unknown> = (effect, writer) => {
	const refusal = ownEntryRefusal(effect, writer)
	if (refusal || effect.kind !== 'set') return refusal
	const problem = endorsementProblem(effect.value)
	return problem ? refuse('malformed', problem) : null
}

const votes: Rule<SupportFacts> = (effect, writer, facts) => {
	const refusal = ownEntryRefusal(effect, writer)
	if (refusal || effect.kind !== 'set') return refusal
	const { key, value } = effect
	const round = facts.openVotingRound()
	if (round === null || key !== `${round.id}|${writer.participantId}`) return refuse('voting-closed', 'dots can only be cast in the open voting round')
	const spent = dotsSpent(value)
	if ('problem' in spent) return refuse('malformed', spent.problem)
	return spent.dots <= round.dotsPerPerson ? null : refuse('over-dot-budget', `${spent.dots} dots are more than the ${round.dotsPerPerson} of this round`)
}

function ownEntryRefusal(effect: Effect, { participantId }: KnownWriter): Refusal | null {
	if ((effect.kind !== 'set' && effect.kind !== 'delete') || effect.property !== undefined) {
		return refuse('malformed', 'support entries are plain values under their own key')
	}
	return isOwnKey(effect.key, participantId) ? null : refuse('not-your-entry', `only entries ending in |${participantId} are yours to change`)
}

const BOARD_RULES = new Map<string, Rule<BoardFacts>>([
	[RECORDS_MAP, records],
	['settings', facilitatorOnly('the board settings')],
	['promptOverrides', facilitatorOnly("the model's prompts")],
	['departments', departments],
])

const SUPPORT_RULES = new Map<string, Rule<SupportFacts>>([
	[ENDORSEMENTS_MAP, endorsements],
	[VOTES_MAP, votes],
])

export const boardRefusal = (writer: Writer, effects: readonly Effect[], facts: BoardFacts) => firstRefusal(BOARD_RULES, writer, effects, facts)

const PRIVATE_RULES = new Map<string, Rule<BoardFacts & SupportFacts>>([
	[RECORDS_MAP, privateNotes],
	[VOTES_MAP, votes],
])

export const privateRefusal = (writer: Writer, effects: readonly Effect[], facts: BoardFacts & SupportFacts) =>
	firstRefusal(PRIVATE_RULES, writer, effects, facts)

export const supportRefusal = (writer: Writer, effects: readonly Effect[], facts: SupportFacts) => firstRefusal(SUPPORT_RULES, writer, effects, facts)

function firstRefusal<Facts>(rules: ReadonlyMap<string, Rule<Facts>>, writer: Writer, effects: readonly Effect[], facts: Facts): Refusal | null {
	// Viewers never get here (RelayServer's writeRefusal); a role not known is the least a writer may do.
	const known = { role: writer.role ?? 'participant', participantId: writer.participantId }
	for (const effect of effects) {
		const refusal = rules.get(effect.root)?.(effect, known, facts)
		if (refusal) return refusal
	}
	return null
}

const isPlainValue = (value: unknown) => !(value instanceof NewMap) && !(value instanceof OtherContent)

function without(record: RecordValues | null, property: string): RecordValues {
	const rest = { ...record }
	delete rest[property]
	return rest
}

const isZone = (record: RecordValues | null) => record?.typeName === 'shape' && MODEL_ZONE_TYPES.has(record.type as string)
const isNote = (record: RecordValues | null): record is RecordValues => record?.typeName === 'shape' && record.type === 'note'

function metaOf(record: RecordValues | null): Record<string, unknown> {
	const meta = record?.meta
	return typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>) : {}
}
