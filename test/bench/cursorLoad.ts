/**
 * The cursor-moving crowd of one scenario, in its own process: in a workshop these are other
 * people's machines, so their sockets must not share an event loop with the latency probes
 * (200 sockets' messages would queue in front of the probes' and inflate every figure).
 * Started by relay.ts with the options as JSON in argv[2]; commands and results go over IPC.
 */
import { openCursorClient, type CursorEndpoint } from './targets'

export type CursorLoadOptions = { endpoint: CursorEndpoint; board: string; clients: number; hertz: number }
export type CursorLoadMessage = { type: 'ready' } | { type: 'stopped'; received: number; failed: string | null }

const { endpoint, board, clients, hertz } = JSON.parse(process.argv[2]!) as CursorLoadOptions
const send = (message: CursorLoadMessage) => process.send!(message)
const cursors = Array.from({ length: clients }, (_, i) => openCursorClient(endpoint, board, 1_000_000 + i))
let stopTimers: (() => void)[] = []

Promise.all(cursors.map((cursor) => cursor.opened)).then(
	() => send({ type: 'ready' }),
	(error: Error) => send({ type: 'stopped', received: 0, failed: error.message }),
)

process.on('message', (command: 'start' | 'stop') => {
	if (command === 'start') {
		for (const cursor of cursors) cursor.resetCount()
		// Spread cursor moves evenly over each period, as real people do not move in lockstep.
		const period = 1000 / hertz
		stopTimers = cursors.map((cursor, i) => {
			let interval: NodeJS.Timeout | undefined
			const timeout = setTimeout(() => (interval = setInterval(cursor.moveCursor, period)), (i / cursors.length) * period)
			return () => {
				clearTimeout(timeout)
				clearInterval(interval)
			}
		})
		return
	}
	for (const stop of stopTimers) stop()
	const received = cursors.reduce((sum, cursor) => sum + cursor.received, 0)
	for (const cursor of cursors) cursor.close()
	send({ type: 'stopped', received, failed: null })
	process.disconnect()
})
