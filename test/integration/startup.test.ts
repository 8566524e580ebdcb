import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SERVER_ENTRY = fileURLToPath(new URL('../../dist/node/server/main.js', import.meta.url))

function startWith(env: Record<string, string>) {
	const result = spawnSync(process.execPath, [SERVER_ENTRY], {
		env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'sb-start-')), ...env },
		encoding: 'utf8',
		timeout: 10_000,
	})
	return { status: result.status, stderr: result.stderr.trim() }
}

describe('startup configuration', () => {
	it.each([
		['PORT', 'abc'],
		['PORT', '70000'],
		['MAX_FRAME_BYTES', '-5'],
		['ROOM_IDLE_MS', '1.5'],
		['UPLOAD_MAX_BYTES', 'lots'],
	])('%s=%s stops the server with one line naming the variable', (name, value) => {
		const { status, stderr } = startWith({ [name]: value })
		expect(status).toBe(1)
		expect(stderr.split('\n')).toHaveLength(1)
		expect(stderr).toContain(name)
	})

	it('an unwritable DATA_DIR stops the server with a message naming it', () => {
		if (process.getuid?.() === 0) {
			// root can write anywhere; a path under a regular file can never be created.
			const file = path.join(mkdtempSync(path.join(tmpdir(), 'sb-file-')), 'not-a-dir')
			spawnSync('touch', [file])
			const { status, stderr } = startWith({ DATA_DIR: path.join(file, 'data') })
			expect(status).toBe(1)
			expect(stderr).toMatch(/DATA_DIR .* is not writable/)
			return
		}
		const readOnly = mkdtempSync(path.join(tmpdir(), 'sb-ro-'))
		chmodSync(readOnly, 0o500)
		const { status, stderr } = startWith({ DATA_DIR: readOnly })
		rmSync(readOnly, { recursive: true, force: true })
		expect(status).toBe(1)
		expect(stderr).toMatch(/DATA_DIR .* is not writable/)
	})
})
