import { createContext, useContext, type ReactNode } from 'react'
import type { BoardSession } from './BoardSession'

const BoardSessionContext = createContext<BoardSession | null>(null)

export function BoardSessionProvider({ session, children }: { session: BoardSession; children: ReactNode }) {
	return <BoardSessionContext.Provider value={session}>{children}</BoardSessionContext.Provider>
}

/** The open board's session; only components inside the board page ask for it. */
export function useBoardSession(): BoardSession {
	const session = useContext(BoardSessionContext)
	if (!session) throw new Error('useBoardSession is used outside the open board')
	return session
}
