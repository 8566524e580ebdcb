import { spawn, type ChildProcess } from 'node:child_process'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const DEV_SERVER_PORT = 3001

/** `npm run dev`: runs the relay/API server from source beside Vite and proxies to it. */
function backendDuringDevelopment(): Plugin {
	let backend: ChildProcess | undefined
	return {
		name: 'strategy-board-backend',
		apply: 'serve',
		configureServer(server) {
			backend = spawn('npx', ['tsx', 'watch', 'server/main.ts'], {
				env: { ...process.env, PORT: String(DEV_SERVER_PORT), HOST: '127.0.0.1' },
				stdio: 'inherit',
			})
			server.httpServer?.once('close', () => backend?.kill())
		},
	}
}

const backend = `http://127.0.0.1:${DEV_SERVER_PORT}`

export default defineConfig({
	root: 'client',
	plugins: [react(), backendDuringDevelopment()],
	build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 4096 },
	// The ?url imports in @tldraw/assets break Vite's dependency pre-bundling.
	optimizeDeps: { exclude: ['@tldraw/assets'] },
	server: {
		port: 5173,
		proxy: {
			'/yjs': { target: backend, ws: true },
			'/uploads': backend,
			'/api': backend,
			'/healthz': backend,
		},
	},
})
