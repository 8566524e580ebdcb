/** Board ids travel in URLs and become storage keys, so the alphabet is URL-safe and path-safe. */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

export function isValidBoardId(candidate: string): boolean {
	return BOARD_ID_PATTERN.test(candidate)
}

const ID_BYTES = 16 // 128 bits: unguessable, so the link itself is the invitation

/** A new random board id: base64url of 128 random bits (22 characters). */
export function newBoardId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(ID_BYTES))
	let binary = ''
	for (const byte of bytes) binary += String.fromCharCode(byte)
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
