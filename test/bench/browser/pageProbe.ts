/**
 * What the browser benchmark measures inside a page, the same way in the app and in the bare
 * tldraw page: an init script that notes when the page's DOM first holds all `expected` notes and
 * the longest task (PerformanceObserver 'longtask'); the DevTools protocol's heap after a GC and
 * DOM node count; and panning the camera every animation frame, counting frames.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core'
import type { Editor } from 'tldraw'

export const NOTE_SELECTOR = '.tl-shape[data-shape-type="note"]'
/** A note with its text drawn: what counts as shown. */
export const NOTE_TEXT_SELECTOR = `${NOTE_SELECTOR} .tl-rich-text`

/** What the init script keeps on `window.__bench`. */
type PageProbe = { expected: number; notesShownAt: number | null; longestTaskMs: number; longTasks: number }

/**
 * In every document the context opens: polls once a frame until `expected` notes with their text are
 * in the DOM (tldraw keeps culled shapes in the DOM, hidden), and records when, in ms since navigation start.
 */
export async function installProbe(context: BrowserContext, expected: number, noteSelector = NOTE_TEXT_SELECTOR): Promise<void> {
	// tsx compiles with esbuild's keepNames, which wraps named functions in `__name(...)`; the
	// functions below and in pan() run in the page, which needs that helper too (a no-op will do).
	await context.addInitScript({ content: 'globalThis.__name = (target) => target' })
	await context.addInitScript(
		({ expected, noteSelector }) => {
			const probe: PageProbe = { expected, notesShownAt: null, longestTaskMs: 0, longTasks: 0 }
			;(window as unknown as { __bench: PageProbe }).__bench = probe
			try {
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries()) {
						probe.longTasks++
						probe.longestTaskMs = Math.max(probe.longestTaskMs, entry.duration)
					}
				}).observe({ type: 'longtask', buffered: true })
			} catch {
				// A frame without the Long Tasks API: the figure stays 0 there.
			}
			const poll = (now: number) => {
				if (document.querySelectorAll(noteSelector).length >= probe.expected) probe.notesShownAt = now
				else requestAnimationFrame(poll)
			}
			requestAnimationFrame(poll)
		},
		{ expected, noteSelector },
	)
}

/** Waits until the current document has shown all notes; returns ms since its navigation started. */
export async function notesShown(page: Page, timeoutMs: number, what: string): Promise<number> {
	try {
		await page.waitForFunction(() => (window as unknown as { __bench?: PageProbe }).__bench?.notesShownAt != null, undefined, {
			timeout: timeoutMs,
			polling: 200,
		})
	} catch (error) {
		const shown = await page
			.locator(NOTE_SELECTOR)
			.count()
			.catch(() => -1)
		throw new Error(`${what}: not all notes shown within ${timeoutMs / 1000} s (${shown} in the DOM)`, { cause: error })
	}
	return (await readProbe(page)).notesShownAt!
}

export const readProbe = (page: Page): Promise<PageProbe> => page.evaluate(() => (window as unknown as { __bench: PageProbe }).__bench)

/** Starts the longest-task figure afresh, e.g. before panning. */
export const resetLongestTask = (page: Page): Promise<void> =>
	page.evaluate(() => {
		const probe = (window as unknown as { __bench: PageProbe }).__bench
		probe.longestTaskMs = 0
		probe.longTasks = 0
	})

/** A DevTools session on the page with the Performance domain on (it counts from then on). */
export async function devtools(page: Page): Promise<CDPSession> {
	const session = await page.context().newCDPSession(page)
	await session.send('Performance.enable')
	return session
}

