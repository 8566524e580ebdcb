/**
 * The servers the relay benchmark compares, each a separate child process behind one interface,
 * so relay.ts runs the very same scenario against each: ours (the built server), the stock
 * y-websocket server (@y/websocket-server) and a bare Hocuspocus server. Each target brings its
 * own clients because Hocuspocus frames differ from y-websocket's (see hocuspocusCursorFrame).
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { HocuspocusProvider, HocuspocusProviderWebsocket, MessageType } from '@hocuspocus/provider'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { encodeAwareness } from '../../server/relay/protocol'
import { awarenessUpdate } from '../helpers/awarenessUpdate'
import { removeDataDir, startServer } from '../helpers/serverProcess'
import { waitFor } from '../helpers/waitFor'
import { connectSynced } from '../helpers/yjsClient'

/** A full client (Y.Doc and the server's own provider) that edits or watches edits arrive. */
export type ProbeClient = { doc: Y.Doc; destroy: () => void }

/** A cursor-moving participant without a Y.Doc: sends awareness frames, counts what it receives. */
export type LightCursorClient = {
	/** Resolves once the server accepts the client's awareness (open, or authenticated). */
	opened: Promise<void>
	readonly received: number
	resetCount: () => void
	moveCursor: () => void
	close: () => void
}

export type RunningTarget = {
	/** The server process itself, whose /proc entries give its CPU time and RSS. */
	pid: number
	stop: () => Promise<void>
	/** A client that has finished its initial sync with `board`. */
	connectProbe: (board: string) => Promise<ProbeClient>
	/** Where and how cursor clients connect; plain data, so a worker thread can open them. */
	cursorEndpoint: CursorEndpoint
	/** What the server wrote to stderr (ours: its warn/error lines): trouble the figures alone hide. */
	complaints: () => string[]
}

export type BenchTarget = { name: string; start: () => Promise<RunningTarget> }

/** y-websocket servers take `<baseUrl>/<board>`; Hocuspocus takes one URL and names the document in each frame. */
export type CursorEndpoint = { protocol: 'y-websocket' | 'hocuspocus'; baseUrl: string }

export function openCursorClient(endpoint: CursorEndpoint, board: string, clientId: number): LightCursorClient {
	if (endpoint.protocol === 'y-websocket') {
		return lightCursorClient(`${endpoint.baseUrl}/${board}`, clientId, { frame: encodeAwareness })
	}
	return lightCursorClient(endpoint.baseUrl, clientId, {
		frame: (update) => hocuspocusCursorFrame(board, update),
		hello: hocuspocusAuthFrame(board),
		isAccepted: isHocuspocusAuthenticated,
	})
}

/**
 * The frames below are Hocuspocus's protocol, not ours (shared/wire/messages.ts), so they are built
 * here. Its auth message types (@hocuspocus/common's AuthMessageType, not a dependency of ours)
 * are not y-protocols' either, where 0 is "permission denied".
 */
const AUTH_TOKEN = 0
const AUTH_AUTHENTICATED = 2
/** The 4.x provider sends its version after the token; the server only records it. */
const HOCUSPOCUS_PROVIDER_VERSION = '4.7.0'

/** One awareness update for a single client with a random cursor. */
function cursorAwarenessUpdate(clientId: number, clock: number): Uint8Array {
	const cursor = { x: Math.random() * 2000, y: Math.random() * 1200 }
	return awarenessUpdate(clientId, clock, { presence: { cursor, userName: `bench ${clientId}` } })
}

/**
 * Hocuspocus multiplexes documents over one socket, so every frame starts with the document name
 * (varString), then the message under Hocuspocus's own MessageType (see @hocuspocus/provider's AwarenessMessage).
 */
function hocuspocusCursorFrame(documentName: string, update: Uint8Array): Uint8Array {
	const frame = encoding.createEncoder()
	encoding.writeVarString(frame, documentName)
	encoding.writeVarUint(frame, MessageType.Awareness)
	encoding.writeVarUint8Array(frame, update)
	return encoding.toUint8Array(frame)
}

/**
 * Hocuspocus ignores a document's messages until it is authenticated (they are queued), so a
 * client opens with Auth: name, Auth, Token, token, provider version. A server without
 * onAuthenticate hooks accepts any token.
 */
function hocuspocusAuthFrame(documentName: string): Uint8Array {
	const frame = encoding.createEncoder()
	encoding.writeVarString(frame, documentName)
	encoding.writeVarUint(frame, MessageType.Auth)
	encoding.writeVarUint(frame, AUTH_TOKEN)
	encoding.writeVarString(frame, '')
	encoding.writeVarString(frame, HOCUSPOCUS_PROVIDER_VERSION)
	return encoding.toUint8Array(frame)
}

function isHocuspocusAuthenticated(data: Uint8Array): boolean {
	try {
		const decoder = decoding.createDecoder(data)
		decoding.readVarString(decoder)
		return decoding.readVarUint(decoder) === MessageType.Auth && decoding.readVarUint(decoder) === AUTH_AUTHENTICATED
	} catch {
		return false
	}
}

