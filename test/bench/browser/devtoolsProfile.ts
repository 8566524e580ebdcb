/**
 * BENCH_BROWSER_PROFILE=1: a CPU profile (DevTools protocol) of each page's first load and of its
 * whole-model pan, saved for DevTools (test-artifacts/*.cpuprofile) and summed up here as the
 * functions with the most self time; and for the pan a trace of the main thread summed up by
 * event (script, style, layout, paint, layerize: the browser's work that a CPU profile shows as
 * "(program)"). The bare page is then built unminified; build the app's
 * client the same way first (`npx vite build --minify false`) for readable names there too.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CDPSession } from 'playwright-core'
import { ARTIFACTS_DIR } from '../../helpers/browser'

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

export const PROFILING = process.env.BENCH_BROWSER_PROFILE === '1'

type TraceEvent = { name: string; ph: string; dur?: number; pid: number; tid: number; args?: { name?: string } }

export async function startProfile(session: CDPSession, { trace }: { trace: boolean }): Promise<void> {
	if (trace) await session.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' })
	await session.send('Profiler.enable')
	await session.send('Profiler.setSamplingInterval', { interval: 500 })
	await session.send('Profiler.start')
}

/** Stops the profile, saves it as `<name>.cpuprofile` and prints the top functions by self time; the same for a trace if one was started. */
export async function stopProfile(session: CDPSession, name: string, { trace }: { trace: boolean }, top = 15): Promise<void> {
	const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: Profile }
	if (trace) printTrace(name, await stopTrace(session), top)
	mkdirSync(ARTIFACTS_DIR, { recursive: true })
	writeFileSync(join(ARTIFACTS_DIR, `${name}.cpuprofile`), JSON.stringify(profile))
	const byNode = new Map(profile.nodes.map((node) => [node.id, node]))
	const selfMs = new Map<string, number>()
	let totalMs = 0
	profile.samples.forEach((id, i) => {
		const ms = (profile.timeDeltas[i] ?? 0) / 1000
		const { functionName, url, lineNumber } = byNode.get(id)!.callFrame
		const key = `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}`
		selfMs.set(key, (selfMs.get(key) ?? 0) + ms)
		totalMs += ms
	})
	console.log(`\nprofile ${name}: ${totalMs.toFixed(0)} ms sampled, top self time:`)
	for (const [key, ms] of [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${key}`)
}

async function stopTrace(session: CDPSession): Promise<TraceEvent[]> {
	const events: TraceEvent[] = []
	const collect = ({ value }: { value: object[] }) => events.push(...(value as TraceEvent[]))
	session.on('Tracing.dataCollected', collect)
	const complete = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve))
	await session.send('Tracing.end')
	await complete
	session.off('Tracing.dataCollected', collect)
	return events
}

/** Complete events on the renderer's main thread, by name; nested events count in their parents too (RunTask holds all). */
function printTrace(name: string, events: TraceEvent[], top: number): void {
	const main = events.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
	const totals = new Map<string, number>()
	for (const event of events) {
		if (event.ph !== 'X' || !event.dur || event.pid !== main?.pid || event.tid !== main.tid) continue
		totals.set(event.name, (totals.get(event.name) ?? 0) + event.dur / 1000)
	}
	console.log(`\ntrace ${name}, main thread, ms by event (nested ones included in their parents):`)
	console.log(
		`  ${[...totals]
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([event, ms]) => `${event} ${ms.toFixed(0)}`)
			.join(' · ')}`,
	)
}
