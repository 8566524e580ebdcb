import { useMemo } from 'react'
import { useEditor, useValue } from 'tldraw'
import { isInRoundZone, type VotableNote } from '../../../shared/model/voting'
import { NOTE_SIZE, notesOnPage } from '../../canvas/notesOnPage'
import { NoteBadge, type BadgePlace } from './NoteBadge'
import { endorsementsByNote } from '../../../shared/model/endorsers'
import { useOwnVotes, useRevealedRound, useRoundResults } from './useVoting'
import { useBoardSession } from '../../session/BoardSessionContext'

/** Endorsement and vote badges on the notes, drawn in page space on top of the canvas. */
export function SupportCanvasLayer() {
	const session = useBoardSession()
	const editor = useEditor()
	const notes = useValue('badged notes', () => notesOnPage(editor).map(({ note, box }): VotableNote => ({ id: note.id, box })), [editor])
	const endorsements = useValue(session.endorsements)
	const endorsers = useMemo(() => endorsementsByNote(endorsements), [endorsements])
	// Someone who has not joined yet has no name to endorse with.
	const canAct = useValue('can act on support', () => session.canEndorse.get() && session.me.get() !== null, [session])
	const ownVotes = useOwnVotes(editor)
	const revealed = useRevealedRound()
	const results = useRoundResults(revealed, notes)
	const totals = useMemo(() => (results ? new Map(results.map((result) => [result.noteId, result.dots])) : null), [results])
	const myId = useValue('my id', () => editor.user.getId(), [editor])

	/** A round limited to a zone puts dots only on its notes, and on notes that left it with my dots still on them, to take those back. */
	const votingOn = ({ id, box }: VotableNote) => {
		if (!ownVotes) return null
		const myDots = ownVotes.votes[id] ?? 0
		const inRound = isInRoundZone(box, ownVotes.zone)
		return inRound || myDots > 0 ? { myDots, left: ownVotes.left, inRound } : null
	}
	const totalOn = ({ id, box }: VotableNote) => (totals && revealed && isInRoundZone(box, revealed.zone) ? (totals.get(id) ?? 0) : null)

	return (
		<div className="support-badges">
			{notes.map((note) => (
				<NoteBadge
					key={note.id}
					place={placeOf(note)}
					endorsers={endorsers.get(note.id) ?? []}
					myId={myId}
					canAct={canAct}
					voting={votingOn(note)}
					total={totalOn(note)}
				/>
			))}
		</div>
	)
}

function placeOf({ id, box }: VotableNote): BadgePlace {
	return { noteId: id, left: box.x, bottom: box.y + box.h, scale: box.w / NOTE_SIZE }
}
