import { getUserPreferences, setUserPreferences } from 'tldraw'

/** Who this browser is on boards: a display name and a department, remembered per browser. */
export type Participant = { name: string; department: string }

const STORAGE_KEY = 'strategy-board:participant'
export const MAX_NAME_LENGTH = 40

/** null until the person has joined once in this browser. */
export function storedParticipant(): Participant | null {
	try {
		const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Participant> | null
		if (typeof parsed?.name === 'string' && typeof parsed.department === 'string' && parsed.name && parsed.department) {
			return { name: parsed.name, department: parsed.department }
		}
	} catch {
		// A corrupt entry is treated as a first visit: the join dialog asks again.
	}
	return null
}

export function storeParticipant(participant: Participant): void {
	localStorage.setItem(STORAGE_KEY, JSON.stringify(participant))
	// Cursors and tldraw's people menu show tldraw's own user name: keep the two the same.
	setUserPreferences({ ...getUserPreferences(), name: participant.name })
}
