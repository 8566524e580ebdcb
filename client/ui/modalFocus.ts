import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react'

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** The controls Tab reaches inside `container`, in tab order (we use no positive tabindex). */
function focusableIn(container: HTMLElement): HTMLElement[] {
	// Rendered ones only: a control in a folded-away part has no box.
	return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.getClientRects().length > 0)
}

const focusFirstIn = (container: HTMLElement) => (focusableIn(container)[0] ?? container).focus()

/**
 * Focus for a modal dialog: on open it moves in (where autoFocus put it, else to the first
 * control), while open it stays in (focus that lands outside, say tldraw focusing its canvas, is
 * brought back), and on close it returns to where it was, usually the button that opened it.
 */
export function useModalFocus(dialog: RefObject<HTMLElement | null>): void {
	// Read while rendering: React applies autoFocus inside the dialog before any effect of ours runs.
	const [opener] = useState(() => document.activeElement)
	useEffect(() => {
		const element = dialog.current
		if (!element) return
		if (!element.contains(document.activeElement)) focusFirstIn(element)
		const bringBack = (event: FocusEvent) => {
			const target = event.target
			// Another modal opened over this one keeps its focus.
			if (target instanceof Element && (element.contains(target) || target.closest('[aria-modal="true"]'))) return
			focusFirstIn(element)
		}
		document.addEventListener('focusin', bringBack)
		return () => {
			document.removeEventListener('focusin', bringBack)
			if (opener instanceof HTMLElement && opener.isConnected) opener.focus({ preventScroll: true })
		}
	}, [dialog, opener])
}

/** Tab on the last control goes to the first, Shift+Tab on the first (or on the dialog itself) to the last. */
export function cycleTab(container: HTMLElement, event: KeyboardEvent): void {
	const focusable = focusableIn(container)
	const first = focusable[0]
	const last = focusable.at(-1)
	const active = document.activeElement
	if (!first || !last) {
		event.preventDefault()
	} else if (event.shiftKey && (active === first || active === container)) {
		event.preventDefault()
		last.focus()
	} else if (!event.shiftKey && active === last) {
		event.preventDefault()
		first.focus()
	}
}
