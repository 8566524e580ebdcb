import { isValidBoardId } from '../shared/boardId'

export type Route = { page: 'landing' } | { page: 'board'; boardId: string } | { page: 'not-found' }

export const boardPath = (boardId: string) => `/b/${boardId}`

export function routeOf(pathname: string): Route {
	if (pathname === '/' || pathname === '') return { page: 'landing' }
	const match = /^\/b\/([^/]+)\/?$/.exec(pathname)
	if (match && isValidBoardId(match[1]!)) return { page: 'board', boardId: match[1]! }
	return { page: 'not-found' }
}
