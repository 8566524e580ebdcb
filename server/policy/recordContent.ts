import { isOwnOrInlineUrl, isPlainColour, offOriginProblem } from '../../shared/model/sameOrigin.js'
import { TLDRAW_COLOURS } from './tldrawColours.js'

/** A record as the relay reads it from the board: plain properties, as in shared/recordDoc.ts. */
export type RecordValues = Record<string, unknown>

/** The document-scoped records the browser syncs (client/sync/bindStoreToDoc.ts); cameras, instances and presences stay in each browser. */
const SYNCED_TYPE_NAMES: ReadonlySet<string> = new Set(['document', 'page', 'shape', 'binding', 'asset', 'user'])
/** tldraw never changes these of a record: a note does not turn into another shape, nor take another record's id. */
const IDENTITY_PROPERTIES = ['id', 'typeName', 'type'] as const

/**
 * Why a record stored under `key` is not one the browser writes, or null: its id is its key (a
 * record under one key claiming another's id would replace that one in every browser), it is of a
 * synced type, and it keeps the identity it had.
 */
export function recordFormProblem(key: string, before: RecordValues | null, after: RecordValues): string | null {
	if (after.id !== key) return `the record under ${key} must have that id, not ${JSON.stringify(after.id)}`
	if (typeof after.typeName !== 'string' || !SYNCED_TYPE_NAMES.has(after.typeName)) {
		return `records of type ${JSON.stringify(after.typeName)} are not kept in the board`
	}
	const changed = before && IDENTITY_PROPERTIES.find((property) => before[property] !== after[property])
	return changed ? `the ${changed} of ${key} cannot change` : null
}

/**
 * Why a record would make browsers load something from another host, or draw free text as a
 * colour, or null. Image and video sources, bookmark previews and embeds are judged by
 * shared/model/sameOrigin.ts, as the browser judges what it receives; a shape's colours must be
 * tldraw's colour names; a user record's colour a plain colour and its avatar an upload of ours.
 */
export function recordOriginProblem(record: RecordValues): string | null {
	const offOrigin = offOriginProblem(record)
	if (offOrigin) return offOrigin
	if (record.typeName === 'shape') return shapeColourProblem(record.props)
	if (record.typeName === 'user') return userProblem(record)
	return null
}

function shapeColourProblem(props: unknown): string | null {
	if (typeof props !== 'object' || props === null) return null
	for (const field of ['color', 'labelColor']) {
		const value = (props as RecordValues)[field]
		if (value !== undefined && !(typeof value === 'string' && TLDRAW_COLOURS.has(value))) {
			return `shape.props.${field} must be one of tldraw's colour names, not ${JSON.stringify(value)}`
		}
	}
	return null
}

function userProblem({ color, imageUrl }: RecordValues): string | null {
	if (color !== undefined && color !== '' && !isPlainColour(color)) return 'user.color must be a plain #rgb or #rrggbb colour'
	if (imageUrl !== undefined && imageUrl !== '' && !(typeof imageUrl === 'string' && isOwnOrInlineUrl(imageUrl))) {
		return 'user.imageUrl must be an upload of this server or an inline image'
	}
	return null
}
