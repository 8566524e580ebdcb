import type { SyntheticEvent } from 'react'
import { isEqual, useComputed, useEditor, useValue, type Editor } from 'tldraw'
import { useTranslation } from '../../i18n/locale'
import type { Translate } from '../../i18n/translate'
import { countText } from '../../i18n/countText'
import { describeEndorsers } from '../../../shared/model/endorsers'
import { castOwnDot, takeBackOwnDot, toggleOwnEndorsement } from './supportActions'
import { Icon } from '../../icons/Icon'
import { useBoardSession } from '../../session/BoardSessionContext'
import { noteSupport } from './noteSupport'
import type { NoteBadgeProps } from '../../canvas/shapes/StageNoteShapeUtil'

/**
 * A note's support, on its bottom edge from the left corner: endorsements (a thumb), my dots while a
 * round is open, everyone's dots once it is revealed. Compact, so it stays left of the middle,
 * where tldraw draws the handle that clones a selected note, and clear of the name tldraw
 * writes in the right corner. Drawn by the note itself (StageNoteShapeUtil), so tldraw culls it
 * with the note, and re-rendered only when this note's support changes.
 */
export function NoteBadge({ noteId, height, scale }: NoteBadgeProps) {
	const editor = useEditor()
	const session = useBoardSession()
	const { t } = useTranslation()
	const support = useComputed('note support', () => noteSupport(editor, session, noteId), { isEqual }, [editor, session, noteId])
	const { endorsers, myId, canAct, voting, total } = useValue(support)
	const endorsed = endorsers.some((endorsement) => endorsement.participantId === myId)
	const tooltip = endorsers.length > 0 ? t('support.endorsedBy', { names: describeEndorsers(endorsers) }) : t('support.noEndorsements')
	const endorsement = {
		'data-testid': 'endorse',
		'data-note-id': noteId,
		'data-endorsed': String(endorsed),
		'data-count': endorsers.length,
		className: 'support-badge__endorse',
		title: tooltip,
	}
	// A click on the badge is meant for it, not for selecting or dragging the note; unless a note
	// drawn over the badge hides it there, and the click belongs to that note.
	const keepFromCanvas = (event: SyntheticEvent): boolean => {
		if (isCoveredAt(editor, noteId, event)) return false
		editor.markEventAsHandled(event)
		event.stopPropagation()
		return true
	}
	const act = (action: () => void) => (event: SyntheticEvent) => {
		if (!isCoveredAt(editor, noteId, event)) action()
	}
	const takeBack = (event: SyntheticEvent) => {
		event.preventDefault()
		if (!isCoveredAt(editor, noteId, event)) takeBackOwnDot(session, editor, noteId)
	}

	return (
		<div
			className="support-badge"
			style={{ left: -4 * scale, top: height, fontSize: 13 * scale }}
			data-testid="support-badge"
			data-note-id={noteId}
			onPointerDown={keepFromCanvas}
			onPointerUp={keepFromCanvas}
			onTouchStart={keepFromCanvas}
			onTouchEnd={keepFromCanvas}
			onDoubleClick={keepFromCanvas}
			onContextMenu={(event) => {
				if (keepFromCanvas(event)) event.preventDefault()
			}}
		>
			{canAct ? (
				<button type="button" {...endorsement} aria-pressed={endorsed} onClick={act(() => toggleOwnEndorsement(session, editor, noteId))}>
					<Icon name="endorse" />
					{endorsers.length}
				</button>
			) : (
				<span {...endorsement}>
					<Icon name="endorse" />
					{endorsers.length}
				</span>
			)}
			{voting && canAct && (
				<>
					<button
						type="button"
						className="support-badge__dot"
						data-testid="vote-dot"
						data-note-id={noteId}
						data-my-dots={voting.myDots}
						// Not `disabled`: a disabled button gets no right-click, which takes a dot back.
						aria-disabled={voting.left === 0 || !voting.inRound}
						title={dotTitle(t, voting)}
						onClick={act(() => castOwnDot(session, editor, noteId))}
						onContextMenu={takeBack}
					>
						●{voting.myDots}
					</button>
					{voting.myDots > 0 && (
						<button
							type="button"
							className="support-badge__undot"
							data-testid="unvote-dot"
							data-note-id={noteId}
							title={t('support.takeBackDot')}
							onClick={takeBack}
						>
							−
						</button>
					)}
				</>
			)}
			{total !== null && (
				<span
					className="support-badge__total"
					data-testid="vote-total"
					data-note-id={noteId}
					data-count={total}
					title={countText(t, 'support.voteTotal', total)}
				>
					●{total}
				</span>
			)}
		</div>
	)
}

/** Whether a note above this one in the page's order covers the pointer: the badge is drawn with its note, under later notes. */
function isCoveredAt(editor: Editor, noteId: string, event: SyntheticEvent): boolean {
	if (!('clientX' in event.nativeEvent)) return false
	const { clientX, clientY } = event.nativeEvent as MouseEvent
	const point = editor.screenToPage({ x: clientX, y: clientY })
	const order = editor.getCurrentPageShapesSorted()
	const own = order.findIndex((shape) => shape.id === noteId)
	const top = editor.getShapeAtPoint(point, { hitInside: true, filter: (shape) => shape.type === 'note' && shape.id !== noteId })
	return top !== undefined && order.indexOf(top) > own
}

function dotTitle(t: Translate, { left, inRound }: { left: number; inRound: boolean }): string {
	if (!inRound) return t('support.outsideVote')
	return left > 0 ? t('support.castDot', { left }) : t('support.noDotsLeft')
}
