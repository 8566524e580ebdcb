import type * as Y from 'yjs'
import { readPrivateRound, readVoting, type PrivateRound } from '../../shared/facilitationDoc.js'
import { staysPrivate, tallyHiddenNotes, type HiddenNotesTally } from '../../shared/model/privateRound.js'
import { readAllRecords, recordsOf, writeRecordChanges } from '../../shared/recordDoc.js'
import { VOTES_MAP } from '../../shared/supportDoc.js'
import { log } from '../logger.js'
import type { DocumentLog } from '../storage/BoardStorage.js'
import { documentName, privateDocumentPrefix, type DocumentRef } from './relayPath.js'
import type { Room } from './Room.js'
import type { RoomRegistry } from './RoomRegistry.js'

const SERVER_ORIGIN = { by: 'private notes' }

/**
 * What is private stays private on the wire. Each person has a private document on a board, which
 * the relay serves only to them and the facilitator (RelayServer.ts), so no other connection
 * receives a byte of it. It holds their new notes while a private round hides them, and their dots
 * while a voting round is open. When the facilitator reveals a zone or the round, or ends it, every
 * note that no longer stays private moves onto the board as it is (same id, position, text and
 * authorship); when the votes are revealed or the round closes, the dots move into the support
 * document, where the results are counted.
 *
 * Moving is idempotent and runs again whenever a private document loads or changes, so a note a
 * person drags into a revealed zone goes public at once, and what a server stopped mid-move left
 * behind follows at the next chance. A note never overwrites one the board already holds under its
 * id: a private document cannot be used to rewrite someone else's note.
 */
export class PrivateDocuments {
	/** One move at a time per board, in order: two moves of the same note must not race. */
	private readonly queues = new Map<string, Promise<void>>()

	constructor(
		private readonly rooms: RoomRegistry,
		private readonly storage: DocumentLog,
	) {
		rooms.afterLoad((room, ref) => this.watch(room, ref))
	}

	/** Counts of what the running round still hides, for the facilitator (never any text). */
	async tally(boardId: string): Promise<HiddenNotesTally> {
		await this.queues.get(boardId)
		return this.withRooms(async (hold) => {
			const round = (await hold(documentName(boardId, 'facilitation'))).read(readPrivateRound)
			const notes = []
			for (const name of await this.privateDocumentsOf(boardId)) notes.push(...(await hold(name)).read(readAllRecords))
			return tallyHiddenNotes(round, notes)
		})
	}

	/** Moves what no longer stays private onto the board; `only`: just these private documents. */
	moveRevealed(boardId: string, only?: string[]): Promise<void> {
		const next = (this.queues.get(boardId) ?? Promise.resolve())
			.then(() => this.move(boardId, only))
			.catch((error: unknown) => log.error('could not move revealed private notes onto the board', { boardId, error: String(error) }))
		this.queues.set(boardId, next)
		void next.finally(() => {
			if (this.queues.get(boardId) === next) this.queues.delete(boardId)
		})
		return next
	}

	private watch(room: Room, ref: DocumentRef) {
		if (ref.kind === 'private') {
			room.onChange(() => void this.moveRevealed(ref.boardId, [room.boardId]))
			void this.moveRevealed(ref.boardId, [room.boardId])
		}
		if (ref.kind === 'facilitation') {
			const rounds = (doc: Y.Doc) => JSON.stringify([readPrivateRound(doc), readVoting(doc)])
			let seen = room.read(rounds)
			room.onChange(() => {
				const now = room.read(rounds)
				if (now === seen) return
				seen = now
				void this.moveRevealed(ref.boardId)
			})
		}
	}

	private async move(boardId: string, only: string[] | undefined) {
		const names = only ?? (await this.privateDocumentsOf(boardId))
		if (names.length === 0) return
		await this.withRooms(async (hold) => {
			const facilitation = await hold(documentName(boardId, 'facilitation'))
			const [round, voting] = facilitation.read((doc) => [readPrivateRound(doc), readVoting(doc)] as const)
			const openVoting = voting?.phase === 'open' ? `${voting.id}|` : null
			for (const name of names) {
				const own = await hold(name)
				const leaving = own.read((doc) => readAllRecords(doc).filter((record) => !staysPrivate(round, record)))
				if (leaving.length > 0) {
					const board = await hold(boardId)
					const fresh = board.read((doc) => leaving.filter((record) => !recordsOf(doc).has(record.id)))
					// A board at its size limit takes no more: the notes wait in the private document.
					if (board.applyServerChange((doc) => writeRecordChanges(doc, { put: fresh, removed: [] }, SERVER_ORIGIN))) {
						own.applyServerChange((doc) => writeRecordChanges(doc, { put: [], removed: leaving.map(({ id }) => id) }, SERVER_ORIGIN))
						logMove(boardId, round, fresh.length, leaving.length)
					}
				}
				const dots = own.read((doc) => [...doc.getMap(VOTES_MAP).entries()].filter(([key]) => openVoting === null || !key.startsWith(openVoting)))
				if (dots.length > 0) {
					const support = await hold(documentName(boardId, 'support'))
					const moved = support.applyServerChange((doc) => doc.transact(() => dots.forEach(([key, value]) => doc.getMap(VOTES_MAP).set(key, value))))
					if (moved) own.applyServerChange((doc) => doc.transact(() => dots.forEach(([key]) => doc.getMap(VOTES_MAP).delete(key))))
				}
			}
		})
	}

	/** Runs `work` with rooms it acquires through `hold` (each once), releasing them all after. */
	private async withRooms<T>(work: (hold: (name: string) => Promise<Room>) => Promise<T>): Promise<T> {
		const held = new Map<string, Room>()
		const hold = async (name: string) => {
			const known = held.get(name)
			if (known) return known
			const room = await this.rooms.acquire(name)
			held.set(name, room)
			return room
		}
		try {
			return await work(hold)
		} finally {
			for (const room of held.values()) this.rooms.release(room)
		}
	}

	/** Stored ones and ones in memory not saved yet. */
	private async privateDocumentsOf(boardId: string): Promise<string[]> {
		const prefix = privateDocumentPrefix(boardId)
		const stored = await this.storage.listDocuments(prefix)
		return [...new Set([...stored, ...this.rooms.loadedNames(prefix)])].sort()
	}
}

function logMove(boardId: string, round: PrivateRound | null, moved: number, leaving: number) {
	log.info('moved private notes onto the board', { boardId, round: round?.id ?? null, moved, alreadyThere: leaving - moved })
}