/** JS heap in use after a full GC, and the DOM node count, as Chrome's Performance domain reports them. */
export async function heapAndNodes(session: CDPSession): Promise<{ heapMb: number; nodes: number }> {
	await session.send('HeapProfiler.collectGarbage')
	const { metrics } = await session.send('Performance.getMetrics')
	const metric = (name: string) => {
		const found = metrics.find((each) => each.name === name)
		if (!found) throw new Error(`Performance.getMetrics gave no ${name}`)
		return found.value
	}
	return { heapMb: metric('JSHeapUsedSize') / (1024 * 1024), nodes: metric('Nodes') }
}

/** Per frame, from the Performance domain's counters: script, style and layout, and all the main thread's tasks (the rest of a task is mostly paint). */
export type FrameCost = { scriptMs: number; styleLayoutMs: number; taskMs: number }
export type PanResult = { fps: number; worstFrameMs: number; longestTaskMs: number; perFrame: FrameCost }

type Counter = 'ScriptDuration' | 'RecalcStyleDuration' | 'LayoutDuration' | 'TaskDuration'
/** The main thread's time so far per counter, in ms. */
async function counters(session: CDPSession): Promise<Record<Counter, number>> {
	const { metrics } = await session.send('Performance.getMetrics')
	const value = (name: Counter) => (metrics.find((each) => each.name === name)?.value ?? 0) * 1000
	return {
		ScriptDuration: value('ScriptDuration'),
		RecalcStyleDuration: value('RecalcStyleDuration'),
		LayoutDuration: value('LayoutDuration'),
		TaskDuration: value('TaskDuration'),
	}
}
export type PanView = { kind: 'current' } | { kind: 'centred'; x: number; y: number; zoom: number }

/**
 * Pans sideways, a sine of `amplitudePx` screen pixels and period 1 s, setting the camera once per
 * animation frame for `seconds`, from the current view or centred on a page point at a zoom.
 * `window.strategyBoard.editor` is the app's `?debug` handle; the bare page puts its editor there too.
 */
export async function pan(page: Page, session: CDPSession, view: PanView, seconds: number, amplitudePx = 300): Promise<PanResult> {
	await resetLongestTask(page)
	const before = await counters(session)
	const frames = await page.evaluate(
		({ view, seconds, amplitudePx }) => {
			const editor = (window as unknown as { strategyBoard?: { editor?: Editor } }).strategyBoard?.editor
			if (!editor) throw new Error('the page exposes no editor at window.strategyBoard.editor')
			if (view.kind === 'centred') {
				const { w, h } = editor.getViewportScreenBounds()
				editor.setCamera({ x: w / (2 * view.zoom) - view.x, y: h / (2 * view.zoom) - view.y, z: view.zoom })
			}
			const start = editor.getCamera()
			const amplitude = amplitudePx / start.z
			return new Promise<{ frames: number; elapsed: number; worst: number }>((resolve) => {
				let first: number | null = null
				let last = 0
				let frames = 0
				let worst = 0
				const step = (now: number) => {
					if (first === null) first = now
					else worst = Math.max(worst, now - last)
					last = now
					frames++
					const elapsed = now - first
					editor.setCamera({ x: start.x + amplitude * Math.sin((2 * Math.PI * elapsed) / 1000), y: start.y, z: start.z })
					if (elapsed < seconds * 1000) requestAnimationFrame(step)
					else {
						editor.setCamera(start)
						resolve({ frames, elapsed, worst })
					}
				}
				requestAnimationFrame(step)
			})
		},
		{ view, seconds, amplitudePx },
	)
	const after = await counters(session)
	const { longestTaskMs } = await readProbe(page)
	const perFrame = (...names: Counter[]) => names.reduce((sum, name) => sum + after[name] - before[name], 0) / frames.frames
	return {
		// Frames after the first, over the time from the first to the last.
		fps: ((frames.frames - 1) * 1000) / frames.elapsed,
		worstFrameMs: frames.worst,
		longestTaskMs,
		perFrame: { scriptMs: perFrame('ScriptDuration'), styleLayoutMs: perFrame('RecalcStyleDuration', 'LayoutDuration'), taskMs: perFrame('TaskDuration') },
	}
}
