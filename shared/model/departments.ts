/** Departments: the board's list, name rules, and the note colour each one gets. */
export const DEFAULT_DEPARTMENTS = ['Marketing', 'Communicatie', 'IT', 'Klantenservice', 'Sales', 'HR', 'Directie/Management', 'Financiën'] as const

export const MAX_DEPARTMENT_NAME_LENGTH = 40

export type DepartmentNameCheck = { ok: true; name: string } | { ok: false; problem: 'empty' | 'too-long' }

/** Trims the name and refuses empty, whitespace-only and over-long names. */
export function checkDepartmentName(raw: string): DepartmentNameCheck {
	const name = raw.trim().replace(/\s+/g, ' ')
	if (name.length === 0) return { ok: false, problem: 'empty' }
	if (name.length > MAX_DEPARTMENT_NAME_LENGTH) return { ok: false, problem: 'too-long' }
	return { ok: true, name }
}

/**
 * tldraw's named note colours, ordered so that neighbours in a board's department list differ
 * most; white is left out (it is the colour of notes without a department).
 */
export const DEPARTMENT_COLOURS = [
	'blue',
	'orange',
	'green',
	'violet',
	'red',
	'light-blue',
	'yellow',
	'light-green',
	'light-violet',
	'light-red',
	'grey',
	'black',
] as const

export type DepartmentColour = (typeof DEPARTMENT_COLOURS)[number] | 'white'

export const UNKNOWN_DEPARTMENT_COLOUR: DepartmentColour = 'white'

/**
 * The colour of a department on this board: by its place in the board's list, so the first twelve
 * are all different and every participant sees the same; a name not in the list (typed on an older
 * list, say) gets a colour from a hash of its name.
 */
export function departmentColour(departments: readonly string[], department: string | null): DepartmentColour {
	if (department === null) return UNKNOWN_DEPARTMENT_COLOUR
	const key = normaliseDepartment(department)
	const index = departments.findIndex((name) => normaliseDepartment(name) === key)
	const slot = index >= 0 ? index : hashOf(key)
	return DEPARTMENT_COLOURS[slot % DEPARTMENT_COLOURS.length]!
}

/** Department names compare case- and space-insensitively: "Klantenservice " is "klantenservice". */
export function normaliseDepartment(name: string): string {
	return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl')
}

/** A list without duplicates (by normalised name), keeping the first spelling. */
export function uniqueDepartments(names: readonly string[]): string[] {
	const seen = new Set<string>()
	return names.filter((name) => {
		const key = normaliseDepartment(name)
		if (key.length === 0 || seen.has(key)) return false
		seen.add(key)
		return true
	})
}

function hashOf(text: string): number {
	let hash = 0
	for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) >>> 0
	return hash
}
