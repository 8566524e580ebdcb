import express, { type Router } from 'express'
import { IDENTITY_PATH, type IdentityBody } from '../../shared/wire/http.js'
import type { IdentityService } from '../identity/IdentityService.js'

/**
 * `POST /api/identity` gives a browser a participant identity of its own: an id the server chose
 * and the token that proves it to the relay (see IdentityService). Nothing is stored.
 */
export function identityRouter(identities: IdentityService): Router {
	const router = express.Router()
	router.post(IDENTITY_PATH, (_request, response) => {
		// A cached answer would hand two browsers the same identity.
		response.setHeader('Cache-Control', 'no-store')
		response.status(201).json(identities.issue() satisfies IdentityBody)
	})
	return router
}
