import type { TLUiOverrides } from 'tldraw'
import { zoneOfPoint } from '../../shared/model/geometry'
import { addNoteToZone } from './addNoteToZone'

/** Shift+N adds a note to the zone under the cursor, like the "+" on that zone. */
export const boardOverrides: TLUiOverrides = {
	actions(editor, actions) {
		return {
			...actions,
			'add-note-to-zone': {
				id: 'add-note-to-zone',
				label: 'action.add-note-to-zone',
				kbd: 'shift+n',
				onSelect: () => addNoteToZone(editor, zoneOfPoint(editor.inputs.currentPagePoint)),
			},
		}
	},
	translations: {
		en: { 'action.add-note-to-zone': 'Add a note to the zone under the cursor' },
		nl: { 'action.add-note-to-zone': 'Notitie toevoegen aan de zone onder de cursor' },
	},
}
