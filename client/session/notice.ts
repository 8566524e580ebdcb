import { atom } from 'tldraw'

/** One short message to the person (a change the server refused, say), shown until replaced or timed out. */
export const $notice = atom<{ text: string; id: number } | null>('notice', null)

const SHOW_FOR_MS = 6000
let timer: ReturnType<typeof setTimeout> | undefined

export function showNotice(text: string): void {
	const id = ($notice.get()?.id ?? 0) + 1
	$notice.set({ text, id })
	clearTimeout(timer)
	timer = setTimeout(() => $notice.set(null), SHOW_FOR_MS)
}
