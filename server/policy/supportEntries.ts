/**
 * What one person's entries in the support document (shared/supportDoc.ts) may hold, as the
 * browser writes them: an endorsement `{ name, department, at }`, and per voting round the dots
 * on each note, `{ [noteId]: whole number > 0 }`.
 */

/** Well above the browser's own limits (40 characters for a name or a department, 24 for an ISO time). */
export const MAX_ENDORSEMENT_TEXT = 100
const ENDORSEMENT_FIELDS = ['name', 'department', 'at'] as const

/** Whether `key` is `<note or round id>|<participantId>`: the person's own entry. */
export function isOwnKey(key: string, participantId: string): boolean {
	return key.length > participantId.length + 1 && key.endsWith(`|${participantId}`)
}

export function endorsementProblem(value: unknown): string | null {
	if (!isPlainObject(value)) return 'an endorsement must be an object'
	const extra = Object.keys(value).find((field) => !(ENDORSEMENT_FIELDS as readonly string[]).includes(field))
	if (extra !== undefined) return `an endorsement holds only ${ENDORSEMENT_FIELDS.join(', ')}, not ${extra}`
	for (const field of ENDORSEMENT_FIELDS) {
		const text = value[field]
		if (typeof text !== 'string' || text.length > MAX_ENDORSEMENT_TEXT)
			return `an endorsement's ${field} must be text of at most ${MAX_ENDORSEMENT_TEXT} characters`
	}
	return null
}

/** The dots the votes spend, or why they are not votes. */
export function dotsSpent(value: unknown): { dots: number } | { problem: string } {
	if (!isPlainObject(value)) return { problem: 'votes must be an object of note ids and dots' }
	let dots = 0
	for (const [noteId, count] of Object.entries(value)) {
		if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) return { problem: `the dots on ${noteId} must be a whole number above 0` }
		dots += count
	}
	return { dots }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype
}
