import type { TLUiOverrides } from 'tldraw'
import { zoneOfPoint } from '../../shared/model/geometry'
import { addNoteToZone } from './addNoteToZone'
import { confirmDeletion } from './deletionGuard'

/**
 * Shift+N adds a note to the zone under the cursor, like the "+" on that zone; deleting or cutting
 * many of other people's notes at once asks first.
 */
export const boardOverrides: TLUiOverrides = {
	actions(editor, actions) {
		const guarded = (id: 'delete' | 'cut') => ({
			...actions[id]!,
			onSelect: (source: Parameters<NonNullable<(typeof actions)[string]>['onSelect']>[0]) => {
				if (confirmDeletion(editor)) return actions[id]!.onSelect(source)
			},
		})
		return {
			...actions,
			delete: guarded('delete'),
			cut: guarded('cut'),
			'add-note-to-zone': {
				id: 'add-note-to-zone',
				label: 'action.add-note-to-zone',
				kbd: 'shift+n',
				onSelect: () => addNoteToZone(editor, zoneOfPoint(editor.inputs.currentPagePoint)),
			},
		}
	},
	translations: {
		en: { 'action.add-note-to-zone': 'Add a note to the zone under the cursor', 'shortcuts-dialog.board': 'Strategy board' },
		nl: { 'action.add-note-to-zone': 'Notitie toevoegen aan de zone onder de cursor', 'shortcuts-dialog.board': 'Strategiebord' },
	},
}
