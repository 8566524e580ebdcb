import { staysPrivate } from '../../shared/model/privateRound'
import { atom, computed, type Atom, type Signal, type TLNoteShape, type TLRichText, type TLStore } from 'tldraw'
import type * as Y from 'yjs'
import type { Endorsement } from '../../shared/model/support'
import type { Votes } from '../../shared/model/voting'
import type { ZoneId } from '../../shared/model/zones'
import { observeBoardSettings, readBoardSettings, type BoardSettings } from '../../shared/boardSettings'
import { observeFacilitation, readFacilitation, type FacilitationState } from '../../shared/facilitationDoc'
import type { Role } from '../../shared/roles'
import { observeSupport, readEndorsements, readVoteBook, votesInRound, type VoteBook } from '../../shared/supportDoc'
import { refusalCodeOf } from '../../shared/wire/refusals'
import type { MessageKey } from '../i18n/en'
import type { SyncStatus } from '../sync/syncStatus'
import { storeParticipant, storedParticipant, type Participant } from './participant'
import { refusalMessage } from './refusalMessage'

/** The open board's three documents: the tldraw records, the facilitator's session, and support (endorsements and votes). */
/** `own`: this person's private document, which the relay serves to nobody else (their private notes and open-round dots). */
export type SessionDocuments = { board: Y.Doc; facilitation: Y.Doc; support: Y.Doc; own: Y.Doc }

/** A deletion waiting for the person's answer: how many of others' notes it removes, and the deletion. */
export type PendingDeletion = { count: number; proceed: () => void }

/** My text of a note that someone else's edit replaced, kept so I can put it back. */
export type OverwrittenText = { noteId: TLNoteShape['id']; mine: TLRichText; by: string[] }

export type Notice = { key: MessageKey; id: number }

const NOTICE_FOR_MS = 6000

/**
 * Everything this page knows of the open board beyond tldraw's own store, live: who I am here,
 * the board's settings, the facilitator's session, support, and the few things only this page
 * holds (a notice, a deletion waiting for an answer, texts others overwrote). Made once where the
 * documents are opened and handed down through React context; writes go to the documents.
 */
export class BoardSession {
	private readonly roleAtom = atom<Role>('role', 'viewer')
	private readonly meAtom = atom<Participant | null>('me', storedParticipant())
	private readonly settingsAtom: Atom<BoardSettings>
	private readonly facilitationAtom: Atom<FacilitationState>
	private readonly facilitationSyncedAtom = atom('facilitation synced', false)
	private readonly endorsementsAtom: Atom<Endorsement[]>
	private readonly voteBookAtom: Atom<VoteBook>
	private readonly ownVoteBookAtom: Atom<VoteBook>
	private readonly noticeAtom = atom<Notice | null>('notice', null)
	private readonly leftPresentationId = atom<string | null>('left presentation', null)
	private noticeTimer: ReturnType<typeof setTimeout> | undefined

	readonly role: Signal<Role> = this.roleAtom
	/** This browser's person; null until they have joined once. */
	readonly me: Signal<Participant | null> = this.meAtom
	readonly settings: Signal<BoardSettings>
	readonly facilitation: Signal<FacilitationState>
	/** Whether the facilitation document has had its first sync: what it held then was there before this page. */
	readonly facilitationSynced: Signal<boolean> = this.facilitationSyncedAtom
	readonly endorsements: Signal<Endorsement[]>
	readonly voteBook: Signal<VoteBook>
	readonly notice: Signal<Notice | null> = this.noticeAtom
	readonly pendingDeletion = atom<PendingDeletion | null>('pending deletion', null)
	/** The latest overwrite per note, newest last. */
	readonly overwrittenTexts = atom<OverwrittenText[]>('overwritten texts', [])

