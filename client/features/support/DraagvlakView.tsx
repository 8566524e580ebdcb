import { useMemo } from 'react'
import { useValue, type Editor } from 'tldraw'
import { agreedStageCount } from '../../../shared/facilitationDoc'
import { departmentColour } from '../../../shared/model/departments'
import { WORK_ZONE_IDS, tallySupport, type DepartmentSupport, type WorkZoneId } from '../../../shared/model/support'
import { summariseZones } from '../../../shared/model/zoneSummary'
import { STAGE_NUMBERS, stageOf } from '../../../shared/model/zones'
import { useBoardNotes } from '../../canvas/useBoardNotes'
import { useTranslation } from '../../i18n/locale'
import { zoneTexts } from '../../canvas/shapes/zoneTexts'
import { CENTRE_COLOURS, departmentSwatch, STAGE_COLOURS } from '../../theme'
import { Icon } from '../../icons/Icon'
import { useBoardSession } from '../../session/BoardSessionContext'

/** The key a department has in test ids and React keys; the unknown department has no name. */
const departmentKey = (department: string | null) => department ?? 'unknown'

/**
 * Draagvlak at a glance: per department and zone, notes and endorsements; how many of the
 * board's departments take part in each stage; and the islands, where one department works alone.
 * A panel over the board, not a modal dialog: people look from it to the notes it counts.
 */
export function DraagvlakView({ editor, onClose }: { editor: Editor; onClose: () => void }) {
	const session = useBoardSession()
	const { locale, t } = useTranslation()
	const notes = useBoardNotes(editor)
	const endorsements = useValue(session.endorsements)
	const settings = useValue(session.settings)
	const statuses = useValue(session.stageStatuses)
	const tally = useMemo(
		() =>
			tallySupport(
				summariseZones(notes).flatMap((summary) => summary.notes),
				endorsements,
				settings.departments,
			),
		[notes, endorsements, settings.departments],
	)
	const listedInvolved = tally.departments.filter((row) => row.listed && row.zonesWorkedIn.length > 0).length
	const departmentName = (department: string | null) => department ?? t('panel.unknownDepartment')

	return (
		<section className="draagvlak" aria-labelledby="draagvlak-title" data-testid="draagvlak" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
			<header className="draagvlak__header">
				<h2 id="draagvlak-title">{t('support.title')}</h2>
				<button type="button" className="draagvlak__close" onClick={onClose} aria-label={t('support.close')} data-testid="close-draagvlak">
					×
				</button>
			</header>
			<p className="draagvlak__summary" data-testid="draagvlak-summary">
				{t('support.summary', {
					involved: listedInvolved,
					total: settings.departments.length,
					agreed: statuses ? agreedStageCount(statuses) : 0,
					stages: STAGE_NUMBERS.length,
				})}
			</p>
			<table className="draagvlak__matrix">
				<thead>
					<tr>
						<th scope="col">{t('support.department')}</th>
						{WORK_ZONE_IDS.map((zone) => (
							<th key={zone} scope="col" title={zoneTexts(zone, locale, settings).title} data-testid={`zone-head-${zone}`}>
								<span className="draagvlak__zone" style={{ background: zoneAccent(zone) }}>
									{zone === 'centre' ? t('support.centreShort') : stageOf(zone)}
								</span>
								{tally.zones[zone].isIsland && (
									<IslandFlag
										testId={`island-${zone}`}
										title={t('support.islandZone', { department: departmentName(tally.zones[zone].departmentsInvolved[0] ?? null) })}
									/>
								)}
							</th>
						))}
					</tr>
				</thead>
				<tbody>
					{tally.departments.map((row) => (
						<DepartmentRow key={departmentKey(row.department)} row={row} name={departmentName(row.department)} />
					))}
				</tbody>
				<tfoot>
					<tr>
						<th scope="row">{t('support.share')}</th>
						{WORK_ZONE_IDS.map((zone) => (
							<td key={zone} data-testid={`share-${zone}`}>
								{Math.round(tally.zones[zone].shareOfDepartments * 100)}%
							</td>
						))}
					</tr>
				</tfoot>
			</table>
			<DraagvlakLegend />
		</section>
	)
}

function DepartmentRow({ row, name }: { row: DepartmentSupport; name: string }) {
	const session = useBoardSession()
	const { t } = useTranslation()
	const departments = useValue(session.settings).departments
	const key = departmentKey(row.department)
	const swatch = departmentSwatch(departmentColour(departments, row.department))
	return (
		<tr data-testid={`row-${key}`} className={row.zonesWorkedIn.length === 0 ? 'draagvlak__row--absent' : undefined}>
			<th scope="row">
				<span className="swatch swatch--small" style={{ background: swatch.fill }} aria-hidden />
				{name}
				{row.isIsland && <IslandFlag testId={`island-department-${key}`} title={t('support.islandDepartment')} />}
			</th>
			{WORK_ZONE_IDS.map((zone) => {
				const { notes, endorsements } = row.cells[zone]
				return (
					<td
						key={zone}
						className={notes + endorsements > 0 ? 'draagvlak__cell--filled' : undefined}
						title={t('support.cell', { notes, endorsements })}
						data-testid={`cell-${key}-${zone}`}
						data-notes={notes}
						data-endorsements={endorsements}
					>
						{notes + endorsements > 0 && (
							<>
								{notes} · <Icon name="endorse" />
								{endorsements}
							</>
						)}
					</td>
				)
			})}
		</tr>
	)
}

function DraagvlakLegend() {
	const { t } = useTranslation()
	const [beforeIcon, afterIcon] = t('support.legend').split('{icon}')
	return (
		<p className="draagvlak__legend">
			{beforeIcon}
			<Icon name="endorse" />
			{afterIcon}
		</p>
	)
}

function IslandFlag({ testId, title }: { testId: string; title: string }) {
	const { t } = useTranslation()
	return (
		<span className="draagvlak__island" title={title} data-testid={testId}>
			⚠ {t('support.island')}
		</span>
	)
}

function zoneAccent(zone: WorkZoneId): string {
	return zone === 'centre' ? CENTRE_COLOURS.fill : STAGE_COLOURS[stageOf(zone)].accent
}
