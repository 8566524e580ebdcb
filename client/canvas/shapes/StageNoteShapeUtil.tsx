import type { ComponentType } from 'react'
import { Group2d, NoteShapeUtil, Rectangle2d, type NoteShapeOptions, type TLNoteShape, type TLShapeId } from 'tldraw'
import { NOTE_SIZE } from '../notesOnPage'

/** `height`: the note's height in its own units; `scale`: its size factor. */
export type NoteBadgeProps = { noteId: TLShapeId; height: number; scale: number }

/** The badge is a feature's (support) and set per open board with `configure`; none in a store that only needs the schema. */
export type StageNoteOptions = NoteShapeOptions & { Badge?: ComponentType<NoteBadgeProps> }

/** tldraw's label padding: the box inside a note where its text goes, and where a double click edits it. */
const LABEL_PADDING = 16

/**
 * tldraw's sticky note, kept as the `note` record every board holds, drawn with what the board
 * adds to it: its support badge, inside the note, so a thousand notes are a thousand shapes
 * instead of as many shapes plus an overlay of badges that tldraw does not cull.
 *
 * Its geometry comes from the record alone. tldraw's own measures every note's text (a hidden
 * DOM element per note, all notes, on load) to size the label box; the note's size is already in
 * the record (`growY`, worked out by whoever last edited its text), and the label box only serves
 * hit tests, for which the note's inner area does as well.
 */
export class StageNoteShapeUtil extends NoteShapeUtil {
	declare options: StageNoteOptions

	override getGeometry(shape: TLNoteShape) {
		const { scale, growY } = shape.props
		const width = NOTE_SIZE * scale
		const height = (NOTE_SIZE + growY) * scale
		const padding = LABEL_PADDING * scale
		return new Group2d({
			children: [
				new Rectangle2d({ width, height, isFilled: true }),
				new Rectangle2d({
					x: padding,
					y: padding,
					width: width - 2 * padding,
					height: height - 2 * padding,
					isFilled: true,
					isLabel: true,
					excludeFromShapeBounds: true,
				}),
			],
		})
	}

	/**
	 * Off-screen notes stay drawn: while the camera moves the browser moves them all as one picture
	 * (client/canvas/movingCamera.ts), and tldraw's hiding and showing the notes at the view's edges
	 * on every frame made it paint all of them again each time (measured: 23 fps with, 36 without,
	 * on 1,000 notes at the whole-model view).
	 */
	override canCull() {
		return false
	}

	override component(shape: TLNoteShape) {
		const { Badge } = this.options
		const { scale, growY } = shape.props
		return (
			<>
				{super.component(shape)}
				{Badge && <Badge noteId={shape.id} height={(NOTE_SIZE + growY) * scale} scale={scale} />}
			</>
		)
	}
}
