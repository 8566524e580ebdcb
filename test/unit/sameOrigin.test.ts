import { describe, expect, it } from 'vitest'
import { isPlainColour, offOriginProblem } from '../../shared/model/sameOrigin'

const UPLOAD = `/uploads/${'a'.repeat(64)}.png`

describe('what a board may make a browser load', () => {
	it("an image asset only from this server's uploads or inline", () => {
		expect(offOriginProblem({ typeName: 'asset', type: 'image', props: { src: UPLOAD } })).toBeNull()
		expect(offOriginProblem({ typeName: 'asset', type: 'image', props: { src: 'data:image/png;base64,iVBORw0KGgo=' } })).toBeNull()
		expect(offOriginProblem({ typeName: 'asset', type: 'image', props: { src: null } })).toBeNull()
		for (const src of [
			'https://evil.example/pixel.png',
			'//evil.example/x.png',
			'/uploads/../../etc/passwd',
			'data:text/html;base64,PHNjcmlwdD4=',
			UPLOAD + '?x',
			42,
		]) {
			expect(offOriginProblem({ typeName: 'asset', type: 'video', props: { src } }), String(src)).toMatch(/props\.src/)
		}
	})

	it("a bookmark's preview image and favicon too, while its link may go anywhere", () => {
		expect(offOriginProblem({ typeName: 'asset', type: 'bookmark', props: { src: 'https://example.org', image: '', favicon: UPLOAD } })).toBeNull()
		expect(offOriginProblem({ typeName: 'asset', type: 'bookmark', props: { image: 'https://evil.example/a.png' } })).toMatch(/image/)
		expect(offOriginProblem({ typeName: 'asset', type: 'bookmark', props: { favicon: 'https://evil.example/f.ico' } })).toMatch(/favicon/)
	})

	it('embeds are refused and image shapes may not carry a foreign url; notes and other records pass', () => {
		expect(offOriginProblem({ typeName: 'shape', type: 'embed', props: { url: 'https://www.youtube.com/watch?v=x' } })).toMatch(/embed/)
		expect(offOriginProblem({ typeName: 'shape', type: 'image', props: { url: 'https://evil.example/a.png', assetId: null } })).toMatch(/url/)
		expect(offOriginProblem({ typeName: 'shape', type: 'note', props: { url: 'https://example.org' } })).toBeNull()
		expect(offOriginProblem({ typeName: 'page', props: undefined })).toBeNull()
	})

	it('colours are plain hex colours, never CSS that fetches', () => {
		for (const colour of ['#fff', '#FF802B', '#ff802b80']) expect(isPlainColour(colour), colour).toBe(true)
		for (const colour of ['url(https://evil.example/x)', 'red', '#ff802', 'rgb(0,0,0)', '#ff802b;background:url(x)', 7, null]) {
			expect(isPlainColour(colour), String(colour)).toBe(false)
		}
	})
})
