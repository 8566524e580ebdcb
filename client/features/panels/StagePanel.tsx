import { useMemo } from 'react'
import { Box, useValue, type Editor, type TLShapeId } from 'tldraw'
import { departmentColour, UNKNOWN_DEPARTMENT_COLOUR, type DepartmentColour } from '../../../shared/model/departments'
import type { Endorsement } from '../../../shared/model/support'
import { MODEL_LAYOUT, zoneBounds } from '../../../shared/model/geometry'
import { summariseZones, type ZoneSummary } from '../../../shared/model/zoneSummary'
import { stageOf } from '../../../shared/model/zones'
import { useTranslation } from '../../i18n/locale'
import type { Translate } from '../../i18n/translate'
import { countText } from '../../i18n/countText'
import { endorsementsByNote } from '../../../shared/model/endorsers'
import { zoneTexts } from '../../canvas/shapes/zoneTexts'
import { departmentSwatch, CENTRE_COLOURS, STAGE_COLOURS } from '../../theme'
import { useBoardNotes } from '../../canvas/useBoardNotes'
import { Icon } from '../../icons/Icon'
import { useBoardSession } from '../../session/BoardSessionContext'

/** The stages (and centre, parking lot) with their notes grouped, counts per department, and a jump. */
export function StagePanel({ editor }: { editor: Editor }) {
	const session = useBoardSession()
	const notes = useBoardNotes(editor)
	const summaries = useMemo(() => summariseZones(notes), [notes])
	const endorsements = useValue(session.endorsements)
	const endorsers = useMemo(() => endorsementsByNote(endorsements), [endorsements])
	return (
		<ol className="stage-list" data-testid="stage-panel">
			{summaries.map((summary) => (
				<ZoneEntry key={summary.zone} editor={editor} summary={summary} endorsers={endorsers} />
			))}
		</ol>
	)
}

type ZoneEntryProps = { editor: Editor; summary: ZoneSummary; endorsers: Map<string, Endorsement[]> }

function ZoneEntry({ editor, summary, endorsers }: ZoneEntryProps) {
	const session = useBoardSession()
	const { locale, t } = useTranslation()
	const settings = useValue(session.settings)
	const { zone, notes, departmentCounts } = summary
	const title = zoneTexts(zone, locale, settings).title
	const stage = stageOf(zone)
	const jump = () => {
		const bounds = zoneBounds(MODEL_LAYOUT, zone)
		editor.zoomToBounds(new Box(bounds.x, bounds.y, bounds.w, bounds.h), { inset: 40, animation: { duration: 300 } })
	}

	return (
		<li className="stage-list__zone" data-testid={`panel-${zone}`} data-count={notes.length}>
			<button className="stage-list__jump" onClick={jump} title={t('panel.jump', { zone: title })}>
				<span className="stage-list__number" style={{ background: stage ? STAGE_COLOURS[stage].accent : CENTRE_COLOURS.fill }}>
					{stage ?? (zone === 'centre' ? '●' : 'P')}
				</span>
				<span className="stage-list__title">{title}</span>
				<span className="stage-list__count">{notes.length}</span>
			</button>
			{departmentCounts.length > 0 && (
				<ul className="stage-list__departments">
					{departmentCounts.map(({ department, count }) => (
						<li key={department ?? 'unknown'} data-testid="panel-department" data-department={department ?? ''}>
							<DepartmentDot department={department} />
							{department ?? t('panel.unknownDepartment')} · {count}
						</li>
					))}
				</ul>
			)}
			{notes.length > 0 && (
				<ul className="stage-list__notes">
					{notes.map((note) => (
						<li key={note.id} data-testid="panel-note" data-note-id={note.id} data-department={note.department ?? ''}>
							<button onClick={() => focusNote(editor, note.id as TLShapeId)} title={describe(note.authorName, note.department, t)}>
								<ColourDot colour={note.colour as DepartmentColour | undefined} />
								<span className="stage-list__note-text">{note.text || '…'}</span>
								<EndorsementCount count={endorsers.get(note.id)?.length ?? 0} />
							</button>
						</li>
					))}
				</ul>
			)}
		</li>
	)
}

/** How many people back the note; nothing while nobody does, so the list stays quiet. */
function EndorsementCount({ count }: { count: number }) {
	const { t } = useTranslation()
	if (count === 0) return null
	return (
		<span className="support-count" data-testid="panel-endorsements" data-count={count} title={countText(t, 'support.endorsements', count)}>
			<Icon name="endorse" /> {count}
		</span>
	)
}

function DepartmentDot({ department }: { department: string | null }) {
	const session = useBoardSession()
	const departments = useValue(session.settings).departments
	return <ColourDot colour={departmentColour(departments, department)} />
}

/** A note's dot shows the colour the note really has (someone may have recoloured it). */
function ColourDot({ colour = UNKNOWN_DEPARTMENT_COLOUR }: { colour?: DepartmentColour }) {
	const swatch = departmentSwatch(colour)
	return <span className="swatch swatch--small" style={{ background: swatch.fill }} data-colour={swatch.fill} aria-hidden />
}

function describe(author: string | null, department: string | null, t: Translate) {
	return [author, department ?? t('panel.unknownDepartment')].filter(Boolean).join(' · ')
}

function focusNote(editor: Editor, id: TLShapeId) {
	const bounds = editor.getShapePageBounds(id)
	if (!bounds) return
	editor.select(id)
	editor.zoomToBounds(bounds.clone().expandBy(300), { animation: { duration: 300 } })
}
