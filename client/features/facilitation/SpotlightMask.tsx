import { useValue } from 'tldraw'
import { MODEL_LAYOUT, zoneOutline, type Point } from '../../../shared/model/geometry'
import { useBoardSession } from '../../session/BoardSessionContext'

/** Far beyond any board: the veil covers the whole page, whatever the camera shows. */
const EVERYWHERE = 1_000_000

const pathOf = (points: Point[]) => `M${points.map(({ x, y }) => `${x},${y}`).join('L')}Z`

/**
 * While the facilitator spotlights a zone, a veil over everything else on the page (the other
 * zones, their notes and badges, drawings), with the spotlit zone cut out of it.
 */
export function SpotlightMask() {
	const session = useBoardSession()
	const spotlight = useValue(session.spotlight)
	if (spotlight === null) return null
	const everywhere = `M${-EVERYWHERE},${-EVERYWHERE}H${EVERYWHERE}V${EVERYWHERE}H${-EVERYWHERE}Z`
	const outline = zoneOutline(MODEL_LAYOUT, spotlight)
	const { centre, outerRadius } = MODEL_LAYOUT
	// The parking lot is everything outside the circle: the veil is then the circle itself.
	const veil = outline
		? `${everywhere}${pathOf(outline)}`
		: `M${centre.x - outerRadius},${centre.y}a${outerRadius},${outerRadius} 0 1,0 ${2 * outerRadius},0a${outerRadius},${outerRadius} 0 1,0 ${-2 * outerRadius},0Z`
	return (
		<svg className="spotlight-mask" data-testid="spotlight-mask" data-zone={spotlight} aria-hidden>
			<path d={veil} fillRule="evenodd" />
		</svg>
	)
}
