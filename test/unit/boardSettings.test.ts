import { describe, it, expect } from 'vitest'
import * as Y from 'yjs'
import {
	MAX_PROMPT_LENGTH,
	MAX_TITLE_LENGTH,
	addDepartment,
	observeBoardSettings,
	readBoardSettings,
	removeDepartment,
	setBoardTitle,
	setPromptOverride,
	type BoardSettings,
} from '../../shared/boardSettings'
import { DEFAULT_DEPARTMENTS } from '../../shared/model/departments'

/** Sends each doc's full state to the other, as a relay would. */
function exchange(a: Y.Doc, b: Y.Doc) {
	const fromA = Y.encodeStateAsUpdate(a)
	const fromB = Y.encodeStateAsUpdate(b)
	Y.applyUpdate(a, fromB)
	Y.applyUpdate(b, fromA)
}

describe('readBoardSettings', () => {
	it('gives the default departments, an empty title and no prompt overrides on a fresh doc', () => {
		expect(readBoardSettings(new Y.Doc())).toEqual({ title: '', departments: [...DEFAULT_DEPARTMENTS], promptOverrides: {} })
	})

	it('does not write to a fresh doc', () => {
		const doc = new Y.Doc()
		readBoardSettings(doc)
		expect(doc.getArray('departments').length).toBe(0)
		expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(new Y.Doc()))
	})

	it('ignores values of the wrong type written by someone else', () => {
		const doc = new Y.Doc()
		doc.getMap('settings').set('title', 42)
		doc.getArray<unknown>('departments').push(['Sales', 7, 'sales', 'IT'])
		doc.getMap<unknown>('promptOverrides').set('stage-1.en', ['Why?', 3])
		doc.getMap<unknown>('promptOverrides').set('stage-2.en', 'not a list')
		expect(readBoardSettings(doc)).toEqual({ title: '', departments: ['Sales', 'IT'], promptOverrides: { 'stage-1.en': ['Why?'] } })
	})
})

describe('addDepartment and removeDepartment', () => {
	it('adding a department keeps the defaults and appends the new one', () => {
		const doc = new Y.Doc()
		addDepartment(doc, 'Legal')
		expect(readBoardSettings(doc).departments).toEqual([...DEFAULT_DEPARTMENTS, 'Legal'])
		expect(doc.getArray('departments').toArray()).toEqual([...DEFAULT_DEPARTMENTS, 'Legal'])
	})

	it('adding a name already in the list, in another case or spacing, changes nothing', () => {
		const doc = new Y.Doc()
		addDepartment(doc, 'Legal')
		const before = Y.encodeStateAsUpdate(doc)
		addDepartment(doc, 'LEGAL')
		addDepartment(doc, 'marketing')
		addDepartment(doc, ' Legal ')
		expect(readBoardSettings(doc).departments).toEqual([...DEFAULT_DEPARTMENTS, 'Legal'])
		expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
	})

	it('removing a default department on a fresh board keeps the other defaults', () => {
		const doc = new Y.Doc()
		removeDepartment(doc, 'HR')
		expect(readBoardSettings(doc).departments).toEqual(DEFAULT_DEPARTMENTS.filter((name) => name !== 'HR'))
	})

	it('removing an added department takes it out of the list', () => {
		const doc = new Y.Doc()
		addDepartment(doc, 'Legal')
		addDepartment(doc, 'R&D')
		removeDepartment(doc, 'Legal')
		expect(readBoardSettings(doc).departments).toEqual([...DEFAULT_DEPARTMENTS, 'R&D'])
	})

	it('removing a name that is not in the list changes no department', () => {
		const doc = new Y.Doc()
		addDepartment(doc, 'Legal')
		removeDepartment(doc, 'Nobody')
		expect(readBoardSettings(doc).departments).toEqual([...DEFAULT_DEPARTMENTS, 'Legal'])
	})

	it('a removed department can be added again', () => {
		const doc = new Y.Doc()
		removeDepartment(doc, 'IT')
		addDepartment(doc, 'IT')
		expect(readBoardSettings(doc).departments).toEqual([...DEFAULT_DEPARTMENTS.filter((name) => name !== 'IT'), 'IT'])
	})

	it('two people adding different departments at the same time both get theirs, with the defaults once', () => {
		const a = new Y.Doc()
		const b = new Y.Doc()
		addDepartment(a, 'Legal')
		addDepartment(b, 'R&D')
		exchange(a, b)
		const settingsA = readBoardSettings(a)
		const settingsB = readBoardSettings(b)
		expect(settingsA).toEqual(settingsB)
		expect(settingsA.departments.slice(0, DEFAULT_DEPARTMENTS.length)).toEqual([...DEFAULT_DEPARTMENTS])
		expect([...settingsA.departments.slice(DEFAULT_DEPARTMENTS.length)].sort()).toEqual(['Legal', 'R&D'])
		expect(new Set(settingsA.departments).size).toBe(settingsA.departments.length)
	})

	it('after a concurrent start, removing a default takes out every stored copy of it', () => {
		const a = new Y.Doc()
		const b = new Y.Doc()
		addDepartment(a, 'Legal')
		addDepartment(b, 'R&D')
		exchange(a, b)
		removeDepartment(a, 'Sales')
		exchange(a, b)
		expect(readBoardSettings(b).departments).not.toContain('Sales')
		expect(readBoardSettings(b).departments).toHaveLength(DEFAULT_DEPARTMENTS.length + 1)
	})
})

