import { useValue } from 'tldraw'
import type { ZoneId } from '../../../shared/model/zones'
import { $facilitation } from '../../session/sessionState'

/** Whether a zone shows in full: always without a spotlight; with one, only the spotlighted zone. */
export function useSpotlit(zone: ZoneId): boolean {
	return useValue(
		'spotlit',
		() => {
			const spotlight = $facilitation.get()?.spotlight ?? null
			return spotlight === null || spotlight === zone
		},
		[zone],
	)
}
