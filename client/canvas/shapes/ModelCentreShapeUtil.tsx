import { Circle2d, HTMLContainer, T, createShapePropsMigrationSequence, useEditor, useValue, type RecordProps, type TLShape } from 'tldraw'
import { centreTextBox } from '../../../shared/model/labelBoxes'
import { MODEL_TEXTS } from '../../../shared/model/modelTexts'
import { useOverviewZoom } from '../overviewZoom'
import { CentreOverviewLine } from './CentreOverviewLine'
import { useSpotlit } from './useSpotlit'
import { useZoneStatus, ZoneStatusBadge } from './ZoneStatusBadge'
import { useTranslation } from '../../i18n/locale'
import { CENTRE_COLOURS } from '../../theme'
import { ModelZoneShapeUtil } from './ModelZoneShapeUtil'
import { ZoneAddButton } from './ZoneAddButton'
import { zoneTexts } from './zoneTexts'
import { useBoardSession } from '../../session/BoardSessionContext'
import { MODEL_CENTRE_TYPE } from '../../../shared/model/zoneRecords'

declare module '@tldraw/tlschema' {
	interface TLGlobalShapePropsMap {
		[MODEL_CENTRE_TYPE]: { radius: number }
	}
}

export type ModelCentreShape = TLShape<typeof MODEL_CENTRE_TYPE>

/** The centre of the model: the internal organisation, the base every stage rests on. */
export class ModelCentreShapeUtil extends ModelZoneShapeUtil<ModelCentreShape> {
	static override type = MODEL_CENTRE_TYPE
	static override props: RecordProps<ModelCentreShape> = { radius: T.positiveNumber }
	// Future prop changes add their steps here, so boards saved today keep loading.
	static override migrations = createShapePropsMigrationSequence({ sequence: [] })

	override getDefaultProps(): ModelCentreShape['props'] {
		return { radius: 440 }
	}

	override getGeometry(shape: ModelCentreShape) {
		return new Circle2d({ radius: shape.props.radius, isFilled: true })
	}

	override getIndicatorPath(shape: ModelCentreShape): Path2D {
		const path = new Path2D()
		path.arc(shape.props.radius, shape.props.radius, shape.props.radius, 0, 2 * Math.PI)
		return path
	}

	override component(shape: ModelCentreShape) {
		return this.withSession(<ModelCentre shape={shape} />)
	}
}

function ModelCentre({ shape }: { shape: ModelCentreShape }) {
	const session = useBoardSession()
	const editor = useEditor()
	const { locale } = useTranslation()
	const settings = useValue(session.settings)
	const spotlit = useSpotlit('centre')
	const texts = zoneTexts('centre', locale, settings)
	const diameter = shape.props.radius * 2
	const status = useZoneStatus('centre')
	const overview = useOverviewZoom(editor)
	const radius = shape.props.radius
	// The text stays in the box that placing notes keeps free (local coordinates: the disc's top-left is 0,0).
	const textBox = centreTextBox({ centre: { x: radius, y: radius }, innerRadius: radius, outerRadius: radius })

	return (
		<HTMLContainer className="model-centre" data-zone="centre" data-testid="zone-centre" data-spotlit={spotlit} data-status={status}>
			<div className="model-centre__disc" style={{ width: diameter, height: diameter, background: CENTRE_COLOURS.fill }} />
			<div className="model-centre__text" style={{ left: textBox.x, top: textBox.y, width: textBox.w, height: textBox.h }}>
				<CentreOverviewLine />
				<div className="model-centre__title" data-testid="zone-title" style={{ color: CENTRE_COLOURS.text }}>
					{texts.title}
				</div>
				<div className="model-centre__status-row">
					<ZoneStatusBadge zone="centre" />
					<ZoneAddButton zone="centre" title={texts.title} colour={CENTRE_COLOURS.add} />
				</div>
				{/* At overview zoom only what can be read from the back of the room: the questions and keywords wait. */}
				{!overview && (
					<>
						<div className="model-centre__keywords" style={{ color: CENTRE_COLOURS.muted }}>
							{MODEL_TEXTS[locale].centre.keywords.join(' · ')}
						</div>
						<ul className="model-centre__prompts" data-testid="zone-prompts" style={{ color: CENTRE_COLOURS.muted }}>
							{texts.prompts.map((prompt) => (
								<li key={prompt}>{prompt}</li>
							))}
						</ul>
					</>
				)}
			</div>
		</HTMLContainer>
	)
}