	readonly isFacilitator = computed('is facilitator', () => this.role.get() === 'facilitator')
	readonly locked = computed('locked', () => this.facilitation.get().locked)
	/** Whether this person may change the board itself right now (endorsing is separate). */
	readonly canEditBoard = computed('can edit board', () => this.isFacilitator.get() || (this.role.get() === 'participant' && !this.locked.get()))
	readonly canEndorse = computed('can endorse', () => this.role.get() !== 'viewer')
	readonly privateRound = computed('private round', () => this.facilitation.get().privateRound)
	/** A running, unrevealed private round: the one new notes belong to, and the only one that hides notes. */
	readonly hidingRound = computed('hiding round', () => {
		const round = this.privateRound.get()
		return round && !round.revealed ? round : null
	})
	/** Whether a record this person writes now belongs in their private notes (client/canvas/privateMode.ts). */
	readonly keepsPrivate = (record: unknown) => staysPrivate(this.hidingRound.get(), record)
	readonly voting = computed('voting', () => this.facilitation.get().voting)
	readonly lastVoting = computed('last voting', () => this.facilitation.get().lastVoting)
	readonly timer = computed('timer', () => this.facilitation.get().timer)
	readonly stageStatuses = computed('stage statuses', () => this.facilitation.get().statuses)
	readonly spotlight = computed('spotlight', () => this.facilitation.get().spotlight)
	readonly presentation = computed('presentation', () => this.facilitation.get().presentation)
	/** Everyone is in the facilitator's presentation until they leave it; the next one, with a new id, asks them back. */
	readonly inPresentation = computed('in presentation', () => {
		const presentation = this.presentation.get()
		return presentation !== null && (this.isFacilitator.get() || presentation.id !== this.leftPresentationId.get())
	})

	constructor(
		readonly documents: SessionDocuments,
		readonly store: TLStore,
		readonly status: Signal<SyncStatus>,
	) {
		this.settingsAtom = atom('board settings', readBoardSettings(documents.board))
		this.facilitationAtom = atom('facilitation', readFacilitation(documents.facilitation))
		this.endorsementsAtom = atom('endorsements', readEndorsements(documents.support))
		this.voteBookAtom = atom('vote book', readVoteBook(documents.support))
		this.ownVoteBookAtom = atom('own vote book', readVoteBook(documents.own))
		this.settings = this.settingsAtom
		this.facilitation = this.facilitationAtom
		this.endorsements = this.endorsementsAtom
		this.voteBook = this.voteBookAtom
	}

	/**
	 * Mirrors every change of the documents into the signals until the returned function is called;
	 * the constructor read what they held, so this is called at once, before anything syncs.
	 */
	follow(): () => void {
		const { board, facilitation, support, own } = this.documents
		const refreshSupport = () => {
			this.endorsementsAtom.set(readEndorsements(support))
			this.voteBookAtom.set(readVoteBook(support))
		}
		const stops = [
			observeBoardSettings(board, (settings) => this.settingsAtom.set(settings)),
			observeFacilitation(facilitation, (state) => this.facilitationAtom.set(state)),
			observeSupport(support, refreshSupport),
			observeSupport(own, () => this.ownVoteBookAtom.set(readVoteBook(own))),
		]
		return () => {
			clearTimeout(this.noticeTimer)
			for (const stop of stops) stop()
		}
	}

	/** Whether a zone shows in full: always without a spotlight; with one, only the spotlit zone. */
	isSpotlit(zone: ZoneId): boolean {
		const spotlight = this.spotlight.get()
		return spotlight === null || spotlight === zone
	}

	/** Everyone's dots once they are revealed: until then each person's stay in their own document. */
	votesIn(roundId: string): Votes[] {
		return votesInRound(this.voteBook.get(), roundId)
	}

	/** My dots in the open round, from my own document. */
	ownVotesIn(roundId: string, participantId: string): Votes {
		return this.ownVoteBookAtom.get().get(roundId)?.get(participantId) ?? {}
	}

	setRole(role: Role): void {
		this.roleAtom.set(role)
	}

	markFacilitationSynced(): void {
		this.facilitationSyncedAtom.set(true)
	}

	join(participant: Participant): void {
		storeParticipant(participant)
		this.meAtom.set(participant)
	}

	leavePresentation(): void {
		this.leftPresentationId.set(this.presentation.get()?.id ?? null)
	}

	rejoinPresentation(): void {
		this.leftPresentationId.set(null)
	}

	/** One short message to the person, shown until replaced or timed out; a key, so it follows the language switch. */
	showNotice(key: MessageKey): void {
		this.noticeAtom.set({ key, id: (this.noticeAtom.get()?.id ?? 0) + 1 })
		clearTimeout(this.noticeTimer)
		this.noticeTimer = setTimeout(() => this.noticeAtom.set(null), NOTICE_FOR_MS)
	}

	/** The server dropped a change of this page; its reason's English is for the console, the person is told by its code. */
	noticeRefusal(serverReason: string): void {
		console.info(`the server refused a change: ${serverReason}`)
		this.showNotice(refusalMessage(refusalCodeOf(serverReason), { role: this.role.get(), locked: this.locked.get() }))
	}
}
