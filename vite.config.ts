import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// `npm run dev` (scripts/dev.mjs) runs the server from source on DEV_SERVER_PORT beside Vite.
const devServer = `http://127.0.0.1:${process.env.DEV_SERVER_PORT ?? 3001}`

export default defineConfig({
	root: 'client',
	plugins: [react()],
	build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 4096 },
	// The ?url imports in @tldraw/assets break Vite's dependency pre-bundling.
	optimizeDeps: { exclude: ['@tldraw/assets'] },
	server: {
		// Every route of the server (server/http/app.ts, the relay); Vite serves the client itself.
		proxy: {
			'/yjs': { target: devServer, ws: true },
			'/uploads': devServer,
			'/api': devServer,
			'/healthz': devServer,
		},
	},
})
