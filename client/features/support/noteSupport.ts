import { computed, type Computed, type Editor } from 'tldraw'
import { endorsementsByNote } from '../../../shared/model/endorsers'
import type { Endorsement } from '../../../shared/model/support'
import { dotsLeft, isInRoundZone, roundResults, type Votes } from '../../../shared/model/voting'
import type { ZoneId } from '../../../shared/model/zones'
import { notesOnPage } from '../../canvas/notesOnPage'
import type { BoardSession } from '../../session/BoardSession'

/** My dots in the open round and my dots left; `zone`: the zone the round is limited to, whose notes alone take dots. */
export type OwnVotes = { votes: Votes; left: number; zone: ZoneId | null }

/** What a note's badge shows; equal values for a note whose support did not change, so its badge is left alone. */
export type NoteSupport = {
	endorsers: readonly Endorsement[]
	myId: string
	/** Whether this person may endorse and vote (not a viewer, and joined). */
	canAct: boolean
	/** My dots on this note and my dots left, during an open voting round; `inRound`: whether the round counts this note. */
	voting: { myDots: number; left: number; inRound: boolean } | null
	/** Everyone's dots on this note once the round is revealed. */
	total: number | null
}

const NO_ENDORSERS: readonly Endorsement[] = []

/**
 * The board's support worked out once per change, for every note's badge to read its own part:
 * a thousand badges each walking every endorsement or every note would make a change cost a
 * thousand walks.
 */
type SupportValues = {
	endorsers: Computed<Map<string, Endorsement[]>>
	ownVotes: Computed<OwnVotes | null>
	totals: Computed<Map<string, number> | null>
}

const valuesByEditor = new WeakMap<Editor, SupportValues>()

function supportValues(editor: Editor, session: BoardSession): SupportValues {
	let values = valuesByEditor.get(editor)
	if (values) return values
	values = {
		endorsers: computed('endorsers by note', () => endorsementsByNote(session.endorsements.get())),
		ownVotes: computed('own votes', () => {
			const round = session.voting.get()
			if (!round || round.phase !== 'open') return null
			const votes = session.ownVotesIn(round.id, editor.user.getId())
			return { votes, left: dotsLeft(round.dotsPerPerson, votes), zone: round.zone }
		}),
		totals: computed('revealed totals', () => {
			const round = session.voting.get()
			if (round?.phase !== 'revealed') return null
			const notes = notesOnPage(editor).map(({ note, box }) => ({ id: note.id, box }))
			return new Map(roundResults(session.votesIn(round.id), notes, round).map((result) => [result.noteId, result.dots]))
		}),
	}
	valuesByEditor.set(editor, values)
	return values
}

/** My dots in the open voting round, live; null when no round is open. */
export const ownVotesOf = (editor: Editor, session: BoardSession): OwnVotes | null => supportValues(editor, session).ownVotes.get()

/** One note's support, live when read in a reactive context. */
export function noteSupport(editor: Editor, session: BoardSession, noteId: string): NoteSupport {
	const values = supportValues(editor, session)
	const ownVotes = values.ownVotes.get()
	const totals = values.totals.get()
	const box = ownVotes || totals ? editor.getShapePageBounds(noteId as never) : undefined
	const myDots = ownVotes?.votes[noteId] ?? 0
	const inRound = box !== undefined && ownVotes !== null && isInRoundZone(box, ownVotes.zone)
	const revealed = session.voting.get()
	return {
		endorsers: values.endorsers.get().get(noteId) ?? NO_ENDORSERS,
		myId: editor.user.getId(),
		// Someone who has not joined yet has no name to endorse with.
		canAct: session.canEndorse.get() && session.me.get() !== null,
		// A round limited to a zone puts dots only on its notes, and on notes that left it with my dots still on them, to take those back.
		voting: ownVotes && (inRound || myDots > 0) ? { myDots, left: ownVotes.left, inRound } : null,
		total: totals && box && revealed && isInRoundZone(box, revealed.zone) ? (totals.get(noteId) ?? 0) : null,
	}
}
