import * as Y from 'yjs'
import { DEFAULT_DEPARTMENTS, normaliseDepartment, uniqueDepartments } from './model/departments.js'
import type { Locale } from './model/modelTexts.js'
import type { ZoneId } from './model/zones.js'

/**
 * Board settings, shared live through the Y.Doc beside the records: the title, the department
 * list, and prompts a facilitator rewrote. Plain values, readable on the server.
 */
export type BoardSettings = {
	title: string
	departments: string[]
	promptOverrides: Partial<Record<`${ZoneId}.${Locale}`, string[]>>
}

export const MAX_TITLE_LENGTH = 120
export const MAX_PROMPT_LENGTH = 200

const settingsOf = (doc: Y.Doc) => doc.getMap<unknown>('settings')
/** Departments are a Y.Array so two people adding one at the same time both get theirs in. */
const departmentsOf = (doc: Y.Doc) => doc.getArray<string>('departments')
const promptsOf = (doc: Y.Doc) => doc.getMap<string[]>('promptOverrides')

export function readBoardSettings(doc: Y.Doc): BoardSettings {
	const title = settingsOf(doc).get('title')
	const stored = departmentsOf(doc)
		.toArray()
		.filter((name): name is string => typeof name === 'string')
	const promptOverrides: BoardSettings['promptOverrides'] = {}
	for (const [key, prompts] of promptsOf(doc)) {
		if (Array.isArray(prompts)) promptOverrides[key as keyof BoardSettings['promptOverrides']] = prompts.filter((p) => typeof p === 'string')
	}
	return {
		title: typeof title === 'string' ? title : '',
		departments: stored.length > 0 ? uniqueDepartments(stored) : [...DEFAULT_DEPARTMENTS],
		promptOverrides,
	}
}

export function observeBoardSettings(doc: Y.Doc, onChange: (settings: BoardSettings) => void): () => void {
	const notify = () => onChange(readBoardSettings(doc))
	const types = [settingsOf(doc), departmentsOf(doc), promptsOf(doc)] as Y.AbstractType<unknown>[]
	for (const type of types) type.observe(notify)
	return () => {
		for (const type of types) type.unobserve(notify)
	}
}

export function setBoardTitle(doc: Y.Doc, title: string): void {
	settingsOf(doc).set('title', clip(title, MAX_TITLE_LENGTH))
}

/**
 * Writes the default department list into a board that has none yet. Called when a board is
 * opened, so later edits to the list (a removal, say) never race a second copy of the defaults.
 */
export function ensureDepartmentList(doc: Y.Doc): void {
	if (departmentsOf(doc).length === 0) doc.transact(() => materialiseDepartments(doc))
}

/**
 * Adds a department (already checked with checkDepartmentName). The first change to the list
 * writes the defaults first, so a board keeps the list it started with even if the defaults change.
 */
export function addDepartment(doc: Y.Doc, name: string): void {
	doc.transact(() => {
		materialiseDepartments(doc)
		const current = readBoardSettings(doc).departments
		if (!uniqueDepartments([...current, name]).includes(name)) return
		departmentsOf(doc).push([name])
	})
}

/** Removes every spelling of the department ("Legal" and "legal" added at the same time, say). */
export function removeDepartment(doc: Y.Doc, name: string): void {
	const key = normaliseDepartment(name)
	doc.transact(() => {
		materialiseDepartments(doc)
		const list = departmentsOf(doc)
		for (let i = list.length - 1; i >= 0; i--) if (normaliseDepartment(list.get(i)) === key) list.delete(i, 1)
	})
}

export function setPromptOverride(doc: Y.Doc, zone: ZoneId, locale: Locale, prompts: string[] | null): void {
	const key = `${zone}.${locale}`
	const cleaned = prompts?.map((prompt) => clip(prompt, MAX_PROMPT_LENGTH)).filter((prompt) => prompt.length > 0)
	if (!cleaned || cleaned.length === 0) promptsOf(doc).delete(key)
	else promptsOf(doc).set(key, cleaned)
}

function materialiseDepartments(doc: Y.Doc) {
	const list = departmentsOf(doc)
	if (list.length === 0) list.push([...DEFAULT_DEPARTMENTS])
}

/** Trimmed and cut to `max` characters without splitting an emoji or leaving a trailing space. */
function clip(text: string, max: number): string {
	return [...text.trim()].slice(0, max).join('').trimEnd()
}