describe('setBoardTitle', () => {
	it('stores the trimmed title', () => {
		const doc = new Y.Doc()
		setBoardTitle(doc, '  Q3 social plan \n')
		expect(readBoardSettings(doc).title).toBe('Q3 social plan')
	})

	it('caps the title at MAX_TITLE_LENGTH characters', () => {
		const doc = new Y.Doc()
		setBoardTitle(doc, 'x'.repeat(MAX_TITLE_LENGTH + 50))
		expect(readBoardSettings(doc).title).toBe('x'.repeat(MAX_TITLE_LENGTH))
		setBoardTitle(doc, 'y'.repeat(MAX_TITLE_LENGTH))
		expect(readBoardSettings(doc).title).toBe('y'.repeat(MAX_TITLE_LENGTH))
	})

	it('reaches another doc through an update', () => {
		const a = new Y.Doc()
		const b = new Y.Doc()
		setBoardTitle(a, 'Shared')
		exchange(a, b)
		expect(readBoardSettings(b).title).toBe('Shared')
	})
})

describe('setPromptOverride', () => {
	it('stores the prompts trimmed, without blank lines, under zone and locale', () => {
		const doc = new Y.Doc()
		setPromptOverride(doc, 'stage-3', 'nl', ['  Waar zijn ze online? ', '', '   ', 'Wat delen ze?'])
		expect(readBoardSettings(doc).promptOverrides).toEqual({ 'stage-3.nl': ['Waar zijn ze online?', 'Wat delen ze?'] })
	})

	it('caps each prompt at MAX_PROMPT_LENGTH characters', () => {
		const doc = new Y.Doc()
		setPromptOverride(doc, 'centre', 'en', ['q'.repeat(MAX_PROMPT_LENGTH + 1)])
		expect(readBoardSettings(doc).promptOverrides['centre.en']).toEqual(['q'.repeat(MAX_PROMPT_LENGTH)])
	})

	it('keeps overrides for different zones and locales apart', () => {
		const doc = new Y.Doc()
		setPromptOverride(doc, 'stage-1', 'en', ['Why?'])
		setPromptOverride(doc, 'stage-1', 'nl', ['Waarom?'])
		setPromptOverride(doc, 'parking', 'en', ['Later'])
		expect(readBoardSettings(doc).promptOverrides).toEqual({ 'stage-1.en': ['Why?'], 'stage-1.nl': ['Waarom?'], 'parking.en': ['Later'] })
	})

	it.each([
		['null', null],
		['an empty list', []],
		['only blank lines', ['', '  ', '\t']],
	])('%s removes the override', (_label, prompts) => {
		const doc = new Y.Doc()
		setPromptOverride(doc, 'stage-1', 'en', ['Why?'])
		setPromptOverride(doc, 'stage-1', 'nl', ['Waarom?'])
		setPromptOverride(doc, 'stage-1', 'en', prompts)
		expect(readBoardSettings(doc).promptOverrides).toEqual({ 'stage-1.nl': ['Waarom?'] })
	})
})

describe('observeBoardSettings', () => {
	it('reports the new settings on every kind of change', () => {
		const doc = new Y.Doc()
		const seen: BoardSettings[] = []
		observeBoardSettings(doc, (settings) => seen.push(settings))
		setBoardTitle(doc, 'Plan')
		expect(seen.at(-1)!.title).toBe('Plan')
		addDepartment(doc, 'Legal')
		expect(seen.at(-1)!.departments).toContain('Legal')
		setPromptOverride(doc, 'stage-1', 'en', ['Why?'])
		expect(seen.at(-1)!.promptOverrides).toEqual({ 'stage-1.en': ['Why?'] })
		removeDepartment(doc, 'Legal')
		expect(seen.at(-1)!.departments).not.toContain('Legal')
		expect(seen).toHaveLength(4)
	})

	it('reports changes that arrive from another doc', () => {
		const local = new Y.Doc()
		const remote = new Y.Doc()
		let calls = 0
		observeBoardSettings(local, () => calls++)
		setBoardTitle(remote, 'From afar')
		Y.applyUpdate(local, Y.encodeStateAsUpdate(remote))
		expect(calls).toBe(1)
	})

	it('stops reporting after the returned function is called', () => {
		const doc = new Y.Doc()
		let calls = 0
		const stop = observeBoardSettings(doc, () => calls++)
		setBoardTitle(doc, 'One')
		expect(calls).toBe(1)
		stop()
		setBoardTitle(doc, 'Two')
		addDepartment(doc, 'Legal')
		setPromptOverride(doc, 'centre', 'nl', ['Wie?'])
		expect(calls).toBe(1)
	})
})
