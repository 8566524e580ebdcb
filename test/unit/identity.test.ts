import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { isValidBoardId } from '../../shared/boardId'
import { CREDENTIAL_PATTERN } from '../../shared/wire/credentials'
import { ConfigError } from '../../server/config'
import { IDENTITY_KEY_FILE, IdentityService } from '../../server/identity/IdentityService'

const dataDirs: string[] = []
const newDataDir = () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'strategy-board-identity-'))
	dataDirs.push(dir)
	return dir
}

afterEach(() => {
	for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** `token` with its `index`th dot-separated part replaced. */
const withPart = (token: string, index: number, part: string) =>
	token
		.split('.')
		.map((each, at) => (at === index ? part : each))
		.join('.')

describe('IdentityService', () => {
	it('issues a URL-safe participant id whose token verifies to it and can travel as a subprotocol', async () => {
		const identities = await IdentityService.open(newDataDir())
		const { participantId, token } = identities.issue()
		expect(isValidBoardId(participantId)).toBe(true)
		expect(token).toMatch(CREDENTIAL_PATTERN)
		expect(token.startsWith(`v1.${participantId}.`)).toBe(true)
		expect(identities.verify(token)).toBe(participantId)
		expect(identities.issue().participantId).not.toBe(participantId)
	})

	it('refuses a token whose id, mac or version was changed, and garbage, without throwing', async () => {
		const identities = await IdentityService.open(newDataDir())
		const { token } = identities.issue()
		const other = identities.issue()
		const [, , mac] = token.split('.')
		expect(identities.verify(withPart(token, 1, other.participantId))).toBeNull()
		expect(identities.verify(withPart(token, 2, `${mac!.slice(0, -1)}${mac!.endsWith('A') ? 'B' : 'A'}`))).toBeNull()
		expect(identities.verify(withPart(token, 2, mac!.slice(1)))).toBeNull()
		expect(identities.verify(withPart(token, 0, 'v2'))).toBeNull()
		for (const garbage of ['', '.', '..', 'v1', 'v1..', `${token}.`, `${token}.extra`, 'v1.bad id!.x', '\u0000'.repeat(300), 'v1.é.é']) {
			expect(identities.verify(garbage), JSON.stringify(garbage)).toBeNull()
		}
	})

	it('does not take a token signed by another instance with a key of its own', async () => {
		const ours = await IdentityService.open(newDataDir())
		const theirs = await IdentityService.open(newDataDir())
		expect(ours.verify(theirs.issue().token)).toBeNull()
	})

	it('creates the key file with mode 0600 and reuses it on the next start', async () => {
		const dataDir = newDataDir()
		const first = await IdentityService.open(dataDir)
		const keyFile = path.join(dataDir, IDENTITY_KEY_FILE)
		expect(statSync(keyFile).mode & 0o777).toBe(0o600)
		expect(statSync(keyFile).size).toBe(32)
		const { participantId, token } = first.issue()
		const restarted = await IdentityService.open(dataDir)
		expect(restarted.verify(token)).toBe(participantId)
	})

	it('refuses to start on a key file that is malformed or cannot be read, naming the file', async () => {
		const truncated = newDataDir()
		writeFileSync(path.join(truncated, IDENTITY_KEY_FILE), Buffer.alloc(16))
		await expect(IdentityService.open(truncated)).rejects.toThrow(ConfigError)
		await expect(IdentityService.open(truncated)).rejects.toThrow(/identity-key holds 16 bytes, not 32/)

		// A directory in its place cannot be read even by root, unlike a file with mode 000.
		const unreadable = newDataDir()
		mkdirSync(path.join(unreadable, IDENTITY_KEY_FILE))
		await expect(IdentityService.open(unreadable)).rejects.toThrow(/identity-key cannot be read \(EISDIR\)/)
	})
})
