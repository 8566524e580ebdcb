import type { SyntheticEvent } from 'react'
import { useEditor } from 'tldraw'
import type { Endorsement } from '../../../shared/model/support'
import { useTranslation } from '../../i18n/locale'
import type { Translate } from '../../i18n/translate'
import { countText } from '../../i18n/countText'
import { describeEndorsers } from '../../../shared/model/endorsers'
import { castOwnDot, takeBackOwnDot, toggleOwnEndorsement } from './supportActions'
import { Icon } from '../../icons/Icon'
import { useBoardSession } from '../../session/BoardSessionContext'

/** A note's bottom-left corner in page units, and the note's size factor (badges grow with the note). */
export type BadgePlace = { noteId: string; left: number; bottom: number; scale: number }

type Props = {
	place: BadgePlace
	endorsers: Endorsement[]
	myId: string
	/** Whether this person may endorse and vote (not a viewer, and joined). */
	canAct: boolean
	/** My dots on this note and my dots left, during an open voting round; `inRound`: whether the round counts this note. */
	voting: { myDots: number; left: number; inRound: boolean } | null
	/** Everyone's dots on this note once the round is revealed. */
	total: number | null
}

/**
 * A note's support, on its bottom edge from the left corner: endorsements (a thumb), my dots while a
 * round is open, everyone's dots once it is revealed. Compact, so it stays left of the middle,
 * where tldraw draws the handle that clones a selected note, and clear of the name tldraw
 * writes in the right corner.
 */
export function NoteBadge({ place, endorsers, myId, canAct, voting, total }: Props) {
	const editor = useEditor()
	const session = useBoardSession()
	const { t } = useTranslation()
	const { noteId, scale } = place
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
	// The badge sits on the canvas: a click on it is meant for it, not for selecting or dragging the note.
	const keepFromCanvas = (event: SyntheticEvent) => {
		editor.markEventAsHandled(event)
		event.stopPropagation()
	}
	const takeBack = (event: SyntheticEvent) => {
		event.preventDefault()
		takeBackOwnDot(session, editor, noteId)
	}

	return (
		<div
			className="support-badge"
			style={{ left: place.left - 4 * scale, top: place.bottom, fontSize: 13 * scale }}
			data-testid="support-badge"
			data-note-id={noteId}
			onPointerDown={keepFromCanvas}
			onPointerUp={keepFromCanvas}
			onTouchStart={keepFromCanvas}
			onTouchEnd={keepFromCanvas}
			onDoubleClick={keepFromCanvas}
			onContextMenu={(event) => {
				keepFromCanvas(event)
				event.preventDefault()
			}}
		>
			{canAct ? (
				<button type="button" {...endorsement} aria-pressed={endorsed} onClick={() => toggleOwnEndorsement(session, editor, noteId)}>
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
						onClick={() => castOwnDot(session, editor, noteId)}
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

function dotTitle(t: Translate, { left, inRound }: { left: number; inRound: boolean }): string {
	if (!inRound) return t('support.outsideVote')
	return left > 0 ? t('support.castDot', { left }) : t('support.noDotsLeft')
}
