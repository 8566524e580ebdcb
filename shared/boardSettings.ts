import * as Y from 'yjs'
import { DEFAULT_DEPARTMENTS, uniqueDepartments } from './model/departments.js'
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
	const stored = departmentsOf(doc).toArray().filter((name): name is string => typeof name === 'string')
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
	settingsOf(doc).set('title', title.trim().slice(0, MAX_TITLE_LENGTH))
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

export function removeDepartment(doc: Y.Doc, name: string): void {
	doc.transact(() => {
		materialiseDepartments(doc)
		const list = departmentsOf(doc)
		for (let i = list.length - 1; i >= 0; i--) if (list.get(i) === name) list.delete(i, 1)
	})
}

export function setPromptOverride(doc: Y.Doc, zone: ZoneId, locale: Locale, prompts: string[] | null): void {
	const key = `${zone}.${locale}`
	const cleaned = prompts?.map((prompt) => prompt.trim().slice(0, MAX_PROMPT_LENGTH)).filter((prompt) => prompt.length > 0)
	if (!cleaned || cleaned.length === 0) promptsOf(doc).delete(key)
	else promptsOf(doc).set(key, cleaned)
}

function materialiseDepartments(doc: Y.Doc) {
	const list = departmentsOf(doc)
	if (list.length === 0) list.push([...DEFAULT_DEPARTMENTS])
}
