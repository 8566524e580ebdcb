import { useValue } from 'tldraw'
import { isWorkZoneId } from '../../../shared/model/support'
import type { ZoneId } from '../../../shared/model/zones'
import { zoneLabel } from './WorkZoneOptions'
import { useTranslation } from '../../i18n/locale'
import { zoneTexts } from './zoneTexts'
import { useBoardSession } from '../../session/BoardSessionContext'

/** A zone's name as the facilitator's select shows it (stages with their number); null for no zone. */
export function useZoneLabel(zone: ZoneId | null): string | null {
	const session = useBoardSession()
	const { locale } = useTranslation()
	const settings = useValue(session.settings)
	if (zone === null) return null
	// The select offers no parking lot, but a round's zone may name it: it has no number to show.
	return isWorkZoneId(zone) ? zoneLabel(zone, locale, settings) : zoneTexts(zone, locale, settings).title
}
