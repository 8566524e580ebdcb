import type { TLAssetStore } from 'tldraw'
import { errorBody, readBody, UPLOAD_BOARD_HEADER, UPLOADS_PATH, uploadedFileBody } from '../../shared/wire/http'

/**
 * Pasted and dropped images go to the server's upload endpoint, for the board they are pasted
 * on (the server takes uploads only for a board that exists, through a link that may edit it);
 * the board stores only the returned URL, so documents stay small and every participant loads
 * the image from our origin.
 */
export function uploadAssetStore(boardId: string): TLAssetStore {
	return {
		async upload(_asset, file, abortSignal) {
			const response = await fetch(UPLOADS_PATH, {
				method: 'POST',
				body: file,
				headers: { 'Content-Type': file.type || 'application/octet-stream', [UPLOAD_BOARD_HEADER]: boardId },
				signal: abortSignal,
			})
			if (!response.ok) {
				const refusal = errorBody.safeParse(await response.json().catch(() => null))
				throw new Error(refusal.success ? refusal.data.error : `upload failed with HTTP ${response.status}`)
			}
			return { src: (await readBody(response, UPLOADS_PATH, uploadedFileBody)).url }
		},
	}
}
