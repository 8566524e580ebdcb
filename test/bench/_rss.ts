import { readFileSync } from 'node:fs'
import * as Y from 'yjs'
import { writeRecordChanges } from '../../shared/recordDoc'
import { startServer } from '../helpers/serverProcess'
import { connectClient, connectSynced } from '../helpers/yjsClient'
import { waitFor } from '../helpers/waitFor'
import { makeGen, makeNote } from './noteRecords'
const rss = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const env = { ROOM_IDLE_MS: '500', ...(process.env.SRV_NODE_OPTIONS ? { NODE_OPTIONS: process.env.SRV_NODE_OPTIONS } : {}) }
let server = await startServer({ env })
const g = makeGen(0x5eedb0a2)
const notes = Array.from({ length: 5000 }, (_, i) => makeNote(g, i))
const names = [1, 2, 3, 4, 5].map((i) => `b${i}`)
const src = new Y.Doc()
for (let s = 0; s < 5000; s += 1000) writeRecordChanges(src, { put: notes.slice(s, s + 1000) as any, removed: [] }, 'x')
for (const name of names) {
	const w = await connectSynced(server.relayUrl, name)
	Y.applyUpdate(w.doc, Y.encodeStateAsUpdate(src))
	await waitFor(() => w.provider.ws?.bufferedAmount === 0, { timeoutMs: 30000, what: 'sent' })
	await sleep(500)
	w.destroy()
}
await sleep(3000)
await server.stop()
server = await startServer({ dataDir: server.dataDir, env })
await sleep(1000)
const pid = server.process.pid!
const idle = rss(pid)
console.log('idle', idle.toFixed(0))
const readers = names.map((n) => connectClient(server.relayUrl, n))
await Promise.all(readers.map((r) => waitFor(() => r.provider.synced, { timeoutMs: 30000, what: 'sync' })))
for (let t = 0; t <= 40; t += 2) { console.log(`t=${t}s per board ${((rss(pid) - idle) / 5).toFixed(1)}`); await sleep(2000) }
for (const r of readers) r.destroy()
await server.stop()
