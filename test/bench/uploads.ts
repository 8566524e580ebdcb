/**
 * Upload memory benchmark: 8 concurrent 16 MiB uploads to the built server, which streams each
 * to disk, so its resident memory should grow by far less than what is in flight (goal: under
 * 64 MiB for the 128 MiB sent). Prints the server's RSS (from /proc) before, at its peak while
 * the uploads run, and after. Figures, not assertions: see README. Run by `npm run bench`.
 */
import { removeDataDir, startServer } from '../helpers/serverProcess'
import { createBoard, upload } from '../helpers/uploads'
import { rssMegabytes } from './processMemory'

const MiB = 1024 * 1024
const UPLOADS = 8
const UPLOAD_BYTES = 16 * MiB
const GOAL_MIB = 64
const SAMPLE_MS = 10
const SETTLE_MS = 1000

// The smallest valid PNG; the bytes after it only make the upload long (and each one different).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')
const bodies = Array.from({ length: UPLOADS }, (_, index) => Buffer.concat([PNG, Buffer.alloc(UPLOAD_BYTES - PNG.length, index + 1)]))
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// The rate limit is not what is measured here: this one address sends 128 MiB at once.
const server = await startServer({ env: { UPLOAD_BYTES_PER_MINUTE: String(1024 * MiB) } })
try {
	const pid = server.process.pid!
	const { boardId } = await createBoard(server.httpUrl)
	// One small upload first, so what the first request sets up once is not billed to the run.
	await upload(server.httpUrl, PNG, { boardId })
	await sleep(SETTLE_MS)
	const beforeMib = rssMegabytes(pid)
	let peakMib = beforeMib
	const sampler = setInterval(() => (peakMib = Math.max(peakMib, rssMegabytes(pid))), SAMPLE_MS)
	const started = performance.now()
	const statuses = await Promise.all(bodies.map(async (body) => (await upload(server.httpUrl, body, { boardId })).status))
	const seconds = (performance.now() - started) / 1000
	clearInterval(sampler)
	const afterMib = rssMegabytes(pid)
	if (statuses.some((status) => status !== 201)) throw new Error(`uploads answered ${statuses.join(', ')}`)
	const growthMib = peakMib - beforeMib
	const mib = (value: number) => `${value.toFixed(1)} MiB`

	console.log(`\nUploads: ${UPLOADS} concurrent uploads of ${UPLOAD_BYTES / MiB} MiB, server RSS (sampled every ${SAMPLE_MS} ms)`)
	console.log('| figure | value |')
	console.log('|---|---|')
	console.log(`| RSS before | ${mib(beforeMib)} |`)
	console.log(`| RSS peak while uploading | ${mib(peakMib)} |`)
	console.log(`| RSS after | ${mib(afterMib)} |`)
	console.log(`| growth (peak - before) | ${mib(growthMib)} (goal < ${GOAL_MIB} MiB: ${growthMib < GOAL_MIB ? 'met' : 'NOT met'}) |`)
	console.log(`| time for all ${UPLOADS} | ${seconds.toFixed(2)} s (${((UPLOADS * UPLOAD_BYTES) / MiB / seconds).toFixed(0)} MiB/s) |`)
	console.log('JSON ' + JSON.stringify({ uploads: UPLOADS, uploadBytes: UPLOAD_BYTES, beforeMib, peakMib, afterMib, growthMib, seconds }))
} finally {
	await server.stop()
	removeDataDir(server)
}
