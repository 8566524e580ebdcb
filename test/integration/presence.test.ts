import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setFollowMe } from '../../shared/facilitationDoc'
import { boardPeople, type OpenDocument } from '../helpers/boardPeople'
import { removeDataDir, startServer, type RunningServer } from '../helpers/serverProcess'
import { waitFor } from '../helpers/waitFor'

let server: RunningServer
beforeAll(async () => {
	server = await startServer()
})
afterAll(async () => {
	await server.stop()
	removeDataDir(server)
})
const { createBoard, person } = boardPeople(() => server)

/** A tldraw presence as a board page publishes it, under a user id and colour of the sender's choosing. */
const presenceAs = (userId: string, color = '#ff802b') => ({
	typeName: 'instance_presence',
	userId,
	userName: 'Fien',
	color,
	cursor: { x: 60000, y: 60000, type: 'default', rotation: 0 },
})

const presenceSeenBy = (watcher: OpenDocument, sender: OpenDocument) =>
	(watcher.provider.awareness.getStates().get(sender.doc.clientID) as { presence?: { userId?: string } } | undefined)?.presence

describe('presence cannot be impersonated', () => {
	it("a participant announcing the facilitator's user id (to take over follow me) is refused, and everyone keeps seeing the facilitator", async () => {
		const board = await createBoard()
		const fien = await person(board.boardId, board.facilitatorKey)
		const mallory = await person(board.boardId)
		const anna = await person(board.boardId)
		const fienFacilitation = await fien.open('facilitation')
		const [fienBoard, malloryBoard, annaBoard] = await Promise.all([fien.open('board'), mallory.open('board'), anna.open('board')])

		setFollowMe(fienFacilitation.doc, `user:${fien.participantId}`)
		fienBoard.provider.awareness.setLocalStateField('presence', presenceAs(`user:${fien.participantId}`))
		await waitFor(() => presenceSeenBy(annaBoard, fienBoard), { what: "the facilitator's presence at Anna's" })

		malloryBoard.provider.awareness.setLocalStateField('presence', presenceAs(`user:${fien.participantId}`))
		await waitFor(() => malloryBoard.refusals.length > 0, { what: 'a refusal for the posing presence' })
		expect(malloryBoard.refusals[0]).toBe('presence-not-yours')
		// Her own presence, under her own id, goes out as usual: one tick later Anna has it, and never the forged one.
		malloryBoard.provider.awareness.setLocalStateField('presence', presenceAs(`user:${mallory.participantId}`))
		await waitFor(() => presenceSeenBy(annaBoard, malloryBoard)?.userId === `user:${mallory.participantId}`, { what: "Mallory's own presence" })
		const followable = [...annaBoard.provider.awareness.getStates().values()].filter(
			(state) => (state as { presence?: { userId?: string } }).presence?.userId === `user:${fien.participantId}`,
		)
		expect(followable).toHaveLength(1)
	})

	it('a presence colour that is CSS fetching another host is refused', async () => {
		const board = await createBoard()
		const mallory = await person(board.boardId)
		const anna = await person(board.boardId)
		const [malloryBoard, annaBoard] = await Promise.all([mallory.open('board'), anna.open('board')])
		malloryBoard.provider.awareness.setLocalStateField('presence', presenceAs(`user:${mallory.participantId}`, 'url(http://198.51.100.7/x.png)'))
		await waitFor(() => malloryBoard.refusals.length > 0, { what: 'a refusal for the colour' })
		expect(malloryBoard.refusals[0]).toBe('presence-not-yours')
		expect(presenceSeenBy(annaBoard, malloryBoard)).toBeUndefined()
	})
})
