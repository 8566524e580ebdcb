import { HTMLContainer, Polygon2d, T, Vec, createShapePropsMigrationSequence, useEditor, useValue, type RecordProps, type TLShape } from 'tldraw'
import { sectorOutline, type ModelLayout } from '../../../shared/model/geometry'
import { stageLabelBox } from '../../../shared/model/labelBoxes'
import type { WorkZoneId } from '../../../shared/model/support'
import { STAGE_NUMBERS, type StageNumber } from '../../../shared/model/zones'
import { useOverviewZoom } from '../overviewZoom'
import { useSpotlit } from './useSpotlit'
import { useZoneStatus, ZoneStatusBadge } from './ZoneStatusBadge'
import { useTranslation } from '../../i18n/locale'
import { STAGE_COLOURS } from '../../theme'
import { ModelZoneShapeUtil } from './ModelZoneShapeUtil'
import { ZoneAddButton } from './ZoneAddButton'
import { zoneTexts } from './zoneTexts'
import { useBoardSession } from '../../session/BoardSessionContext'
import { STAGE_ZONE_TYPE } from '../../../shared/model/zoneRecords'

declare module '@tldraw/tlschema' {
	interface TLGlobalShapePropsMap {
		[STAGE_ZONE_TYPE]: { stage: StageNumber; innerRadius: number; outerRadius: number }
	}
}

export type StageZoneShape = TLShape<typeof STAGE_ZONE_TYPE>

/** The shape's origin is the top-left of the model's bounding square, so local geometry is positive. */
export const localLayout = (props: StageZoneShape['props']): ModelLayout => ({
	centre: { x: props.outerRadius, y: props.outerRadius },
	innerRadius: props.innerRadius,
	outerRadius: props.outerRadius,
})

/** One of the model's eight stages: a ring sector with its number, title, guiding questions and a "+". */
export class StageZoneShapeUtil extends ModelZoneShapeUtil<StageZoneShape> {
	static override type = STAGE_ZONE_TYPE
	static override props: RecordProps<StageZoneShape> = {
		stage: T.literalEnum(...STAGE_NUMBERS),
		innerRadius: T.positiveNumber,
		outerRadius: T.positiveNumber,
	}
	// Future prop changes add their steps here, so boards saved today keep loading.
	static override migrations = createShapePropsMigrationSequence({ sequence: [] })

	override getDefaultProps(): StageZoneShape['props'] {
		return { stage: 1, innerRadius: 440, outerRadius: 1600 }
	}

	override getGeometry(shape: StageZoneShape) {
		const points = sectorOutline(localLayout(shape.props), shape.props.stage).map(Vec.From)
		return new Polygon2d({ points, isFilled: true })
	}

	override getIndicatorPath(shape: StageZoneShape): Path2D {
		return new Path2D(outlinePath(shape))
	}

	override component(shape: StageZoneShape) {
		return this.withSession(<StageZone shape={shape} />)
	}
}

function outlinePath(shape: StageZoneShape): string {
	const points = sectorOutline(localLayout(shape.props), shape.props.stage)
	return 'M' + points.map(({ x, y }) => `${x.toFixed(1)},${y.toFixed(1)}`).join('L') + 'Z'
}

function StageZone({ shape }: { shape: StageZoneShape }) {
	const session = useBoardSession()
	const editor = useEditor()
	const { locale } = useTranslation()
	const settings = useValue(session.settings)
	const stage = shape.props.stage
	const zone: WorkZoneId = `stage-${stage}`
	const spotlit = useSpotlit(zone)
	const colours = STAGE_COLOURS[stage]
	const texts = zoneTexts(zone, locale, settings)
	const label = stageLabelBox(localLayout(shape.props), stage)
	const overview = useOverviewZoom(editor)
	const size = shape.props.outerRadius * 2
	const status = useZoneStatus(zone)
	const outline = outlinePath(shape)
	const clipId = `zone-status-clip-${stage}`

	return (
		<HTMLContainer className="stage-zone" data-zone={zone} data-testid={`zone-${zone}`} data-spotlit={spotlit}>
			<svg className="stage-zone__shape" width={size} height={size} viewBox={`0 0 ${size} ${size}`}>
				<path d={outline} fill={colours.fill} stroke="#ffffff" strokeWidth={12} strokeLinejoin="round" />
				{status !== 'open' && (
					// A broad band inside the zone's edge, in the status colour: readable at the whole-model view.
					<>
						<clipPath id={clipId}>
							<path d={outline} />
						</clipPath>
						<path
							d={outline}
							className={`zone-status-outline zone-status-outline--${status}`}
							clipPath={`url(#${clipId})`}
							data-testid="zone-status-outline"
							data-status={status}
						/>
					</>
				)}
			</svg>
			<div
				className="stage-zone__label"
				data-align={label.align}
				data-mirrored={label.mirrored}
				style={{ left: label.x, top: label.y, width: label.w, height: label.h, color: colours.accent }}
			>
				<div className="stage-zone__heading">
					<span className="stage-zone__number" style={{ background: colours.accent }}>
						{stage}
					</span>
					<span className="stage-zone__title" data-testid="zone-title">
						{texts.title}
					</span>
					<ZoneAddButton zone={zone} title={texts.title} colour={colours.accent} />
				</div>
				<ZoneStatusBadge zone={zone} />
				{/* At overview zoom the questions would be too small to read; the title takes the room. */}
				{!overview && (
					<ul className="stage-zone__prompts" data-testid="zone-prompts">
						{texts.prompts.map((prompt) => (
							<li key={prompt}>{prompt}</li>
						))}
					</ul>
				)}
			</div>
		</HTMLContainer>
	)
}
