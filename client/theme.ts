import { DEFAULT_THEME } from 'tldraw'
import type { DepartmentColour } from '../shared/model/departments'
import type { StageNumber } from '../shared/model/zones'

/**
 * The one place for colours. Stage zones get a calm fill and a stronger accent each, in clockwise
 * order around the colour wheel so neighbours differ; departments use tldraw's note colours so a
 * note, its legend entry and its panel dot match exactly.
 */
export const STAGE_COLOURS: Record<StageNumber, { fill: string; accent: string }> = {
	1: { fill: '#fde8e4', accent: '#c2410c' },
	2: { fill: '#fdf0d8', accent: '#b45309' },
	3: { fill: '#f4f6d6', accent: '#4d7c0f' },
	4: { fill: '#dff3e6', accent: '#15803d' },
	5: { fill: '#d9f1f1', accent: '#0f766e' },
	6: { fill: '#dde9fb', accent: '#1d4ed8' },
	7: { fill: '#e8e2fa', accent: '#6d28d9' },
	8: { fill: '#f7e1f0', accent: '#a21caf' },
}

export const CENTRE_COLOURS = { fill: '#1e2a3b', text: '#ffffff', muted: '#c9d3e0', add: '#2f6fde' }

/** The fill of a note of this department, as tldraw draws it, and a text colour readable on it. */
export function departmentSwatch(colour: DepartmentColour): { fill: string; text: string } {
	const fill = DEFAULT_THEME.colors.light[colour].noteFill
	return { fill, text: isDark(fill) ? '#ffffff' : '#1d2433' }
}

function isDark(hex: string): boolean {
	const value = parseInt(hex.slice(1), 16)
	const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255]
	return 0.299 * r + 0.587 * g + 0.114 * b < 140
}

/**
 * Cursor and participant-list colours, one per person on a board while there are enough: twelve
 * hues far enough apart to tell apart on a projector (see participant/cursorColour.ts).
 */
export const PERSON_COLOURS = [
	'#e03131',
	'#1971c2',
	'#2f9e44',
	'#f08c00',
	'#9c36b5',
	'#0c8599',
	'#c2255c',
	'#5c940d',
	'#3b5bdb',
	'#d9480f',
	'#6741d9',
	'#495057',
] as const