function lightCursorClient(
	url: string,
	clientId: number,
	wire: { frame: (update: Uint8Array) => Uint8Array; hello?: Uint8Array; isAccepted?: (data: Uint8Array) => boolean },
): LightCursorClient {
	const socket = new WebSocket(url)
	let received = 0
	let clock = 0
	socket.on('error', () => {})
	let accepted = false
	const opened = new Promise<void>((resolve, reject) => {
		socket.once('close', (code) => reject(new Error(`cursor client ${clientId} closed before it was accepted (${code})`)))
		socket.once('open', () => {
			if (wire.hello) socket.send(wire.hello)
			if (!wire.isAccepted) resolve()
		})
		socket.on('message', (data: Buffer) => {
			received++
			// Only messages before acceptance are decoded: counting must stay cheap.
			if (!accepted && wire.isAccepted?.(data)) {
				accepted = true
				resolve()
			}
		})
	})
	opened.catch(() => {})
	return {
		opened,
		get received() {
			return received
		},
		resetCount: () => (received = 0),
		moveCursor: () => {
			if (socket.readyState !== socket.OPEN) return
			socket.send(wire.frame(cursorAwarenessUpdate(clientId, ++clock)))
		},
		close: () => socket.close(),
	}
}

/** Starts a launcher under test/bench/servers/ on a free loopback port; it prints 'listening on port N'. */
async function spawnLauncher(script: string) {
	const child = spawn(process.execPath, [fileURLToPath(new URL(`./servers/${script}`, import.meta.url))], {
		env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	let output = ''
	let errors = ''
	child.stdout!.on('data', (chunk) => (output += chunk))
	child.stderr!.on('data', (chunk) => {
		output += chunk
		errors += chunk
	})
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
	const port = await waitFor(
		() => {
			if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}: ${output}`)
			const match = /listening on port (\d+)/.exec(output)
			return match ? Number(match[1]) : 0
		},
		{ timeoutMs: 15_000, what: `${script} to listen` },
	)
	return {
		pid: child.pid!,
		port,
		complaints: () => errors.split('\n').filter((line) => line.trim() !== ''),
		stop: async () => {
			child.kill('SIGTERM')
			// Hocuspocus closes its connections first; never wait for a wedged server forever.
			const killer = setTimeout(() => child.kill('SIGKILL'), 5000)
			await exited
			clearTimeout(killer)
		},
	}
}

export const ours: BenchTarget = {
	name: 'ours',
	start: async () => {
		// A short idle time unloads each scenario's board soon after it ends, as a real server does.
		const server = await startServer({ env: { ROOM_IDLE_MS: '1000' } })
		return {
			pid: server.process.pid!,
			stop: async () => {
				await server.stop()
				removeDataDir(server)
			},
			connectProbe: (board) => connectSynced(server.relayUrl, board),
			cursorEndpoint: { protocol: 'y-websocket', baseUrl: server.relayUrl },
			// startServer merges both streams; server/logger.ts writes '<time> warn|error <message>'.
			complaints: () =>
				server
					.output()
					.split('\n')
					.filter((line) => / (warn|error) /.test(line)),
		}
	},
}

export const yWebsocket: BenchTarget = {
	name: 'y-websocket',
	start: async () => {
		const server = await spawnLauncher('ywebsocket.mjs')
		// Same URLs as ours: the room is the whole path, 'yjs/<board>', for probes and cursors alike.
		const relayUrl = `ws://127.0.0.1:${server.port}/yjs`
		return {
			pid: server.pid,
			stop: server.stop,
			complaints: server.complaints,
			connectProbe: (board) => connectSynced(relayUrl, board),
			cursorEndpoint: { protocol: 'y-websocket', baseUrl: relayUrl },
		}
	},
}

export const hocuspocus: BenchTarget = {
	name: 'hocuspocus',
	start: async () => {
		const server = await spawnLauncher('hocuspocus.mjs')
		const url = `ws://127.0.0.1:${server.port}`
		return {
			pid: server.pid,
			stop: server.stop,
			complaints: server.complaints,
			connectProbe: async (board) => {
				const doc = new Y.Doc()
				// A socket of its own per client, as each y-websocket client has; Node 20 needs ws.
				const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket })
				const provider = new HocuspocusProvider({ websocketProvider: socket, name: board, document: doc })
				provider.attach()
				const destroy = () => {
					provider.destroy()
					socket.destroy()
					doc.destroy()
				}
				await waitFor(() => provider.isSynced, { what: `hocuspocus client on ${board} to sync` }).catch((error) => {
					destroy()
					throw error
				})
				return { doc, destroy }
			},
			cursorEndpoint: { protocol: 'hocuspocus', baseUrl: url },
		}
	},
}

export const TARGETS: BenchTarget[] = [ours, yWebsocket, hocuspocus]
