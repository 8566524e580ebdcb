/** The one logger: one line per event, timestamped, so logs stay greppable under a process manager. */
function write(level: 'info' | 'warn' | 'error', message: string, detail?: Record<string, unknown>) {
	const suffix = detail ? ' ' + JSON.stringify(detail) : ''
	const line = `${new Date().toISOString()} ${level} ${message}${suffix}\n`
	;(level === 'info' ? process.stdout : process.stderr).write(line)
}

export const log = {
	info: (message: string, detail?: Record<string, unknown>) => write('info', message, detail),
	warn: (message: string, detail?: Record<string, unknown>) => write('warn', message, detail),
	error: (message: string, detail?: Record<string, unknown>) => write('error', message, detail),
}
