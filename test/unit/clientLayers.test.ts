import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const CLIENT = resolve(__dirname, '../../client')

/**
 * The client's folders, top to bottom; a file imports only from its own layer or below. Pages and
 * features are each a set of siblings that do not import one another: what two of them share
 * belongs a layer down. The rest of client/ (i18n, ui, icons, theme) is the base.
 */
const LAYERS = ['app', 'pages', 'features', 'canvas', 'session', 'sync', 'base'] as const
const SIBLING_LAYERS = new Set(['pages', 'features'])

function placeOf(file: string): { layer: (typeof LAYERS)[number]; part: string | null } {
	const [top, part] = relative(CLIENT, file).split('/')
	if (top === 'main.tsx' || top === 'routes.ts') return { layer: 'app', part: null }
	const layer = LAYERS.find((each) => each === top) ?? 'base'
	return { layer, part: SIBLING_LAYERS.has(layer) ? (part ?? null) : null }
}

function sourceFiles(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name)
		if (entry.isDirectory()) return sourceFiles(path)
		return /\.tsx?$/.test(entry.name) ? [path] : []
	})
}

function clientImports(file: string): string[] {
	const specifiers = [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)].map((match) => match[1]!)
	return specifiers.map((specifier) => resolve(dirname(file), specifier)).filter((target) => target.startsWith(CLIENT + '/'))
}

describe('client folders', () => {
	it('depend one way: pages -> features -> canvas -> session -> sync -> base, no sibling page or feature importing another', () => {
		const wrongWay: string[] = []
		for (const file of sourceFiles(CLIENT)) {
			const from = placeOf(file)
			for (const target of clientImports(file)) {
				const to = placeOf(target)
				const upward = LAYERS.indexOf(to.layer) < LAYERS.indexOf(from.layer)
				const sideways = to.layer === from.layer && SIBLING_LAYERS.has(to.layer) && to.part !== from.part
				if (upward || sideways) wrongWay.push(`${relative(CLIENT, file)} -> ${relative(CLIENT, target)}`)
			}
		}
		expect(wrongWay).toEqual([])
	})

	it('hold no board state in module-level signals: it lives in the BoardSession', () => {
		const moduleAtoms = sourceFiles(CLIENT).flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(/^(?:export )?const \$?\w+ = (?:atom|computed)(?:<[^(]*>)?\(/gm)].map(
				(match) => `${relative(CLIENT, file)}: ${match[0]}`,
			),
		)
		// The language is the person's, on the landing page as on any board.
		expect(moduleAtoms).toEqual(['i18n/locale.ts: export const $locale = atom<Locale>('])
	})
})
