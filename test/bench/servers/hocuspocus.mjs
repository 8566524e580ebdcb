/**
 * A bare Hocuspocus server for the relay benchmark: no extensions, so documents live in memory
 * only, and default batching (flushDelay 0: updates and awareness arriving in one event-loop turn
 * go out as one broadcast). quiet drops the start screen; the port line is ours, for the runner.
 *
 *   PORT=0 node test/bench/servers/hocuspocus.mjs
 */
import { Server } from '@hocuspocus/server'

const server = new Server({
	port: Number(process.env.PORT ?? 0),
	address: process.env.HOST ?? '127.0.0.1',
	quiet: true,
	// Server.listen handles SIGTERM itself (destroy, then exit 0).
	stopOnSignals: true,
})
await server.listen()
console.log(`hocuspocus listening on port ${server.address.port}`)
