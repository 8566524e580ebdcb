import type { TLUiOverrides } from 'tldraw'
import { zoneOfPoint } from '../../../shared/model/geometry'
import { LOCALES } from '../../../shared/model/modelTexts'
import type { MessageKey } from '../../i18n/en'
import { translate } from '../../i18n/translate'
import { togglePresentation } from '../../../shared/facilitationDoc'
import { newRoundId } from '../../../shared/roundId'
import type { BoardSession } from '../../session/BoardSession'
import { addNoteToZone } from '../../canvas/addNoteToZone'
import { guardDeletion } from '../../canvas/deletionGuard'

/** tldraw looks our actions' labels up under its own keys; the texts are in our message tables. */
const TLDRAW_LABELS = {
	'action.add-note-to-zone': 'shortcuts.addNoteToZone',
	'action.toggle-presentation': 'shortcuts.togglePresentation',
	'shortcuts-dialog.board': 'shortcuts.group',
} as const satisfies Record<string, MessageKey>

/**
 * Shift+N adds a note to the zone under the cursor, like the "+" on that zone; Shift+P starts or
 * ends presenter mode (the facilitator's); deleting or cutting many of other people's notes at
 * once asks first.
 */
export const boardOverrides = (session: BoardSession): TLUiOverrides => ({
	actions(editor, actions) {
		const guarded = (id: 'delete' | 'cut') => ({
			...actions[id]!,
			onSelect: (source: Parameters<NonNullable<(typeof actions)[string]>['onSelect']>[0]) =>
				guardDeletion(editor, session, () => actions[id]!.onSelect(source)),
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
					if (session.isFacilitator.get()) togglePresentation(session.documents.facilitation, newRoundId())
				},
			},
		}
	},
	translations: Object.fromEntries(
		LOCALES.map((locale) => [locale, Object.fromEntries(Object.entries(TLDRAW_LABELS).map(([label, key]) => [label, translate(locale, key)]))]),
	),
})
