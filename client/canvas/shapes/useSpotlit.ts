import { useValue } from 'tldraw'
import type { ZoneId } from '../../../shared/model/zones'
import { useBoardSession } from '../../session/BoardSessionContext'

/** Whether a zone shows in full: always without a spotlight; with one, only the spotlighted zone. */
export function useSpotlit(zone: ZoneId): boolean {
	const session = useBoardSession()
	return useValue('spotlit', () => session.isSpotlit(zone), [session, zone])
}
