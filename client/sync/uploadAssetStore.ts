import type { TLAssetStore } from 'tldraw'
import { errorBody, readBody, UPLOADS_PATH, uploadedFileBody } from '../../shared/wire/http'

/**
 * Pasted and dropped images go to the server's upload endpoint; the board stores only the
 * returned URL, so documents stay small and every participant loads the image from our origin.
 */
export const uploadAssetStore: TLAssetStore = {
	async upload(_asset, file, abortSignal) {
		const response = await fetch(UPLOADS_PATH, {
			method: 'POST',
			body: file,
			headers: { 'Content-Type': file.type || 'application/octet-stream' },
			signal: abortSignal,
		})
		if (!response.ok) {
			const refusal = errorBody.safeParse(await response.json().catch(() => null))
			throw new Error(refusal.success ? refusal.data.error : `upload failed with HTTP ${response.status}`)
		}
		return { src: (await readBody(response, UPLOADS_PATH, uploadedFileBody)).url }
	},
}
