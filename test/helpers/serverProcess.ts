import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { waitFor } from './waitFor'

const SERVER_ENTRY = fileURLToPath(new URL('../../dist/node/server/main.js', import.meta.url))

export type RunningServer = {
	port: number
	httpUrl: string
	/** The relay's base URL, as a y-websocket `serverUrl`. */
	relayUrl: string
	dataDir: string
	process: ChildProcess
	output: () => string
	/** SIGKILL: no chance to flush anything. */
	kill9: () => Promise<void>
	/** SIGTERM and wait for the exit code. */
	stop: () => Promise<number | null>
}

/**
 * Starts the built server (`npm run build` first) as a child process on a free port, with a temp
 * DATA_DIR unless one is given (to restart on the same data).
 */
export async function startServer(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
	const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'strategy-board-test-'))
	const child = spawn(process.execPath, [SERVER_ENTRY], {
		env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...options.env },
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	let output = ''
	child.stdout!.on('data', (chunk) => (output += chunk))
	child.stderr!.on('data', (chunk) => (output += chunk))
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

	const port = await waitFor(
		() => {
			if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output}`)
			const match = /listening on http:\/\/[^:]+:(\d+)/.exec(output)
			return match ? Number(match[1]) : 0
		},
		{ timeoutMs: 15_000, what: 'the server to listen' },
	)
	return {
		port,
		httpUrl: `http://127.0.0.1:${port}`,
		relayUrl: `ws://127.0.0.1:${port}/yjs`,
		dataDir,
		process: child,
		output: () => output,
		kill9: async () => {
			child.kill('SIGKILL')
			await exited
		},
		stop: async () => {
			child.kill('SIGTERM')
			return exited
		},
	}
}

export function removeDataDir(server: RunningServer) {
	rmSync(server.dataDir, { recursive: true, force: true })
}
