import {
	DefaultKeyboardShortcutsDialog,
	DefaultKeyboardShortcutsDialogContent,
	TldrawUiMenuActionItem,
	TldrawUiMenuGroup,
	type TLUiKeyboardShortcutsDialogProps,
} from 'tldraw'

/** tldraw's keyboard shortcuts, with the board's own first: Shift+N adds a note to the zone under the cursor, Shift+P presents. */
export function BoardShortcutsDialog(props: TLUiKeyboardShortcutsDialogProps) {
	return (
		<DefaultKeyboardShortcutsDialog {...props}>
			<TldrawUiMenuGroup label="shortcuts-dialog.board" id="board">
				<TldrawUiMenuActionItem actionId="add-note-to-zone" />
				<TldrawUiMenuActionItem actionId="toggle-presentation" />
			</TldrawUiMenuGroup>
			<DefaultKeyboardShortcutsDialogContent />
		</DefaultKeyboardShortcutsDialog>
	)
}
