import { mkdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import express, { type Request, type Response, type Router } from 'express'
import { UPLOAD_BOARD_HEADER, UPLOADS_PATH, type UploadedFileBody } from '../../shared/wire/http.js'
import { ConfigError } from '../config.js'
import { clientAddress } from '../relay/clientAddress.js'
import { ByteRateLimit } from './ByteRateLimit.js'
import { mediaTypeOfExtension } from './mediaTypes.js'
import { receiveUpload, type ReceivedUpload } from './receiveUpload.js'
import { boardRefusal, type UploadAccess } from './uploadBoard.js'
import { answerRefusal, overRate, tooLarge, type UploadRefusal } from './uploadRefusals.js'

const STORED_NAME = /^[0-9a-f]{64}\.[a-z0-9]{2,5}$/

export type UploadOptions = {
	directory: string
	maxBytes: number
	/** Per client address (see ByteRateLimit). */
	bytesPerMinute: number
	/** Reverse proxies whose X-Forwarded-For names the client, as for the relay's per-address limit. */
	trustedProxies: readonly string[]
}

/**
 * Board images and videos: `POST /uploads` (naming its board in the X-Board-Id header) stores the
 * body under the SHA-256 of its bytes (so the same image pasted twice is stored once) and answers
 * its URL; `GET /uploads/<name>` serves it. Documents only ever hold that URL, never the bytes.
 *
 * The board travels in a header rather than the query: a custom header makes a cross-site
 * request need a CORS preflight, which is never granted, so another site cannot make a visitor's
 * browser upload into a board it knows (a plain form post could, with the id in the query).
 */
export function uploadsRouter(access: UploadAccess, options: UploadOptions): Router {
	if (options.bytesPerMinute < options.maxBytes) {
		throw new ConfigError(
			`Invalid configuration: UPLOAD_BYTES_PER_MINUTE=${options.bytesPerMinute} is below UPLOAD_MAX_BYTES=${options.maxBytes}, so the largest uploads could never pass`,
		)
	}
	const router = express.Router()
	// Bodies are written here first; what is in it at start was cut short by a crash or a restart.
	const incoming = path.join(options.directory, '.incoming')
	const ready = rm(incoming, { recursive: true, force: true }).then(() => mkdir(incoming, { recursive: true }))
	const rateLimit = new ByteRateLimit(options.bytesPerMinute)
	const trustedProxies = new Set(options.trustedProxies)
	// Of a refused body at most twice the size limit is read in all, counting what was read before
	// the refusal: an honest client's body a little over the limit ends before that, whether it is
	// refused on its declared length before a byte is read or as it passes the limit, so the client
	// still gets to read why.
	const refuse = (request: Request, response: Response, refusal: UploadRefusal, bodyBytesRead = 0) =>
		answerRefusal(request, response, refusal, Math.max(0, 2 * options.maxBytes - bodyBytesRead))

	router.post('/', async (request, response) => {
		const refusedBoard = await boardRefusal(request.get(UPLOAD_BOARD_HEADER), access)
		if (refusedBoard) return refuse(request, response, refusedBoard)
		const declaredBytes = request.headers['content-length'] === undefined ? undefined : Number(request.headers['content-length'])
		if (declaredBytes !== undefined && declaredBytes > options.maxBytes) return refuse(request, response, tooLarge(options.maxBytes))
		const address = clientAddress(request.socket.remoteAddress ?? '', request.headers['x-forwarded-for'], trustedProxies)
		// A body that would not fit is refused before it is read, an address in debt even without a
		// declared length; then bytes are counted as they arrive.
		const wait = rateLimit.secondsUntil(address, Math.max(declaredBytes ?? 0, 1))
		if (wait > 0) return refuse(request, response, overRate(wait))

		await ready
		let bodyBytesRead = 0
		const received = await receiveUpload(request, {
			directory: incoming,
			maxBytes: options.maxBytes,
			admit: (bytes) => {
				bodyBytesRead += bytes
				return rateLimit.take(address, bytes) ? null : overRate(rateLimit.secondsUntil(address, 1))
			},
		})
		if ('status' in received) return refuse(request, response, received, bodyBytesRead)
		const name = await keep(received, options.directory)
		const stored: UploadedFileBody = { url: `${UPLOADS_PATH}/${name}`, mimeType: received.mediaType.mimeType, size: received.size }
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

/**
 * Moves a received file under its content address, in one rename, so the name never shows a
 * partial file. When the same bytes are already stored the new copy is dropped; two uploads of
 * them at once may both rename, the second replacing the first with identical bytes.
 */
async function keep(received: ReceivedUpload, directory: string): Promise<string> {
	const name = `${received.sha256}.${received.mediaType.extension}`
	const target = path.join(directory, name)
	try {
		if (!(await exists(target))) await rename(received.file, target)
	} finally {
		await rm(received.file, { force: true })
	}
	return name
}

async function exists(file: string): Promise<boolean> {
	try {
		await stat(file)
		return true
	} catch {
		return false
	}
}
