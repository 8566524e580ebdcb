import { useState } from 'react'
import { clampWhole } from './clampWhole'

export type WholeNumber = {
	text: string
	setText: (text: string) => void
	min: number
	max: number
	/** The typed value clamped to min..max; the field then shows it as used. */
	take: () => number
}

/**
 * The text of a whole-number field: kept as typed (an empty field while retyping is fine) and only
 * clamped when the facilitator uses it.
 */
export function useWholeNumber(initial: number, min: number, max: number): WholeNumber {
	const [text, setText] = useState(String(initial))
	const take = () => {
		const whole = clampWhole(text, min, max)
		setText(String(whole))
		return whole
	}
	return { text, setText, min, max, take }
}

export function WholeNumberField({ field, label, testId }: { field: WholeNumber; label: string; testId: string }) {
	return (
		<input
			className="facilitation-tools__number"
			type="number"
			min={field.min}
			max={field.max}
			value={field.text}
			onChange={(event) => field.setText(event.target.value)}
			aria-label={label}
			title={label}
			data-testid={testId}
		/>
	)
}
