import { createHash, timingSafeEqual } from 'node:crypto'
import { newBoardId } from '../../shared/boardId.js'
import type { Role } from '../../shared/roles.js'
import type { AccessRecords, BoardAccess } from '../storage/BoardStorage.js'

export type CreatedBoard = { boardId: string; facilitatorKey: string; viewId: string }

/**
 * Roles through links, as Miro and Excalidraw do: the board id is the participant link, a secret
 * key added to it makes the facilitator link, and a separate view id is the read-only link. Only
 * a hash of the key is stored; the view id is random, so it reveals neither of the others.
 */
export class BoardAccessService {
	/** Only boards that exist are cached, so probing random ids cannot grow memory. */
	private readonly cache = new Map<string, BoardAccess>()

	constructor(private readonly storage: AccessRecords) {}

	async createBoard(): Promise<CreatedBoard> {
		const created = { boardId: newBoardId(), facilitatorKey: newBoardId() + newBoardId(), viewId: newBoardId() }
		const access: BoardAccess = {
			boardId: created.boardId,
			facilitatorKeyHash: hashOf(created.facilitatorKey),
			viewId: created.viewId,
			createdAt: new Date().toISOString(),
		}
		await this.storage.saveBoardAccess(access)
		this.cache.set(access.boardId, access)
		return created
	}

	/** A wrong or missing key gives participant rights, never an error. */
	async roleFor(boardId: string, key: string | null): Promise<Exclude<Role, 'viewer'>> {
		const access = await this.accessOf(boardId)
		if (!access || !key) return 'participant'
		const expected = Buffer.from(access.facilitatorKeyHash, 'hex')
		const offered = Buffer.from(hashOf(key), 'hex')
		return timingSafeEqual(expected, offered) ? 'facilitator' : 'participant'
	}

	/** Whether the board was created here (`roleFor` cannot tell: an unknown board gives participant rights too). */
	async exists(boardId: string): Promise<boolean> {
		return (await this.accessOf(boardId)) !== null
	}

	boardIdOfView(viewId: string): Promise<string | null> {
		return this.storage.findBoardIdByViewId(viewId)
	}

	/** The view id, for the facilitator's share dialog only. */
	async viewIdFor(boardId: string, key: string | null): Promise<string | null> {
		if ((await this.roleFor(boardId, key)) !== 'facilitator') return null
		return (await this.accessOf(boardId))?.viewId ?? null
	}

	private async accessOf(boardId: string): Promise<BoardAccess | null> {
		const cached = this.cache.get(boardId)
		if (cached) return cached
		const stored = await this.storage.loadBoardAccess(boardId)
		if (stored) this.cache.set(boardId, stored)
		return stored
	}
}

function hashOf(key: string): string {
	return createHash('sha256').update(key).digest('hex')
}
