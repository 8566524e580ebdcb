import { createHash } from 'node:crypto'
import { mkdir, stat, writeFile, rename } from 'node:fs/promises'
import path from 'node:path'
import express, { type Router } from 'express'
import { UPLOADS_PATH, type ErrorBody, type UploadedFileBody } from '../../shared/wire/http.js'
import { ACCEPTED_MEDIA_DESCRIPTION, mediaTypeOfExtension, sniffMediaType } from './mediaTypes.js'

const STORED_NAME = /^[0-9a-f]{64}\.[a-z0-9]{2,5}$/

/**
 * Board images and videos: `POST /uploads` stores the body under the SHA-256 of its bytes (so the
 * same image pasted twice is stored once) and answers its URL; `GET /uploads/<name>` serves it.
 * Documents only ever hold that URL, never the bytes.
 */
export function uploadsRouter(options: { directory: string; maxBytes: number }): Router {
	const router = express.Router()
	const ready = mkdir(options.directory, { recursive: true })

	router.post('/', express.raw({ type: () => true, limit: options.maxBytes }), async (request, response) => {
		const body: unknown = request.body
		if (!(body instanceof Buffer) || body.length === 0) {
			response.status(400).json({ error: 'upload is empty: send the file bytes as the request body' } satisfies ErrorBody)
			return
		}
		const mediaType = sniffMediaType(body)
		if (!mediaType) {
			response.status(415).json({ error: `unsupported file type: upload ${ACCEPTED_MEDIA_DESCRIPTION}` } satisfies ErrorBody)
			return
		}
		await ready
		const name = `${createHash('sha256').update(body).digest('hex')}.${mediaType.extension}`
		const target = path.join(options.directory, name)
		if (!(await exists(target))) {
			// Write then rename, so a crash never leaves a half-written file under the final name.
			const temporary = `${target}.${process.pid}.${Date.now()}.part`
			await writeFile(temporary, body)
			await rename(temporary, target)
		}
		const stored: UploadedFileBody = { url: `${UPLOADS_PATH}/${name}`, mimeType: mediaType.mimeType, size: body.length }
		response.status(201).json(stored)
	})

	router.get('/:name', (request, response) => {
		const name = request.params.name
		const mediaType = STORED_NAME.test(name) ? mediaTypeOfExtension(name.split('.')[1]!) : undefined
		if (!mediaType) {
			response.status(404).json({ error: 'no such upload' })
			return
		}
		response.setHeader('Content-Type', mediaType.mimeType)
		response.setHeader('X-Content-Type-Options', 'nosniff')
		// An SVG opened directly could run script on our origin; sandboxing it prevents that.
		response.setHeader('Content-Security-Policy', "sandbox; default-src 'none'; style-src 'unsafe-inline'")
		response.sendFile(name, { root: options.directory, immutable: true, maxAge: '365d' }, (error) => {
			if (error && !response.headersSent) response.status(404).json({ error: 'no such upload' })
		})
	})
	return router
}

async function exists(file: string): Promise<boolean> {
	try {
		await stat(file)
		return true
	} catch {
		return false
	}
}
