/**
 * tldraw's colour style names (DefaultColorStyle in @tldraw/tlschema; a unit test keeps the two
 * equal). A shape's colour is one of these names, which tldraw turns into its own CSS; anything
 * else in the field (`url(...)`, say) would be free text drawn into every browser's page.
 */
export const TLDRAW_COLOURS: ReadonlySet<string> = new Set([
	'black',
	'grey',
	'light-violet',
	'violet',
	'blue',
	'light-blue',
	'yellow',
	'orange',
	'green',
	'light-green',
	'light-red',
	'red',
	'white',
])
