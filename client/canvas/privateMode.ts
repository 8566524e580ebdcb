import type { Editor } from 'tldraw'
import type { NoteMeta } from '../../shared/model/noteAuthorship'
import type { BoardSession } from '../session/BoardSession'

/**
 * Private rounds: everyone writes without seeing the others' new notes, so the first idea on the
 * board does not steer the rest. A note of the running round goes into its writer's private
 * document (BoardSession.keepsPrivate, client/sync/bindStoreToDoc.ts), which the relay serves to nobody else, and the server
 * moves it onto the board when the facilitator reveals its zone, or reveals or ends the round.
 */

/** What a note created now carries for private mode: its author's id, and the running round if any. */
export function privacyMeta(session: BoardSession, editor: Editor): Pick<NoteMeta, 'authorId' | 'privateRound'> {
	const round = session.hidingRound.get()
	return round === null ? { authorId: editor.user.getId() } : { authorId: editor.user.getId(), privateRound: round.id }
}
