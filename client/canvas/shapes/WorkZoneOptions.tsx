import { useValue } from 'tldraw'
import { WORK_ZONE_IDS, type WorkZoneId } from '../../../shared/model/support'
import type { Locale } from '../../../shared/model/modelTexts'
import { stageOf } from '../../../shared/model/zones'
import type { BoardSettings } from '../../../shared/boardSettings'
import { useTranslation } from '../../i18n/locale'
import { zoneTexts } from './zoneTexts'
import { useBoardSession } from '../../session/BoardSessionContext'

/** The centre and stages 1-8 as options of a select, titled in the board's language. */
export function WorkZoneOptions() {
	const session = useBoardSession()
	const { locale } = useTranslation()
	const settings = useValue(session.settings)
	return (
		<>
			{WORK_ZONE_IDS.map((zone) => (
				<option key={zone} value={zone}>
					{zoneLabel(zone, locale, settings)}
				</option>
			))}
		</>
	)
}

/** The stage's number in front of its title, as on the board, so a narrow select still tells stages apart. */
export function zoneLabel(zone: WorkZoneId, locale: Locale, settings: BoardSettings): string {
	const title = zoneTexts(zone, locale, settings).title
	return zone === 'centre' ? title : `${stageOf(zone)}. ${title}`
}
