import { atom } from 'tldraw'
import type { MessageKey } from '../i18n/en'
import { $facilitation, $role } from './sessionState'

/** One short message to the person, shown until replaced or timed out; a key, so it follows the language switch. */
export const $notice = atom<{ key: MessageKey; id: number } | null>('notice', null)

const SHOW_FOR_MS = 6000
let timer: ReturnType<typeof setTimeout> | undefined

/**
 * The server dropped a change of this page and said why. Its reason is English, written for logs:
 * it goes to the console, and the person is told in their own language from what this page knows
 * of itself (a view link, a locked board). The relay sends no refusal codes, only that text.
 */
export function showNotice(serverReason: string): void {
	console.info(`the server refused a change: ${serverReason}`)
	const id = ($notice.get()?.id ?? 0) + 1
	$notice.set({ key: refusalMessage(), id })
	clearTimeout(timer)
	timer = setTimeout(() => $notice.set(null), SHOW_FOR_MS)
}

function refusalMessage(): MessageKey {
	if ($role.get() === 'viewer') return 'notice.viewOnly'
	if ($role.get() === 'participant' && $facilitation.get()?.locked) return 'notice.locked'
	return 'notice.refused'
}
