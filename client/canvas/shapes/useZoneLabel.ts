import { useValue } from 'tldraw'
import { isWorkZoneId } from '../../../shared/model/support'
import type { ZoneId } from '../../../shared/model/zones'
import { $boardSettings } from '../../session/boardSettingsState'
import { zoneLabel } from './WorkZoneOptions'
import { useTranslation } from '../../i18n/locale'
import { zoneTexts } from './zoneTexts'

/** A zone's name as the facilitator's select shows it (stages with their number); null for no zone. */
export function useZoneLabel(zone: ZoneId | null): string | null {
	const { locale } = useTranslation()
	const settings = useValue($boardSettings)
	if (zone === null) return null
	// The select offers no parking lot, but a round's zone may name it: it has no number to show.
	return isWorkZoneId(zone) ? zoneLabel(zone, locale, settings) : zoneTexts(zone, locale, settings).title
}
