import express, { type Request, type Router } from 'express'
import { isValidBoardId } from '../../shared/boardId.js'
import {
	FACILITATOR_KEY_HEADER,
	type BoardRoleBody,
	type CreatedBoardBody,
	type ErrorBody,
	type PrivateRoundTallyBody,
	type ViewIdBody,
} from '../../shared/wire/http.js'
import type { BoardAccessService } from '../access/BoardAccessService.js'
import type { PrivateDocuments } from '../relay/PrivateDocuments.js'

/**
 * `POST /api/boards` creates a board with its three links; `GET /api/boards/:id/role` tells a
 * browser which role its link gives; `GET /api/boards/:id/view` gives the facilitator the
 * view-only id; `GET /api/boards/:id/private-round` gives the facilitator the counts of what the
 * running private round keeps private; `GET /api/views/:viewId` tells whether a view link exists.
 * The key comes in the X-Facilitator-Key header.
 */
export function boardsRouter(access: BoardAccessService, privateDocuments: PrivateDocuments): Router {
	const router = express.Router()

	router.post('/boards', async (_request, response) => {
		response.status(201).json((await access.createBoard()) satisfies CreatedBoardBody)
	})

	router.get('/boards/:boardId/role', async (request, response) => {
		const { boardId } = request.params
		if (!isValidBoardId(boardId)) {
			response.status(400).json({ error: 'board id must be 1-64 characters of A-Z a-z 0-9 _ -' })
			return
		}
		response.setHeader('Cache-Control', 'no-store')
		response.json({ role: await access.roleFor(boardId, facilitatorKeyOf(request)) } satisfies BoardRoleBody)
	})

	router.get('/boards/:boardId/view', async (request, response) => {
		const { boardId } = request.params
		const viewId = isValidBoardId(boardId) ? await access.viewIdFor(boardId, facilitatorKeyOf(request)) : null
		response.setHeader('Cache-Control', 'no-store')
		if (!viewId) {
			response.status(403).json({ error: 'only the facilitator link can share the view-only link' })
			return
		}
		response.json({ viewId } satisfies ViewIdBody)
	})

	router.get('/boards/:boardId/private-round', async (request, response) => {
		const { boardId } = request.params
		const isFacilitator = isValidBoardId(boardId) && (await access.roleFor(boardId, facilitatorKeyOf(request))) === 'facilitator'
		response.setHeader('Cache-Control', 'no-store')
		if (!isFacilitator) {
			response.status(403).json({ error: 'only the facilitator link can count private notes' } satisfies ErrorBody)
			return
		}
		response.json((await privateDocuments.tally(boardId)) satisfies PrivateRoundTallyBody)
	})

	router.get('/views/:viewId', async (request, response) => {
		const { viewId } = request.params
		const exists = isValidBoardId(viewId) && (await access.boardIdOfView(viewId)) !== null
		if (!exists) {
			response.status(404).json({ error: 'this view-only link does not exist' } satisfies ErrorBody)
			return
		}
		response.json({ role: 'viewer' } satisfies BoardRoleBody)
	})
	return router
}

/** The key from the header; `?key=` is how clients from before sent it (the browser no longer does). */
function facilitatorKeyOf(request: Request): string | null {
	return keyOf(request.get(FACILITATOR_KEY_HEADER) ?? request.query.key)
}

function keyOf(value: unknown): string | null {
	return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : null
}
