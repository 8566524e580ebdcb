/** A number field's text as a whole number within min..max; what is not a number becomes the minimum. */
export function clampWhole(text: string, min: number, max: number): number {
	const value = Math.round(Number(text))
	if (text.trim() === '' || !Number.isFinite(value)) return min
	return Math.min(max, Math.max(min, value))
}
