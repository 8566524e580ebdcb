/**
 * A sticky note as tldraw 5.4 stores it, as plain JSON without importing tldraw, so unit tests,
 * relay tests and the benchmarks all write the same kind of record.
 */

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

/** A tldraw 5 shape record (a type, not an interface, so it is a shared/recordDoc PlainRecord). */
export type ShapeRecord = {
	id: string
	typeName: 'shape'
	type: string
	x: number
	y: number
	rotation: number
	index: string
	parentId: string
	isLocked: boolean
	opacity: number
	meta: { [k: string]: Json }
	props: { [k: string]: Json }
}

export type NoteFields = {
	/** `shape:` and a name. */
	id: string
	x: number
	y: number
	/** One paragraph of rich text per entry. */
	paragraphs?: string[]
	color?: string
	index?: string
}

export function noteRecord({ id, x, y, paragraphs = ['a note'], color = 'yellow', index = 'a1' }: NoteFields): ShapeRecord {
	return {
		id,
		typeName: 'shape',
		type: 'note',
		x,
		y,
		rotation: 0,
		index,
		parentId: 'page:page',
		isLocked: false,
		opacity: 1,
		meta: {},
		props: {
			color,
			labelColor: 'black',
			size: 'm',
			font: 'draw',
			// A multiplier of the label size in tldraw 5: 0 would draw the text invisibly small.
			fontSizeAdjustment: 1,
			align: 'middle',
			verticalAlign: 'middle',
			growY: 0,
			url: '',
			scale: 1,
			textLastEditedBy: null,
			richText: {
				type: 'doc',
				content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
			},
		},
	}
}
