/**
 * The media a board accepts as uploads, recognised by their first bytes rather than by what the
 * browser claims, so a renamed executable or HTML page cannot be stored as an "image".
 */
export type MediaType = { mimeType: string; extension: string }

const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0))

const SIGNATURES: { mediaType: MediaType; offset: number; bytes: number[] }[] = [
	{ mediaType: { mimeType: 'image/png', extension: 'png' }, offset: 0, bytes: [0x89, ...ascii('PNG\r\n\x1a\n')] },
	{ mediaType: { mimeType: 'image/jpeg', extension: 'jpg' }, offset: 0, bytes: [0xff, 0xd8, 0xff] },
	{ mediaType: { mimeType: 'image/gif', extension: 'gif' }, offset: 0, bytes: ascii('GIF8') },
	{ mediaType: { mimeType: 'image/webp', extension: 'webp' }, offset: 8, bytes: ascii('WEBP') },
	{ mediaType: { mimeType: 'video/webm', extension: 'webm' }, offset: 0, bytes: [0x1a, 0x45, 0xdf, 0xa3] },
	{ mediaType: { mimeType: 'video/mp4', extension: 'mp4' }, offset: 4, bytes: ascii('ftyp') },
]

const SVG: MediaType = { mimeType: 'image/svg+xml', extension: 'svg' }

export const ACCEPTED_MEDIA_DESCRIPTION = 'PNG, JPEG, GIF, WebP, SVG, MP4 or WebM'

/** How many first bytes `sniffMediaType` looks at (an SVG's opening tag may follow a long XML prologue). */
export const SNIFF_BYTES = 1024

export function sniffMediaType(bytes: Uint8Array): MediaType | undefined {
	const match = SIGNATURES.find(({ offset, bytes: signature }) => signature.every((byte, index) => bytes[offset + index] === byte))
	if (match) return match.mediaType
	const head = new TextDecoder().decode(bytes.subarray(0, SNIFF_BYTES)).trimStart()
	if ((head.startsWith('<?xml') || head.startsWith('<svg')) && head.includes('<svg')) return SVG
	return undefined
}

export function mediaTypeOfExtension(extension: string): MediaType | undefined {
	if (extension === SVG.extension) return SVG
	return SIGNATURES.find(({ mediaType }) => mediaType.extension === extension)?.mediaType
}
