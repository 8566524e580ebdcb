import { createHash, randomUUID } from 'node:crypto'
import { open, rm } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { ACCEPTED_MEDIA_DESCRIPTION, SNIFF_BYTES, sniffMediaType, type MediaType } from './mediaTypes.js'
import { tooLarge, type UploadRefusal } from './uploadRefusals.js'

/** A body written whole to `file`, a name no other upload uses. */
export type ReceivedUpload = { file: string; sha256: string; mediaType: MediaType; size: number }

export type ReceiveOptions = {
	/** Where the file is written: on the uploads' filesystem, so it can be renamed into place. */
	directory: string
	maxBytes: number
	/** Counts bytes as they arrive; a refusal stops the upload there. */
	admit: (bytes: number) => UploadRefusal | null
}

/**
 * Streams an upload body to disk, hashing it on the way, so memory holds a chunk at a time
 * whatever the size. The media type is told from the first bytes, before anything is written.
 * On a refusal nothing more is taken from the body (the rest is the caller's to deal with) and
 * nothing is left on disk.
 */
export async function receiveUpload(body: Readable, options: ReceiveOptions): Promise<ReceivedUpload | UploadRefusal> {
	const chunks = admitted(body, options)
	try {
		const head = await readHead(chunks)
		if (head.length === 0) return { status: 400, error: 'upload is empty: send the file bytes as the request body' }
		const mediaType = sniffMediaType(head)
		if (!mediaType) return { status: 415, error: `unsupported file type: upload ${ACCEPTED_MEDIA_DESCRIPTION}` }
		const file = path.join(options.directory, `${randomUUID()}.part`)
		const handle = await open(file, 'wx')
		let complete = false
		try {
			const hash = createHash('sha256').update(head)
			await handle.writeFile(head)
			let size = head.length
			for await (const chunk of chunks) {
				hash.update(chunk)
				await handle.writeFile(chunk)
				size += chunk.length
			}
			complete = true
			return { file, sha256: hash.digest('hex'), mediaType, size }
		} finally {
			await handle.close()
			if (!complete) await rm(file, { force: true })
		}
	} catch (error) {
		if (error instanceof Refused) return error.refusal
		throw error
	} finally {
		// Refused before the end (415): let go of the body, for the caller to answer.
		await chunks.return(undefined)
	}
}

class Refused extends Error {
	constructor(readonly refusal: UploadRefusal) {
		super(refusal.error)
	}
}

/** The body's chunks, each admitted (and counted) before it is handed on; throws Refused when one is not. */
async function* admitted(body: Readable, options: ReceiveOptions): AsyncGenerator<Buffer> {
	let size = 0
	// Without destroyOnReturn: false, leaving the loop would destroy the socket the refusal is to be sent on.
	for await (const chunk of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
		size += chunk.length
		const refusal = options.admit(chunk.length) ?? (size > options.maxBytes ? tooLarge(options.maxBytes) : null)
		if (refusal) throw new Refused(refusal)
		yield chunk
	}
}

/** At least the bytes media sniffing looks at (fewer only when the body is shorter), leaving the rest in `chunks`. */
async function readHead(chunks: AsyncIterator<Buffer>): Promise<Buffer> {
	const head: Buffer[] = []
	let length = 0
	while (length < SNIFF_BYTES) {
		const next = await chunks.next()
		if (next.done) break
		head.push(next.value)
		length += next.value.length
	}
	return Buffer.concat(head)
}
