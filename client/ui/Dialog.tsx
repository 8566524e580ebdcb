import { useId, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react'
import { cycleTab, useModalFocus } from './modalFocus'

type DialogProps = {
	title: string
	/** Escape, a click on the backdrop, and the dialog's own close buttons call this. */
	onClose: () => void
	/** False for a question the person must answer first (the join dialog before a first join): Escape and the backdrop then do nothing. */
	dismissible?: boolean
	wide?: boolean
	testId: string
	children: ReactNode
}

/**
 * The app's one modal dialog: a backdrop over the page and a box labelled by its title. Escape
 * and a click on the backdrop close it, focus moves in, Tab and Shift+Tab cycle inside it, and
 * focus returns to where it was on close.
 *
 * Rendered in place, not portaled to <body>: its key handler stops every key at React's root,
 * before tldraw's shortcuts, which listen on <body>, could delete or draw on the board behind it.
 */
export function Dialog({ title, onClose, dismissible = true, wide = false, testId, children }: DialogProps) {
	const titleId = useId()
	const dialog = useRef<HTMLDivElement>(null)
	const pressedOnBackdrop = useRef(false)
	useModalFocus(dialog)

	const dismiss = () => {
		// Fields that save on blur (the settings' title and questions) keep what was typed.
		const active = document.activeElement
		if (active instanceof HTMLElement && dialog.current?.contains(active)) active.blur()
		onClose()
	}
	const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
		event.stopPropagation()
		if (event.key === 'Escape' && dismissible) dismiss()
		else if (event.key === 'Tab' && dialog.current) cycleTab(dialog.current, event)
	}
	const onBackdropMouseDown = (event: MouseEvent) => {
		pressedOnBackdrop.current = event.target === event.currentTarget
		// Keeps focus in the dialog: a press on the bare backdrop would move it to <body>.
		if (pressedOnBackdrop.current) event.preventDefault()
	}
	// Pressed and released on the backdrop: a text selection dragged out of the dialog does not close it.
	const onBackdropClick = (event: MouseEvent) => {
		if (dismissible && pressedOnBackdrop.current && event.target === event.currentTarget) dismiss()
	}

	return (
		<div className="dialog-backdrop" onMouseDown={onBackdropMouseDown} onClick={onBackdropClick}>
			<div
				ref={dialog}
				className={wide ? 'dialog dialog--wide' : 'dialog'}
				role="dialog"
				aria-modal="true"
				aria-labelledby={titleId}
				tabIndex={-1}
				onKeyDown={onKeyDown}
				data-testid={testId}
			>
				<h2 id={titleId}>{title}</h2>
				{children}
			</div>
		</div>
	)
}
