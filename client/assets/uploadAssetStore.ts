import type { TLAssetStore } from 'tldraw'

/**
 * Pasted and dropped images go to the server's upload endpoint; the board stores only the
 * returned URL, so documents stay small and every participant loads the image from our origin.
 */
export const uploadAssetStore: TLAssetStore = {
	async upload(_asset, file, abortSignal) {
		const response = await fetch('/uploads', {
			method: 'POST',
			body: file,
			headers: { 'Content-Type': file.type || 'application/octet-stream' },
			signal: abortSignal,
		})
		const body = (await response.json().catch(() => ({}))) as { url?: string; error?: string }
		if (!response.ok || !body.url) throw new Error(body.error ?? `upload failed with HTTP ${response.status}`)
		return { src: body.url }
	},
}
