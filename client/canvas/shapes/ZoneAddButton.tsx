import { stopEventPropagation, useEditor, useValue } from 'tldraw'
import type { ZoneId } from '../../../shared/model/zones'
import { addNoteToZone } from '../addNoteToZone'
import { useTranslation } from '../../i18n/locale'
import { useBoardSession } from '../../session/BoardSessionContext'

/** A zone's "+": adds a note to the zone, for whoever may change the board right now. */
export function ZoneAddButton({ zone, title, colour }: { zone: ZoneId; title: string; colour: string }) {
	const session = useBoardSession()
	const editor = useEditor()
	const { t } = useTranslation()
	const canEdit = useValue(session.canEditBoard)
	if (!canEdit) return null
	return (
		<button
			className="zone-add"
			style={{ background: colour }}
			title={t('zone.add', { zone: title })}
			aria-label={t('zone.add', { zone: title })}
			data-testid={`add-note-${zone}`}
			// The zone under it would take the pointer as the start of a selection or a drag.
			onPointerDown={stopEventPropagation}
			onClick={(event) => {
				stopEventPropagation(event)
				addNoteToZone(editor, zone)
			}}
		>
			+
		</button>
	)
}
