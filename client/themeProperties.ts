import { CENTRE_COLOURS, STAGE_COLOURS, UI_COLOURS } from './theme'

/** A custom property of this theme, as styles.css reads it: var(--sb-ink-secondary). */
export type ThemeProperty = `--sb-${string}`

/**
 * The theme as CSS custom properties: every UI colour by its kebab-case name (inkSecondary is
 * --sb-ink-secondary), each stage's fill and accent (--sb-stage-3-fill) and the centre's colours
 * (--sb-centre-fill). Pure: no DOM, so it runs in Node too.
 */
export function themeProperties(): Record<ThemeProperty, string> {
	const properties: Record<ThemeProperty, string> = {}
	for (const [role, colour] of Object.entries(UI_COLOURS)) properties[`--sb-${kebabCase(role)}`] = colour
	for (const [stage, { fill, accent }] of Object.entries(STAGE_COLOURS)) {
		properties[`--sb-stage-${stage}-fill`] = fill
		properties[`--sb-stage-${stage}-accent`] = accent
	}
	for (const [role, colour] of Object.entries(CENTRE_COLOURS)) properties[`--sb-centre-${kebabCase(role)}`] = colour
	return properties
}

/** Sets the theme's custom properties on the page's root element; call it once, before React renders. */
export function applyThemeProperties(style: Pick<CSSStyleDeclaration, 'setProperty'> = document.documentElement.style): void {
	for (const [property, colour] of Object.entries(themeProperties())) style.setProperty(property, colour)
}

function kebabCase(camelCase: string): string {
	return camelCase.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
}
