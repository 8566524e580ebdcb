import { DefaultColorStyle } from 'tldraw'
import { describe, expect, it } from 'vitest'
import type { RecordValues } from '../../server/policy/recordContent'
import { TLDRAW_COLOURS } from '../../server/policy/tldrawColours'
import { NewMap, OtherContent, type Effect } from '../../server/policy/updateEffects'
import { boardRefusal, privateRefusal, supportRefusal, type BoardFacts, type SupportFacts } from '../../server/policy/writePolicy'
import type { VotingRound } from '../../shared/facilitationDoc'
import { MODEL_CENTRE_RECORD_ID, stageZoneRecordId, STAGE_ZONE_TYPE, templateZones } from '../../shared/model/zoneRecords'
import type { Role } from '../../shared/roles'
import type { RefusalCode } from '../../shared/wire/refusals'
import { noteRecord } from '../helpers/noteRecord'

const ZONE = stageZoneRecordId(3)
const UPLOAD = `/uploads/${'ab'.repeat(32)}.png`
const annasMeta = { authorName: 'Anna', department: 'IT', createdAt: '2026-01-05T10:00:00.000Z', authorId: 'anna' }
const annasNote: RecordValues = { ...noteRecord({ id: 'shape:annas', x: 0, y: 0 }), meta: annasMeta }
const zone: RecordValues = { ...noteRecord({ id: ZONE, x: -1600, y: -1600 }), type: STAGE_ZONE_TYPE, isLocked: true, props: { stage: 3 } }
const image: RecordValues = { id: 'asset:img', typeName: 'asset', type: 'image', props: { src: UPLOAD, w: 10, h: 10 }, meta: {} }

const board: BoardFacts = { recordBefore: (id) => ({ [ZONE]: zone, 'shape:annas': annasNote, 'asset:img': image })[id] ?? null }
const bramsMeta = { authorName: 'Bram', department: 'Sales', createdAt: '2026-01-05T10:05:00.000Z', authorId: 'bram', privateRound: 'round-1' }
const bramsPrivateNote: RecordValues = { ...noteRecord({ id: 'shape:brams-private', x: 0, y: 0, paragraphs: ['mine'] }), meta: bramsMeta }
/** Bram's private document, holding one note of his. */
const bramsNotes: BoardFacts = { recordBefore: (id) => (id === bramsPrivateNote.id ? bramsPrivateNote : null) }
/** A zone missing from the board, as ensureModelTemplate draws it. */
const templateStage = (stage: 1 | 2, overrides: RecordValues = {}): RecordValues => {
	const { id, type, x, y, props } = templateZones()[stage - 1]!
	return { ...noteRecord({ id, x, y }), type, isLocked: true, props, ...overrides }
}
const openRound: VotingRound = { id: 'round-1', dotsPerPerson: 3, zone: null, phase: 'open' }
const support = (round: VotingRound | null): SupportFacts => ({ openVotingRound: () => round })

const newRecord = (record: RecordValues) => Object.assign(new NewMap(), { entries: Object.entries(record) })
const set = (root: string, key: string, value: unknown): Effect => ({ kind: 'set', root, key, value })
const setProperty = (key: string, property: string, value: unknown): Effect => ({ kind: 'set', root: 'records', key, property, value })
const created = (record: RecordValues) => set('records', record.id as string, newRecord(record))
const deleted = (root: string, key: string): Effect => ({ kind: 'delete', root, key })
const brams = (overrides: RecordValues = {}) => ({ ...noteRecord({ id: 'shape:brams', x: 5, y: 5 }), ...overrides })
const endorsement = { name: 'Bram', department: 'Sales', at: '2026-01-05T10:00:00.000Z' }

/** Bram is a participant, Fay the facilitator; both write under their own participant id. */
const writer = (role: Role) => ({ role, participantId: role === 'facilitator' ? 'fay' : 'bram' })

type Case = [what: string, role: Role, document: 'board' | 'support' | 'private', effect: Effect, expected: RefusalCode | null, round?: VotingRound | null]

