import { isValidBoardId } from '../shared/boardId'

export type Route = { page: 'landing' } | { page: 'board'; boardId: string } | { page: 'view'; viewId: string } | { page: 'not-found' }

export const boardPath = (boardId: string) => `/b/${boardId}`

export function routeOf(pathname: string): Route {
	if (pathname === '/' || pathname === '') return { page: 'landing' }
	const match = /^\/(b|v)\/([^/]+)\/?$/.exec(pathname)
	if (match && isValidBoardId(match[2]!)) {
		return match[1] === 'b' ? { page: 'board', boardId: match[2]! } : { page: 'view', viewId: match[2]! }
	}
	return { page: 'not-found' }
}
