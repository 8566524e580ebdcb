import { describe, it, expect } from 'vitest'
import { mediaTypeOfExtension, sniffMediaType } from '../../server/http/mediaTypes'

const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)))

const samples = {
	png: bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13], 'IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]),
	jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0]),
	gif: bytes('GIF89a', [1, 0, 1, 0, 0x80, 0, 0]),
	webp: bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ', [0x18, 0, 0, 0]),
	mp4: bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0], 'isomiso2avc1mp41'),
	webm: bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01], [0x42, 0x82, 0x84], 'webm'),
	svg: bytes('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'),
	svgWithDeclaration: bytes('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>'),
	svgWithLeadingWhitespace: bytes('\n\n  <svg xmlns="http://www.w3.org/2000/svg"></svg>'),
}

describe('sniffMediaType', () => {
	it.each([
		['png', samples.png, 'image/png', 'png'],
		['jpeg', samples.jpeg, 'image/jpeg', 'jpg'],
		['gif', samples.gif, 'image/gif', 'gif'],
		['webp', samples.webp, 'image/webp', 'webp'],
		['mp4', samples.mp4, 'video/mp4', 'mp4'],
		['webm', samples.webm, 'video/webm', 'webm'],
		['svg', samples.svg, 'image/svg+xml', 'svg'],
		['svg with an XML declaration', samples.svgWithDeclaration, 'image/svg+xml', 'svg'],
		['svg after whitespace', samples.svgWithLeadingWhitespace, 'image/svg+xml', 'svg'],
	])('recognises %s by its bytes', (_name, sample, mimeType, extension) => {
		expect(sniffMediaType(sample)).toEqual({ mimeType, extension })
	})

	it('recognises GIF87a as well as GIF89a', () => {
		expect(sniffMediaType(bytes('GIF87a', [1, 0, 1, 0]))?.mimeType).toBe('image/gif')
	})

	it.each([
		['an HTML page', bytes('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>')],
		['an HTML page embedding an svg', bytes('<html><body><svg></svg></body></html>')],
		['an XML file that is not svg', bytes('<?xml version="1.0"?><note><to>x</to></note>')],
		['plain text', bytes('hello, this is just some text\n')],
		['text that mentions <svg later on', bytes('notes about <svg> elements')],
		['JSON', bytes('{"type":"png"}')],
		['an empty file', new Uint8Array()],
		['a Windows executable', bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0])],
		['a ZIP archive', bytes('PK', [3, 4, 20, 0, 0, 0, 8, 0])],
		['a PDF', bytes('%PDF-1.7\n')],
		['a truncated PNG signature', bytes([0x89], 'PNG')],
		['two bytes of a JPEG signature', bytes([0xff, 0xd8])],
	])('rejects %s', (_name, sample) => {
		expect(sniffMediaType(sample)).toBeUndefined()
	})

	it('only looks at the leading bytes: a PNG signature later in the file does not count', () => {
		expect(sniffMediaType(bytes('hello', [0x89], 'PNG\r\n\x1a\n'))).toBeUndefined()
	})
})

describe('mediaTypeOfExtension', () => {
	it.each([
		['png', 'image/png'],
		['jpg', 'image/jpeg'],
		['gif', 'image/gif'],
		['webp', 'image/webp'],
		['svg', 'image/svg+xml'],
		['mp4', 'video/mp4'],
		['webm', 'video/webm'],
	])('maps .%s to %s', (extension, mimeType) => {
		expect(mediaTypeOfExtension(extension)).toEqual({ mimeType, extension })
	})

	it.each(['html', 'exe', 'jpeg', '', 'PNG'])('knows nothing about %j', (extension) => {
		expect(mediaTypeOfExtension(extension)).toBeUndefined()
	})
})
