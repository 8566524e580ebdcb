import { describe, expect, it } from 'vitest'
import { BOARDS_PATH, boardRoleBody, createdBoardBody, readBody, uploadedFileBody } from '../../shared/wire/http'

const answering = (body: string) => ({ json: async () => JSON.parse(body) as unknown })

describe('readBody', () => {
	it('gives the typed body of an answer that matches its schema', async () => {
		const created = { boardId: 'b1', facilitatorKey: 'k', viewId: 'v1' }
		await expect(readBody(answering(JSON.stringify(created)), BOARDS_PATH, createdBoardBody)).resolves.toEqual(created)
		await expect(readBody(answering('{"role":"viewer"}'), '/api/views/v1', boardRoleBody)).resolves.toEqual({ role: 'viewer' })
	})

	it('names the path and the field when a field is missing', async () => {
		await expect(readBody(answering('{"boardId":"b1","viewId":"v1"}'), BOARDS_PATH, createdBoardBody)).rejects.toThrow(
			'the server answered /api/boards with an unexpected body (facilitatorKey: Invalid input: expected string, received undefined)',
		)
	})

	it('refuses a board id the relay would refuse', async () => {
		await expect(readBody(answering('{"boardId":"../admin","facilitatorKey":"k","viewId":"v1"}'), BOARDS_PATH, createdBoardBody)).rejects.toThrow(
			'the server answered /api/boards with an unexpected body (boardId: ',
		)
	})

	it('refuses a role it does not know', async () => {
		await expect(readBody(answering('{"role":"admin"}'), '/api/boards/b1/role', boardRoleBody)).rejects.toThrow(
			'the server answered /api/boards/b1/role with an unexpected body (role: ',
		)
	})

	it('refuses an upload answer whose URL is not an upload', async () => {
		await expect(
			readBody(answering('{"url":"https://elsewhere.example/x.png","mimeType":"image/png","size":1}'), '/uploads', uploadedFileBody),
		).rejects.toThrow('the server answered /uploads with an unexpected body (url: ')
	})

	it('says so when the body is not JSON (a proxy error page, say)', async () => {
		await expect(readBody(answering('<html>Bad Gateway</html>'), BOARDS_PATH, createdBoardBody)).rejects.toThrow(
			'the server answered /api/boards with a body that is not JSON',
		)
	})

	it('says so when the body is not an object', async () => {
		await expect(readBody(answering('null'), BOARDS_PATH, createdBoardBody)).rejects.toThrow(
			'the server answered /api/boards with an unexpected body (Invalid input: expected object, received null)',
		)
	})
})
