/**
 * The stock y-websocket server (@y/websocket-server 0.1.1, the last release for yjs 13) for the
 * relay benchmark: the same wiring as its bin (src/server.js), but it prints the port it really
 * got, so PORT=0 works. The room is the URL path after the first '/', so a client with serverUrl
 * ws://host:port/yjs and room <board> lands in room 'yjs/<board>'. In memory: YPERSISTENCE unset.
 *
 *   PORT=0 node test/bench/servers/ywebsocket.mjs
 */
import http from 'node:http'
import { createRequire } from 'node:module'
import { setupWSConnection } from '@y/websocket-server/utils'

// The bin uses the ws it depends on (6.x), not the project's 8.x: resolve it from the package.
const require = createRequire(import.meta.resolve('@y/websocket-server/utils'))
const WebSocket = require('ws')
const wsVersion = require('ws/package.json').version

const wss = new WebSocket.Server({ noServer: true })
wss.on('connection', setupWSConnection)

const server = http.createServer((_request, response) => {
	response.writeHead(200, { 'Content-Type': 'text/plain' })
	response.end('okay')
})
server.on('upgrade', (request, socket, head) => {
	wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request))
})
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
	console.log(`y-websocket-server listening on port ${server.address().port} (ws ${wsVersion})`)
})
process.on('SIGTERM', () => process.exit(0))
