import type { Request, Response } from 'express'
import type { ErrorBody } from '../../shared/wire/http.js'

/** Why an upload is not stored: the status and the sentence to answer with. */
export type UploadRefusal = { status: number; error: string; retryAfterSeconds?: number }

export const tooLarge = (maxBytes: number): UploadRefusal => ({ status: 413, error: `uploads are limited to ${maxBytes} bytes` })

export const overRate = (retryAfterSeconds: number): UploadRefusal => ({
	status: 429,
	error: `too many upload bytes from this address in the last minute: try again in ${retryAfterSeconds} s`,
	retryAfterSeconds,
})

/**
 * Answers a refusal at once, for clients that read an answer while they send (curl, fetch in Node).
 * Browsers read it only once they have sent their whole body, and report a broken connection
 * instead when it is cut first; so the rest of the body is read and thrown away, never stored,
 * up to `discardBytes`. A body longer than that costs its connection: reading on would only
 * spend bandwidth.
 *
 * The answer must not say `Connection: close`: Node's server ends and destroys a connection
 * answered so as soon as the answer is written, however much of the body is still coming, which
 * would cut every client before the discarding begins. A body that ends within `discardBytes`
 * leaves the connection as good as any other, so it may stay open for the client's next request.
 */
export function answerRefusal(request: Request, response: Response, refusal: UploadRefusal, discardBytes: number) {
	if (refusal.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(refusal.retryAfterSeconds))
	response.status(refusal.status).json({ error: refusal.error } satisfies ErrorBody)
	// After the answer is handed to the socket, so a cut cannot come before it.
	if (!request.complete) discardRest(request, discardBytes)
}

function discardRest(request: Request, discardBytes: number) {
	let discarded = 0
	request.on('data', (chunk: Buffer) => {
		discarded += chunk.length
		if (discarded > discardBytes) request.socket.destroy()
	})
	request.resume()
}
