import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { isValidBoardId, newBoardId } from '../../shared/boardId.js'
import { ConfigError } from '../config.js'

/** A new participant: the id it speaks for on boards, and the token that proves it. */
export type IssuedIdentity = { participantId: string; token: string }

/** In DATA_DIR: what every token is signed with. Losing it invalidates every browser's identity. */
export const IDENTITY_KEY_FILE = 'identity-key'
const KEY_BYTES = 32
/** A token format that ever changes gets another version, so old tokens are refused rather than misread. */
const VERSION = 'v1'

/**
 * Participant identities the server issues, so the relay knows who is writing instead of trusting
 * an id the client chose. A token is `v1.<participantId>.<HMAC-SHA256 of "v1.<participantId>">`,
 * all base64url: it travels as a websocket subprotocol, and needs no storage to check.
 */
export class IdentityService {
	private constructor(private readonly key: Buffer) {}

	/** The service signing with DATA_DIR's key, created (0600) on the first start; a damaged key file stops the start. */
	static async open(dataDir: string): Promise<IdentityService> {
		return new IdentityService(await loadOrCreateKey(path.join(dataDir, IDENTITY_KEY_FILE)))
	}

	issue(): IssuedIdentity {
		const participantId = newBoardId()
		return { participantId, token: `${VERSION}.${participantId}.${this.macOf(participantId)}` }
	}

	/** The participant id a token proves, or null for anything else: garbage never throws. */
	verify(token: string): string | null {
		const [version, participantId, mac, ...extra] = token.split('.')
		if (version !== VERSION || participantId === undefined || !isValidBoardId(participantId) || mac === undefined || extra.length > 0) return null
		const expected = Buffer.from(this.macOf(participantId))
		const offered = Buffer.from(mac)
		return offered.length === expected.length && timingSafeEqual(offered, expected) ? participantId : null
	}

	private macOf(participantId: string): string {
		return createHmac('sha256', this.key).update(`${VERSION}.${participantId}`).digest('base64url')
	}
}

async function loadOrCreateKey(file: string): Promise<Buffer> {
	const existing = await readKey(file)
	if (existing) return existing
	try {
		// 'wx': never overwrite a key another start wrote meanwhile.
		await writeFile(file, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' })
	} catch (error) {
		if (errorCode(error) !== 'EEXIST') throw new ConfigError(`could not create the identity signing key ${file} (${errorCode(error)})`)
	}
	return (await readKey(file))!
}

/** The key in `file`, null when there is none yet. */
async function readKey(file: string): Promise<Buffer | null> {
	let key: Buffer
	try {
		key = await readFile(file)
	} catch (error) {
		if (errorCode(error) === 'ENOENT') return null
		throw new ConfigError(`the identity signing key ${file} cannot be read (${errorCode(error)}); fix its permissions or restore it from a backup`)
	}
	if (key.length !== KEY_BYTES) {
		throw new ConfigError(
			`the identity signing key ${file} holds ${key.length} bytes, not ${KEY_BYTES}: restore it from a backup, or delete it to start over (every browser then gets a new identity)`,
		)
	}
	return key
}

function errorCode(error: unknown): string {
	return (error as NodeJS.ErrnoException).code ?? String(error)
}
