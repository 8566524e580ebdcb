import type { ReactElement } from 'react'

/** Drawn on a 16x16 grid in the text's colour. */
const GLYPHS = {
	endorse: (
		<>
			<rect x="1.5" y="7" width="3" height="7" rx="0.6" />
			<path d="M6 7.2 8.8 2.3c.6-1 2.3-.6 2.2.7L10.6 6h3c.9 0 1.5.8 1.3 1.6l-1.1 5.2c-.2.7-.8 1.2-1.5 1.2H6Z" />
		</>
	),
	lock: (
		<>
			<path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
			<rect x="3" y="7" width="10" height="7.5" rx="1.2" />
		</>
	),
	bell: (
		<>
			<path d="M8 1.8a4.2 4.2 0 0 0-4.2 4.2v3L2.3 11.6h11.4L12.2 9V6A4.2 4.2 0 0 0 8 1.8Z" />
			<circle cx="8" cy="13.4" r="1.4" />
		</>
	),
	bellOff: (
		<>
			<path d="M8 1.8a4.2 4.2 0 0 0-4.2 4.2v3L2.3 11.6h11.4L12.2 9V6A4.2 4.2 0 0 0 8 1.8Z" opacity="0.45" />
			<circle cx="8" cy="13.4" r="1.4" opacity="0.45" />
			<path d="M2 2l12 12" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
		</>
	),
} satisfies Record<string, ReactElement>

export type IconName = keyof typeof GLYPHS

/**
 * One of our symbols as inline SVG. Emoji depend on the viewer's fonts (a machine without an emoji
 * font shows empty boxes); these travel with the app. Decorative: the text or label beside it says
 * what it means.
 */
export function Icon({ name }: { name: IconName }) {
	return (
		<svg className="icon" viewBox="0 0 16 16" width="1em" height="1em" fill="currentColor" aria-hidden="true" data-icon={name}>
			{GLYPHS[name]}
		</svg>
	)
}
