import type { Editor } from 'tldraw'
import { agreedStageCount } from '../../../shared/facilitationDoc'
import { tallySupport } from '../../../shared/model/support'
import { summariseZones, type NoteOnBoard } from '../../../shared/model/zoneSummary'
import { notesOnPage } from '../notesOnPage'
import type { BoardSession } from '../../session/BoardSession'

/** The overall picture the centre shows: how broad the support is, how far the plan is agreed. */
export type CentreOverview = { departments: number; agreed: number; islands: number }

/** Reads the board as this person sees it: others' notes of a private round are not on it yet. */
export function readCentreOverview(editor: Editor, session: BoardSession): CentreOverview {
	const notes = notesOnPage(editor).map(({ note, box }): NoteOnBoard => ({ id: note.id, box, meta: note.meta, text: '' }))
	const placed = summariseZones(notes).flatMap((summary) => summary.notes)
	const tally = tallySupport(placed, session.endorsements.get(), session.settings.get().departments)
	return {
		// The unknown department is a gap in the data, not a department taking part.
		departments: tally.departmentsInvolved.filter((department) => department !== null).length,
		agreed: agreedStageCount(session.stageStatuses.get()),
		islands: tally.islandZones.length,
	}
}

export const sameOverview = (a: CentreOverview, b: CentreOverview) => a.departments === b.departments && a.agreed === b.agreed && a.islands === b.islands
