import { useEffect } from 'react'
import { Box, react, type Editor, type TLUserId } from 'tldraw'
import type { BoardSession } from '../../session/BoardSession'
import { useBoardSession } from '../../session/BoardSessionContext'

/**
 * Everyone's board answers the facilitator: a new summon moves the camera to the facilitator's
 * view, "follow me" starts following them. Both act once per instruction, so a person can look
 * elsewhere afterwards (tldraw stops following when they move their own camera).
 */
export function useFacilitationReactions(editor: Editor): void {
	const session = useBoardSession()
	useEffect(() => {
		const stopSummon = reactToSummons(editor, session)
		const stopFollow = reactToFollowMe(editor, session)
		return () => {
			stopSummon()
			stopFollow()
		}
	}, [editor, session])
}

function reactToSummons(editor: Editor, session: BoardSession): () => void {
	// The summon the board already held when this page opened is history, not an instruction.
	let handled: string | null | undefined
	return react('answer summons', () => {
		if (!session.facilitationSynced.get()) return
		const summon = session.facilitation.get().summon
		if (handled === undefined) {
			handled = summon?.id ?? null
			return
		}
		if (summon === null || summon.id === handled) return
		handled = summon.id
		if (session.isFacilitator.get()) return
		const { x, y, w, h } = summon.bounds
		// No inset: the person sees at least everything the facilitator saw.
		editor.zoomToBounds(new Box(x, y, w, h), { inset: 0, animation: { duration: 400 } })
	})
}

function reactToFollowMe(editor: Editor, session: BoardSession): () => void {
	// The leader this page last started following on the facilitator's word.
	let followed: string | null = null
	return react('answer follow me', () => {
		const leader = session.facilitation.get().followMe?.userId ?? null
		if (leader === followed) return
		if (leader === null) {
			// Only end what "follow me" started: someone may follow a colleague of their own accord.
			if (editor.getInstanceState().followingUserId === followed) editor.stopFollowingUser()
			followed = null
			return
		}
		if (leader === editor.user.getRecordId()) return
		// The instruction can arrive before the leader's presence does: wait for it, or tldraw follows nobody.
		if (!editor.getCollaborators().some((collaborator) => collaborator.userId === leader)) return
		editor.startFollowingUser(leader as TLUserId)
		followed = leader
	})
}