const CASES: Case[] = [
	// the model
	['a participant moves a zone', 'participant', 'board', setProperty(ZONE, 'x', 0), 'model-facilitator-only'],
	['a participant unlocks a zone', 'participant', 'board', setProperty(ZONE, 'isLocked', false), 'model-facilitator-only'],
	['a participant deletes a zone', 'participant', 'board', deleted('records', ZONE), 'model-facilitator-only'],
	['a participant deletes the centre, even before it exists', 'participant', 'board', deleted('records', MODEL_CENTRE_RECORD_ID), 'model-facilitator-only'],
	['a participant creates a zone under another id', 'participant', 'board', created({ ...zone, id: 'shape:fake-zone' }), 'model-facilitator-only'],
	['a participant replaces a zone with a note', 'participant', 'board', created({ ...brams(), id: ZONE }), 'model-facilitator-only'],
	['a participant draws a missing zone exactly as the template has it', 'participant', 'board', created(templateStage(1)), null],
	[
		'a participant draws a missing zone ten times its size',
		'participant',
		'board',
		created(templateStage(2, { props: { stage: 2, innerRadius: 440, outerRadius: 16000 } })),
		'model-facilitator-only',
	],
	['a participant draws a missing zone unlocked', 'participant', 'board', created(templateStage(2, { isLocked: false })), 'model-facilitator-only'],
	['the facilitator moves a zone', 'facilitator', 'board', setProperty(ZONE, 'x', 0), null],
	['the facilitator draws a zone under its own id', 'facilitator', 'board', created(zone), null],
	['a participant changes the title', 'participant', 'board', set('settings', 'title', 'Ours now'), 'model-facilitator-only'],
	['a participant rewrites a prompt', 'participant', 'board', set('promptOverrides', 'stage-1.en', ['Buy crypto']), 'model-facilitator-only'],
	['a participant removes a department', 'participant', 'board', { kind: 'remove', root: 'departments', count: 1 }, 'model-facilitator-only'],
	[
		'a participant inserts a department before others',
		'participant',
		'board',
		{ kind: 'insert', root: 'departments', values: ['Legal'], atEnd: false },
		'model-facilitator-only',
	],
	['a participant appends a department', 'participant', 'board', { kind: 'insert', root: 'departments', values: ['Legal'], atEnd: true }, null],
	[
		'a participant appends what is no department name',
		'participant',
		'board',
		{ kind: 'insert', root: 'departments', values: [' x'.repeat(30)], atEnd: true },
		'malformed',
	],
	['the facilitator changes the title', 'facilitator', 'board', set('settings', 'title', 'Q3 social'), null],
	['the facilitator rewrites a prompt', 'facilitator', 'board', set('promptOverrides', 'stage-1.nl', ['Waarom?']), null],
	['the facilitator removes departments', 'facilitator', 'board', { kind: 'remove', root: 'departments', count: 2 }, null],
	// notes
	["a participant moves someone else's note", 'participant', 'board', setProperty('shape:annas', 'x', 99), null],
	["a participant deletes someone else's note", 'participant', 'board', deleted('records', 'shape:annas'), null],
	[
		'a participant creates a note of their own',
		'participant',
		'board',
		created(brams({ meta: { ...annasMeta, authorName: 'Bram', authorId: 'bram' } })),
		null,
	],
	['a participant creates a note without an author id', 'participant', 'board', created(brams({ meta: { authorName: 'Bram' } })), null],
	["a participant creates a note in someone else's name", 'participant', 'board', created(brams({ meta: annasMeta })), 'authorship'],
	["a participant changes a note's author", 'participant', 'board', setProperty('shape:annas', 'meta', { ...annasMeta, authorName: 'Bram' }), 'authorship'],
	["a participant changes a note's department", 'participant', 'board', setProperty('shape:annas', 'meta', { ...annasMeta, department: 'HR' }), 'authorship'],
	[
		"a participant removes a note's authorship",
		'participant',
		'board',
		{ kind: 'delete', root: 'records', key: 'shape:annas', property: 'meta' },
		'authorship',
	],
	["the facilitator changes a note's author id", 'facilitator', 'board', setProperty('shape:annas', 'meta', { ...annasMeta, authorId: 'fay' }), 'authorship'],
	['a participant adds other meta to a note', 'participant', 'board', setProperty('shape:annas', 'meta', { ...annasMeta, privateRound: 'r1' }), null],
	// nothing leaves the origin
	['an asset from another host', 'participant', 'board', setProperty('asset:img', 'props', { src: 'https://evil.example/p.png' }), 'off-origin'],
	['an upload of ours', 'participant', 'board', created({ ...image, id: 'asset:two' }), null],
	['an inline image', 'participant', 'board', created({ ...image, id: 'asset:three', props: { src: 'data:image/png;base64,iVBORw0KGgo=' } }), null],
	['an asset without a source yet', 'participant', 'board', created({ ...image, id: 'asset:four', props: { src: null } }), null],
	[
		'a bookmark with a foreign preview',
		'participant',
		'board',
		created({ ...image, id: 'asset:b', type: 'bookmark', props: { src: 'https://x', image: 'https://evil.example/i.png' } }),
		'off-origin',
	],
	[
		'an embed shape',
		'participant',
		'board',
		created(brams({ type: 'embed', props: { url: 'https://www.youtube.com/watch?v=x', w: 1, h: 1 } })),
		'off-origin',
	],
	['the facilitator embeds another site', 'facilitator', 'board', created(brams({ type: 'embed', props: { url: 'https://example.org' } })), 'off-origin'],
	[
		'a colour that is CSS',
		'participant',
		'board',
		setProperty('shape:annas', 'props', { ...(annasNote.props as object), color: 'url(https://evil.example)' }),
		'off-origin',
	],
	['a label colour that is no tldraw colour', 'participant', 'board', created(brams({ props: { color: 'blue', labelColor: '#000' } })), 'off-origin'],
	[
		'a user record with a foreign avatar',
		'participant',
		'board',
		created({ id: 'user:bram', typeName: 'user', name: 'Bram', color: '#FF802B', imageUrl: 'https://evil.example/me.png', meta: {} }),
		'off-origin',
	],
	[
		'a user record as tldraw writes it',
		'participant',
		'board',
		created({ id: 'user:bram', typeName: 'user', name: 'Bram', color: '#FF802B', imageUrl: '', meta: {} }),
		null,
	],
	// what the board never writes
	['a record that is no map', 'participant', 'board', set('records', 'shape:x', 'a string'), 'malformed'],
	[
		'a record under another id than its own',
		'participant',
		'board',
		set('records', 'shape:other', newRecord(brams({ id: 'shape:model-stage-1' }))),
		'malformed',
	],
	['a shape turned into another type', 'participant', 'board', setProperty('shape:annas', 'type', 'geo'), 'malformed'],
	[
		'a presence record in the board',
		'participant',
		'board',
		created({ id: 'instance_presence:x', typeName: 'instance_presence', color: 'url(x)' }),
		'malformed',
	],
	['a shared type as a property', 'participant', 'board', setProperty('shape:annas', 'props', new NewMap()), 'malformed'],
	['text content as a property', 'participant', 'board', setProperty('shape:annas', 'props', new OtherContent('ContentString')), 'malformed'],
	['something inside a property', 'participant', 'board', { kind: 'deeper', root: 'records' }, 'malformed'],
	['a root no browser reads', 'participant', 'board', set('scribbles', 'k', 1), null],
	['the tldraw schema', 'participant', 'board', set('meta', 'tldrawSchema', { schemaVersion: 2 }), null],
	// a person's private document: their notes while a private round keeps them off the board
	['a participant writes a note of their own', 'participant', 'private', created(brams({ meta: bramsMeta })), null],
	['a participant writes a note without an author id', 'participant', 'private', created(brams({ meta: { authorName: 'Bram' } })), null],
	["a participant writes a note in someone else's name", 'participant', 'private', created(brams({ meta: annasMeta })), 'authorship'],
	['the facilitator writes a note of their own', 'facilitator', 'private', created(brams({ meta: { ...bramsMeta, authorId: 'fay' } })), null],
	["the facilitator writes a note in a participant's name", 'facilitator', 'private', created(brams({ meta: bramsMeta })), 'authorship'],
	['a participant moves a private note', 'participant', 'private', setProperty(bramsPrivateNote.id as string, 'x', 99), null],
	[
		'a participant rewrites a private note',
		'participant',
		'private',
		setProperty(bramsPrivateNote.id as string, 'props', noteRecord({ id: 'shape:any', x: 0, y: 0, paragraphs: ['better'] }).props),
		null,
	],
	[
		"a participant changes a private note's author",
		'participant',
		'private',
		setProperty(bramsPrivateNote.id as string, 'meta', { ...bramsMeta, authorName: 'Anna' }),
		'authorship',
	],
	[
		"a participant changes a private note's time",
		'participant',
		'private',
		setProperty(bramsPrivateNote.id as string, 'meta', { ...bramsMeta, createdAt: '2020-01-01T00:00:00.000Z' }),
		'authorship',
	],
	[
		"a participant removes a private note's authorship",
		'participant',
		'private',
		{ kind: 'delete', root: 'records', key: bramsPrivateNote.id as string, property: 'meta' },
		'authorship',
	],
	['a participant deletes a private note', 'participant', 'private', deleted('records', bramsPrivateNote.id as string), null],
	['a participant deletes a note not there', 'participant', 'private', deleted('records', 'shape:gone'), null],
	[
		'a geo shape in a private document',
		'participant',
		'private',
		created(brams({ type: 'geo', props: { geo: 'rectangle', w: 100, h: 100, color: 'blue' } })),
		'malformed',
	],
	['a private note turned into a geo shape', 'participant', 'private', setProperty(bramsPrivateNote.id as string, 'type', 'geo'), 'malformed'],
	['a zone in a private document', 'participant', 'private', created(zone), 'malformed'],
	['the facilitator draws a zone into a private document', 'facilitator', 'private', created(zone), 'malformed'],
	['a private note under a zone id', 'participant', 'private', created({ ...brams(), id: ZONE }), 'malformed'],
	["the facilitator's private note under a zone id", 'facilitator', 'private', created({ ...brams(), id: ZONE }), 'malformed'],
	[
		'a page in a private document',
		'participant',
		'private',
		created({ id: 'page:page', typeName: 'page', name: 'Page 1', index: 'a1', meta: {} }),
		'malformed',
	],
	['an upload of ours in a private document', 'participant', 'private', created({ ...image, id: 'asset:two' }), 'malformed'],
	[
		'a user record in a private document',
		'participant',
		'private',
		created({ id: 'user:bram', typeName: 'user', name: 'Bram', color: '#FF802B', imageUrl: '', meta: {} }),
		'malformed',
	],
	['an embed in a private document', 'participant', 'private', created(brams({ type: 'embed', props: { url: 'https://example.org' } })), 'malformed'],
	[
		'a private note with a colour that is CSS',
		'participant',
		'private',
		created(brams({ meta: bramsMeta, props: { ...(bramsPrivateNote.props as object), color: 'url(https://evil.example)' } })),
		'off-origin',
	],
	[
		'a private note with a label colour that is no tldraw colour',
		'participant',
		'private',
		setProperty(bramsPrivateNote.id as string, 'props', { ...(bramsPrivateNote.props as object), labelColor: '#000' }),
		'off-origin',
	],
	['a private record that is no map', 'participant', 'private', set('records', 'shape:x', 'a string'), 'malformed'],
	['a private note under another id than its own', 'participant', 'private', set('records', 'shape:other', newRecord(brams())), 'malformed'],
	['a shared type in a private note', 'participant', 'private', setProperty(bramsPrivateNote.id as string, 'props', new NewMap()), 'malformed'],
	['something inside a private note property', 'participant', 'private', { kind: 'deeper', root: 'records' }, 'malformed'],
	['the tldraw schema in a private document', 'participant', 'private', set('meta', 'tldrawSchema', { schemaVersion: 2 }), null],
	// support: one person, one voice
	['a participant endorses', 'participant', 'support', set('endorsements', 'shape:annas|bram', endorsement), null],
	['an endorsement under another id', 'participant', 'support', set('endorsements', 'shape:annas|anna', endorsement), 'not-your-entry'],
	['the facilitator endorses for someone', 'facilitator', 'support', set('endorsements', 'shape:annas|bram', endorsement), 'not-your-entry'],
	["deleting someone else's endorsement", 'participant', 'support', deleted('endorsements', 'shape:annas|anna'), 'not-your-entry'],
	['withdrawing your own endorsement', 'participant', 'support', deleted('endorsements', 'shape:annas|bram'), null],
	['a key that only ends like yours', 'participant', 'support', set('endorsements', '|bram', endorsement), 'not-your-entry'],
	['an endorsement with other fields', 'participant', 'support', set('endorsements', 'shape:annas|bram', { ...endorsement, weight: 1000 }), 'malformed'],
	[
		'an endorsement with a name of a book',
		'participant',
		'support',
		set('endorsements', 'shape:annas|bram', { ...endorsement, name: 'x'.repeat(101) }),
		'malformed',
	],
	['votes in the open round', 'participant', 'support', set('votes', 'round-1|bram', { 'shape:annas': 2, 'shape:b': 1 }), null],
	['votes over the budget', 'participant', 'support', set('votes', 'round-1|bram', { 'shape:annas': 4 }), 'over-dot-budget'],
	['fractional or negative dots', 'participant', 'support', set('votes', 'round-1|bram', { 'shape:annas': -1, 'shape:b': 2.5 }), 'malformed'],
	['votes in another round', 'participant', 'support', set('votes', 'round-0|bram', { 'shape:annas': 1 }), 'voting-closed'],
	['votes while no round is open', 'participant', 'support', set('votes', 'round-1|bram', { 'shape:annas': 1 }), 'voting-closed', null],
	["deleting someone else's dots", 'participant', 'support', deleted('votes', 'round-1|anna'), 'not-your-entry'],
	['taking your own dots back after the round', 'participant', 'support', deleted('votes', 'round-1|bram'), null, null],
	['a shared type inside an entry', 'participant', 'support', { kind: 'deeper', root: 'votes' }, 'malformed'],
	['a root no browser reads', 'participant', 'support', set('anything', 'k', 1), null],
	['own dots into the private document in the open round', 'participant', 'private', set('votes', 'round-1|bram', { 'shape:annas': 3 }), null],
	['dots over the budget into the private document', 'participant', 'private', set('votes', 'round-1|bram', { 'shape:annas': 4 }), 'over-dot-budget'],
	["someone else's dots into the private document", 'participant', 'private', set('votes', 'round-1|anna', { 'shape:annas': 1 }), 'not-your-entry'],
	['dots into the private document with no round open', 'participant', 'private', set('votes', 'round-1|bram', { 'shape:annas': 1 }), 'voting-closed', null],
]

