/**
 * The bare tldraw page of the browser benchmark: built from bare/ with Vite's JS API into
 * dist/bench-bare/ (the project's own tldraw and @tldraw/assets, so fonts and icons come from the
 * page's own origin), and served from there by a tiny static server on loopback, beside JSON files
 * of records the page loads with `?records=`.
 */
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { build } from 'vite'

export const BARE_OUT_DIR = fileURLToPath(new URL('../../../dist/bench-bare', import.meta.url))
const BARE_ROOT = fileURLToPath(new URL('./bare', import.meta.url))

/** `minify: false` when profiling, for readable function names (as the app's client then). */
export async function buildBarePage({ minify }: { minify: boolean }): Promise<void> {
	await build({
		configFile: false,
		root: BARE_ROOT,
		base: './',
		logLevel: 'warn',
		plugins: [react()],
		// As vite.config.ts: the ?url imports in @tldraw/assets break Vite's dependency pre-bundling.
		optimizeDeps: { exclude: ['@tldraw/assets'] },
		build: { outDir: BARE_OUT_DIR, emptyOutDir: true, chunkSizeWarningLimit: 8192, minify },
	})
}

const CONTENT_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.ttf': 'font/ttf',
}

export type BareServer = { url: string; stop: () => Promise<void> }

/** Serves dist/bench-bare/ and, under /records/<name>.json, the given record lists. */
export async function serveBarePage(records: ReadonlyMap<string, unknown[]>): Promise<BareServer> {
	const bodies = new Map([...records].map(([name, list]) => [`/records/${name}.json`, JSON.stringify(list)]))
	const server = createServer((request, response) => {
		const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
		const body = bodies.get(pathname)
		if (body !== undefined) {
			response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
			response.end(body)
			return
		}
		const file = path.join(BARE_OUT_DIR, pathname === '/' ? 'index.html' : pathname)
		if (!file.startsWith(BARE_OUT_DIR + path.sep)) {
			response.writeHead(404).end()
			return
		}
		readFile(file).then(
			(content) => {
				// As the app's server (server/http/app.ts): static files for an hour, the page itself revalidated.
				const cache = pathname.startsWith('/assets/') ? 'public, max-age=3600' : 'public, max-age=0'
				response.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': cache })
				response.end(content)
			},
			() => response.writeHead(404).end(),
		)
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	const { port } = server.address() as AddressInfo
	return {
		url: `http://127.0.0.1:${port}`,
		stop: () =>
			new Promise((resolve) => {
				server.closeAllConnections()
				server.close(() => resolve())
			}),
	}
}
