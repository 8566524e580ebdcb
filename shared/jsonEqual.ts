/** Structural equality of JSON values (records are JSON, so no Dates, Maps or cycles). */
export function jsonEqual(a: unknown, b: unknown): boolean {
	if (a === b) return true
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
	if (Array.isArray(a)) {
		if (!Array.isArray(b) || a.length !== b.length) return false
		return a.every((item, index) => jsonEqual(item, b[index]))
	}
	if (Array.isArray(b)) return false
	const aKeys = Object.keys(a)
	if (aKeys.length !== Object.keys(b).length) return false
	return aKeys.every((key) => Object.hasOwn(b, key) && jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
}
