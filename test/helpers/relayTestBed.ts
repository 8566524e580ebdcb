import { afterEach } from 'vitest'
import type WebSocket from 'ws'
import { openRawSocket } from './rawSocket'
import { removeDataDir, startServer, type RunningServer } from './serverProcess'
import { connectSynced, type YjsClient } from './yjsClient'

/**
 * Servers, stock clients and raw sockets for one test file's tests, each cleaned up after its
 * test: servers are stopped (unless a test killed them) and their data directories removed.
 */
export function relayTestBed() {
	let servers: RunningServer[] = []
	let clients: YjsClient[] = []
	let sockets: WebSocket[] = []

	afterEach(async () => {
		for (const client of clients) client.destroy()
		for (const socket of sockets) socket.terminate()
		for (const server of servers) {
			if (server.process.exitCode === null && server.process.signalCode === null) await server.stop()
			removeDataDir(server)
		}
		clients = []
		sockets = []
		servers = []
	})

	return {
		/** A server with these environment settings, on a new data directory unless one is given. */
		async serverWith(env: Record<string, string> = {}, dataDir?: string) {
			const server = await startServer({ env, dataDir })
			servers.push(server)
			return server
		},
		/** A stock y-websocket client, synced. */
		async client(server: RunningServer, board: string) {
			const connected = await connectSynced(server.relayUrl, board)
			clients.push(connected)
			return connected
		},
		/** A bare websocket on the board, for sending what no well-behaved client would. */
		async raw(server: RunningServer, board: string, options?: WebSocket.ClientOptions) {
			const opened = await openRawSocket(`${server.relayUrl}/${board}`, options)
			sockets.push(opened.socket)
			return opened
		},
		/** Disconnects every client made so far (their boards can then go idle). */
		destroyClients() {
			for (const client of clients.splice(0)) client.destroy()
		},
	}
}
