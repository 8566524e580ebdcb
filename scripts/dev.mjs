// `npm run dev`: the server from source, restarted on changes (tsx watch), and Vite's dev server
// with hot reload in front of it, proxying the server's routes (vite.config.ts). Ctrl+C stops both;
// if either stops on its own, the other is stopped too and this exits with 1.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

function portFrom(name, fallback) {
	const raw = process.env[name]?.trim() || String(fallback)
	const port = Number(raw)
	if (!Number.isInteger(port) || port < 1 || port > 65535) {
		console.error(`${name}=${JSON.stringify(raw)} must be a port number from 1 to 65535`)
		process.exit(1)
	}
	return port
}

const devPort = portFrom('DEV_PORT', 5173)
const serverPort = portFrom('DEV_SERVER_PORT', 3001)
const dataDir = process.env.DATA_DIR || path.join(root, '.data-dev')
const pageUrl = `http://localhost:${devPort}`
const serverUrl = `http://127.0.0.1:${serverPort}`

const running = new Set()
let stopping = false
let exitCode = 0

function start(name, args, env) {
	const child = spawn(process.execPath, args, {
		cwd: root,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'inherit', 'inherit'],
		// A process group of its own, so the terminal's Ctrl+C reaches only this script, which then
		// signals each child once: tsx watch answers a second signal by SIGKILLing the server, which
		// would skip writing the boards to disk.
		detached: true,
	})
	running.add(child)
	child.once('exit', (code, signal) => {
		running.delete(child)
		if (!stopping) {
			console.error(`\n${name} stopped (${signal ?? `exit code ${code}`}), so npm run dev stops too`)
			stop(1)
		}
		if (running.size === 0) process.exit(exitCode)
	})
}

function stop(code) {
	exitCode = Math.max(exitCode, code)
	if (stopping) return
	stopping = true
	for (const child of running) child.kill('SIGTERM')
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0))

const tsx = fileURLToPath(import.meta.resolve('tsx/cli'))
const vite = path.join(path.dirname(fileURLToPath(import.meta.resolve('vite/package.json'))), 'bin/vite.js')

start('the server', [tsx, 'watch', '--clear-screen=false', '--tsconfig', 'tsconfig.server.json', 'server/main.ts'], {
	PORT: String(serverPort),
	// Only Vite is meant to be reached; the server behind it stays on this machine.
	HOST: '127.0.0.1',
	DATA_DIR: dataDir,
})
// strictPort: on a busy port Vite would take the next one, not the URL printed below.
start('Vite', [vite, '--port', String(devPort), '--strictPort', '--clearScreen', 'false'], {
	DEV_SERVER_PORT: String(serverPort),
})

// The server first, so that Vite's proxy does not log a refused connection for every try.
if ((await answered(`${serverUrl}/healthz`)) && (await answered(`${pageUrl}/healthz`))) {
	console.log(`\nStrategy Board (dev) is ready: open ${pageUrl}\n  server ${serverUrl}, DATA_DIR ${dataDir}\n`)
}

/** Polls `url` until it answers 200; false if npm run dev is stopping meanwhile. */
async function answered(url) {
	while (!stopping) {
		if (
			await fetch(url).then(
				(response) => response.ok,
				() => false,
			)
		)
			return true
		await new Promise((resolve) => setTimeout(resolve, 200))
	}
	return false
}