describe('the write policy, per role, document and effect', () => {
	it.each(CASES)('%s (%s, %s document)', (_what, role, document, effect, expected, round = openRound) => {
		const refusal =
			document === 'board'
				? boardRefusal(writer(role), [effect], board)
				: document === 'private'
					? privateRefusal(writer(role), [effect], { ...bramsNotes, ...support(round) })
					: supportRefusal(writer(role), [effect], support(round))
		expect(refusal?.code ?? null).toBe(expected)
	})

	it('a connection whose role is not known yet may do what a participant may', () => {
		expect(boardRefusal({ role: null, participantId: 'bram' }, [setProperty(ZONE, 'x', 0)], board)?.code).toBe('model-facilitator-only')
		expect(boardRefusal({ role: null, participantId: 'bram' }, [setProperty('shape:annas', 'x', 0)], board)).toBeNull()
	})

	it('one refused effect refuses the whole update', () => {
		const effects = [setProperty('shape:annas', 'x', 1), setProperty(ZONE, 'x', 1)]
		expect(boardRefusal(writer('participant'), effects, board)?.code).toBe('model-facilitator-only')
		const privateEffects = [created(brams({ meta: bramsMeta })), created({ ...image, id: 'asset:two' })]
		expect(privateRefusal(writer('participant'), privateEffects.slice(0, 1), { ...bramsNotes, ...support(openRound) })).toBeNull()
		expect(privateRefusal(writer('participant'), privateEffects, { ...bramsNotes, ...support(openRound) })?.code).toBe('malformed')
	})

	it("a shape's colours are tldraw's own colour names", () => {
		expect([...TLDRAW_COLOURS].sort()).toEqual([...DefaultColorStyle.values].sort())
	})
})
