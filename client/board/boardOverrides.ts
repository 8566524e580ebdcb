import type { TLUiOverrides } from 'tldraw'
import { zoneOfPoint } from '../../shared/model/geometry'
import { togglePresentation } from '../presentation/presentationState'
import { $documents, $isFacilitator } from '../session/sessionState'
import { addNoteToZone } from '../canvas/addNoteToZone'
import { confirmDeletion } from './deletionGuard'

/**
 * Shift+N adds a note to the zone under the cursor, like the "+" on that zone; Shift+P starts or
 * ends presenter mode (the facilitator's); deleting or cutting many of other people's notes at
 * once asks first.
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
			'toggle-presentation': {
				id: 'toggle-presentation',
				label: 'action.toggle-presentation',
				kbd: 'shift+p',
				onSelect: () => {
					const doc = $documents.get()?.facilitation
					if ($isFacilitator.get() && doc) togglePresentation(doc)
				},
			},
		}
	},
	translations: {
		en: {
			'action.add-note-to-zone': 'Add a note to the zone under the cursor',
			'action.toggle-presentation': 'Presenter mode (facilitator)',
			'shortcuts-dialog.board': 'Strategy board',
		},
		nl: {
			'action.add-note-to-zone': 'Notitie toevoegen aan de zone onder de cursor',
			'action.toggle-presentation': 'Presentatiemodus (facilitator)',
			'shortcuts-dialog.board': 'Strategiebord',
		},
	},
}
