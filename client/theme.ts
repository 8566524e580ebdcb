import { DEFAULT_THEME } from 'tldraw'
import type { DepartmentColour } from '../shared/model/departments'
import type { StageNumber } from '../shared/model/zones'

/**
 * The one place for colours. Stage zones get a calm fill and a stronger accent each, in clockwise
 * order around the colour wheel so neighbours differ; departments use tldraw's note colours so a
 * note, its legend entry and its panel dot match exactly. The board's own interface (UI_COLOURS)
 * reaches styles.css as `--sb-…` custom properties (themeProperties.ts), so no colour is written
 * there.
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

/** A colour of this theme at an opacity, as CSS text: withAlpha('#2f6fde', 0.92) is 'rgb(47 111 222 / 0.92)'. */
function withAlpha(hex: string, alpha: number): string {
	const value = parseInt(hex.slice(1), 16)
	return `rgb(${(value >> 16) & 255} ${(value >> 8) & 255} ${value & 255} / ${alpha})`
}

// The few colours only ever used see-through, and the accent, which is used both ways.
const ACCENT = '#2f6fde'
const SHADOW = '#000000'
const HINT_SHADOW = '#141e32'
const SCRIM = '#101828'
const LIGHT = '#ffffff'
const VEIL = '#f6f7fa'

/**
 * The board's own interface, named by role: styles.css reads each as `--sb-<kebab-case name>`
 * (inkSecondary is var(--sb-ink-secondary)). Roles that happen to share a colour keep a name each,
 * so one can change without the other.
 */
export const UI_COLOURS = {
	// Text
	ink: '#1d2433', // body text
	inkPrompt: '#3b4456', // a zone's prompt questions on the canvas
	inkSecondary: '#4a5468', // leads, summaries, legends, group headings
	inkCaption: '#5c6578', // a dialog's intro, the save status
	inkMuted: '#6b7487', // counts, tags, timestamps, close buttons
	inkAbsent: '#8a93a6', // people no longer on the board
	inkDisabled: '#a3abba',
	inkInverse: '#ffffff', // on the accent, dark surfaces and zone colours
	inkInverseMuted: '#c9d3e0', // secondary text on dark surfaces
	inkNotice: '#1e2a3b', // the light notice (overwritten text)

	// Surfaces
	surface: '#ffffff', // panels, cards, dialogs, buttons
	surfaceSidebar: '#fbfcfe',
	surfaceHover: '#eef2f9', // rows and buttons under the pointer
	surfaceChip: '#eef2f9', // the departments in the settings dialog
	surfaceSubtle: '#f1f3f7', // the buttons in a support badge; the participant list's hover
	surfaceSubtleHover: '#e2e8f3',
	surfaceTotals: '#f7f8fb', // a table's footer
	surfaceInverse: '#1e2a3b', // dark notices, the timer, editing tags
	zoneRing: '#ffffff', // the ring round a zone's '+' and the centre disc
	zoneStatusFill: withAlpha(LIGHT, 0.75),
	timerButton: withAlpha(LIGHT, 0.12),
	presenterBar: withAlpha(SCRIM, 0.85),
	presenterBarButton: withAlpha(LIGHT, 0.16),
	presenterBarRejoin: withAlpha(ACCENT, 0.92), // when I have left a running presentation
	backdrop: withAlpha(SCRIM, 0.45), // behind a dialog
	spotlightVeil: withAlpha(VEIL, 0.72), // over every zone but the spotlit one

	// Lines
	divider: '#e4e7ee', // between sections, table cells
	dividerFaint: '#eef0f5', // between items inside a section
	borderControl: '#d5dae4', // buttons and fields in panels and toolbars
	borderField: '#cfd5e1', // fields and buttons in dialogs
	borderQuote: '#d0d7e2', // the rule beside quoted text
	swatchOutline: withAlpha(SHADOW, 0.15),

	// Shadows
	shadowRaised: withAlpha(SHADOW, 0.15), // pills and small panels
	shadowToolbar: withAlpha(SHADOW, 0.18),
	shadowFloating: withAlpha(SHADOW, 0.2), // floating panels, the timer, a zone's '+'
	shadowBadge: withAlpha(SHADOW, 0.22),
	shadowOverlay: withAlpha(SHADOW, 0.25), // dialogs, notices, the presenter bar
	shadowHint: withAlpha(HINT_SHADOW, 0.18),

	// Accent and highlight
	accent: ACCENT, // primary buttons, links, pressed toggles
	highlightInk: '#1d4ed8', // endorsements, a tool's current state
	highlightFill: '#dbe8ff', // my endorsement
	highlightCell: '#eef4ff', // a filled cell of the draagvlak matrix

	// Votes, danger, warning, success
	vote: '#b42318', // dot votes
	danger: '#b42318', // problems, destructive buttons, the ended timer
	dangerFlash: '#f04438', // the ended timer's flash
	warning: '#f59e0b', // zones in discussion, text overwritten
	warningOnDark: '#fbbf24', // a warning in the centre's overview, on its dark disc
	warningFill: '#fff4e5',
	warningBorder: '#f0b35b',
	warningInk: '#7a4a00', // on warningFill
	warningTagInk: '#9a4d00', // the island tag, on warningFill
	discussionInk: '#b45309', // a zone's 'in discussion' status
	success: '#1f9d55', // live, present, agreed

	// Connection status (live is success)
	syncPending: '#e0a800', // connecting
	syncOffline: '#d64545',

	// Private round
	privateFill: '#efe9fd',
	privateBorder: '#b9a4f0',
	privateInk: '#4c1d95',
} satisfies Record<string, string>

export const CENTRE_COLOURS = { fill: '#1e2a3b', text: '#ffffff', muted: '#c9d3e0', add: '#2f6fde' }

/** The fill of a note of this department, as tldraw draws it, and a text colour readable on it. */
export function departmentSwatch(colour: DepartmentColour): { fill: string; text: string } {
	const fill = DEFAULT_THEME.colors.light[colour].noteFill
	return { fill, text: isDark(fill) ? UI_COLOURS.inkInverse : UI_COLOURS.ink }
}

function isDark(hex: string): boolean {
	const value = parseInt(hex.slice(1), 16)
	const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255]
	return 0.299 * r + 0.587 * g + 0.114 * b < 140
}

/**
 * Cursor and participant-list colours, one per person on a board while there are enough: twelve
 * hues far enough apart to tell apart on a projector (see canvas/cursorColour.ts).
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
