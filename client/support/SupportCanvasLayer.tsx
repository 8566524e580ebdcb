import { useMemo } from 'react'
import { useEditor, useValue, type TLNoteShape } from 'tldraw'
import { $participant } from '../participant/participant'
import { $canEndorse, $endorsements } from '../session/sessionState'
import { NoteBadge, type BadgePlace } from './NoteBadge'
import { endorsementsByNote } from './endorsements'
import { useOwnVotes, useVoteResults } from './useVoting'

/** A tldraw note is 200 page units wide at scale 1; badges grow and shrink with their note. */
const NOTE_WIDTH = 200

/** Endorsement and vote badges on the notes, drawn in page space on top of the canvas. */
export function SupportCanvasLayer() {
	const editor = useEditor()
	const places = useValue(
		'badge places',
		() =>
			editor
				.getCurrentPageShapes()
				.filter((shape): shape is TLNoteShape => shape.type === 'note' && !editor.isShapeHidden(shape))
				.flatMap((note): BadgePlace[] => {
					const bounds = editor.getShapePageBounds(note)
					return bounds ? [{ noteId: note.id, left: bounds.minX, bottom: bounds.maxY, scale: bounds.w / NOTE_WIDTH }] : []
				}),
		[editor],
	)
	const endorsements = useValue($endorsements)
	const endorsers = useMemo(() => endorsementsByNote(endorsements), [endorsements])
	// Someone who has not joined yet has no name to endorse with.
	const canAct = useValue('can act on support', () => $canEndorse.get() && $participant.get() !== null, [])
	const ownVotes = useOwnVotes(editor)
	const results = useVoteResults(useMemo(() => places.map((place) => place.noteId), [places]))
	const totals = useMemo(() => (results ? new Map(results.map((result) => [result.noteId, result.dots])) : null), [results])
	const myId = useValue('my id', () => editor.user.getId(), [editor])

	return (
		<div className="support-badges">
			{places.map((place) => (
				<NoteBadge
					key={place.noteId}
					place={place}
					endorsers={endorsers.get(place.noteId) ?? []}
					myId={myId}
					canAct={canAct}
					voting={ownVotes && { myDots: ownVotes.votes[place.noteId] ?? 0, left: ownVotes.left }}
					total={totals && (totals.get(place.noteId) ?? 0)}
				/>
			))}
		</div>
	)
}
