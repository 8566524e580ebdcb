import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CENTRE_COLOURS, STAGE_COLOURS, UI_COLOURS } from '../../client/theme'
import { applyThemeProperties, themeProperties } from '../../client/themeProperties'

const stylesheet = readFileSync(new URL('../../client/styles.css', import.meta.url), 'utf8')
const properties = themeProperties()

/** The value of every declaration in the stylesheet, comments left out, with its line number. */
function declarationValues(css: string): { line: number; property: string; value: string }[] {
	const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
	return [...withoutComments.matchAll(/([-a-z]+)\s*:\s*([^;{}]+)(?=[;}])/gi)].map((match) => ({
		line: withoutComments.slice(0, match.index).split('\n').length,
		property: match[1],
		value: match[2].trim(),
	}))
}

// CSS's named colours; `transparent` and `currentColor` are not colours of their own and stay allowed.
const NAMED_COLOURS = new Set(
	(
		'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood cadetblue chartreuse chocolate ' +
		'coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen ' +
		'darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue ' +
		'dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew ' +
		'hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray ' +
		'lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen ' +
		'linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise ' +
		'mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod ' +
		'palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown ' +
		'salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato ' +
		'turquoise violet wheat white whitesmoke yellow yellowgreen'
	).split(' '),
)

describe('theme properties', () => {
	it('names every UI colour, stage colour and centre colour as a --sb- custom property', () => {
		expect(properties['--sb-ink']).toBe(UI_COLOURS.ink)
		expect(properties['--sb-ink-secondary']).toBe(UI_COLOURS.inkSecondary)
		expect(properties['--sb-stage-3-accent']).toBe(STAGE_COLOURS[3].accent)
		expect(properties['--sb-centre-fill']).toBe(CENTRE_COLOURS.fill)
		expect(Object.keys(properties)).toHaveLength(
			Object.keys(UI_COLOURS).length + 2 * Object.keys(STAGE_COLOURS).length + Object.keys(CENTRE_COLOURS).length,
		)
		for (const name of Object.keys(properties)) expect(name).toMatch(/^--sb-[a-z0-9]+(-[a-z0-9]+)*$/)
	})

	it('holds colours only: #rrggbb, or rgb() with an opacity', () => {
		for (const [name, colour] of Object.entries(properties)) {
			expect(colour, name).toMatch(/^(#[0-9a-f]{6}|rgb\(\d{1,3} \d{1,3} \d{1,3} \/ (0|1|0?\.\d+)\))$/)
		}
	})

	it('sets every property on the style it is given', () => {
		const set = new Map<string, string>()
		applyThemeProperties({ setProperty: (name: string, value: string | null) => void set.set(name, value ?? '') })
		expect(Object.fromEntries(set)).toEqual(properties)
	})
})

describe('styles.css', () => {
	const declarations = declarationValues(stylesheet)

	it('finds the declarations it checks', () => {
		expect(declarations.length).toBeGreaterThan(500)
		expect(declarations).toContainEqual(expect.objectContaining({ property: 'color', value: 'var(--sb-ink)' }))
	})

	it('writes no colour of its own: no hex, rgb(), hsl() or other colour function, and no named colour', () => {
		const problems = declarations
			.filter(({ value }) => {
				const words = value.match(/(?<![\w-])[a-z]+(?![\w-])/gi) ?? []
				return (
					/#[0-9a-f]{3,8}\b/i.test(value) ||
					/\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix|light-dark)\(/i.test(value) ||
					words.some((word) => NAMED_COLOURS.has(word.toLowerCase()))
				)
			})
			.map(({ line, property, value }) => `line ${line}: ${property}: ${value}`)
		expect(problems, 'colours belong in client/theme.ts; use var(--sb-…)').toEqual([])
	})

	it('uses only --sb- properties the theme defines, and none with a fallback', () => {
		const used = [...stylesheet.matchAll(/var\(\s*(--sb-[\w-]*)\s*([,)])/g)]
		expect(used.length).toBeGreaterThan(100)
		expect(used.filter(([, name]) => !(name in properties)).map(([, name]) => name)).toEqual([])
		expect(used.filter(([, , after]) => after === ',').map(([, name]) => name)).toEqual([])
	})
})
