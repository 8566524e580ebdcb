/** The boards this browser opened, newest first, kept in localStorage (nothing about them leaves the browser). */
export type RecentBoard = { id: string; title: string; openedAt: number }

const STORAGE_KEY = 'strategy-board:recent-boards'
const MAX_RECENT = 20

export function readRecentBoards(): RecentBoard[] {
	try {
		const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]')
		if (!Array.isArray(parsed)) return []
		return parsed.filter(
			(entry): entry is RecentBoard => typeof entry?.id === 'string' && typeof entry?.title === 'string' && typeof entry?.openedAt === 'number',
		)
	} catch {
		return []
	}
}

export function rememberBoard(id: string, title: string): void {
	const others = readRecentBoards().filter((board) => board.id !== id)
	const boards = [{ id, title, openedAt: Date.now() }, ...others].slice(0, MAX_RECENT)
	localStorage.setItem(STORAGE_KEY, JSON.stringify(boards))
}

export function forgetBoard(id: string): void {
	localStorage.setItem(STORAGE_KEY, JSON.stringify(readRecentBoards().filter((board) => board.id !== id)))
}
