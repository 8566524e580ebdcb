/**
 * What a board may make a browser load: only this server's own uploads and inline images. A URL of
 * another host in a record (an image's src, an embed's iframe) or a colour that is really a CSS
 * url() would make every browser that opens the board request that host; a participant link is
 * public, so nothing a participant writes may do that.
 */
const OWN_UPLOAD = /^\/uploads\/[0-9a-f]{64}\.[a-z0-9]{1,5}$/
const INLINE_IMAGE = /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/]*={0,2}$/
const PLAIN_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/

/** Shapes that load another site by design (tldraw's embeds are iframes of YouTube, Figma, ...). */
const FOREIGN_SHAPE_TYPES: ReadonlySet<string> = new Set(['embed'])

export const isOwnOrInlineUrl = (url: string): boolean => OWN_UPLOAD.test(url) || INLINE_IMAGE.test(url)

export const isPlainColour = (value: unknown): value is string => typeof value === 'string' && PLAIN_COLOUR.test(value)

type RecordLike = { id?: unknown; typeName?: unknown; type?: unknown; props?: unknown }

/** Why a record would make browsers load something from elsewhere, or null when it would not. */
export function offOriginProblem(record: RecordLike): string | null {
	const props = (typeof record.props === 'object' && record.props !== null ? record.props : {}) as Record<string, unknown>
	if (record.typeName === 'shape' && typeof record.type === 'string' && FOREIGN_SHAPE_TYPES.has(record.type)) {
		return `a ${record.type} shape loads another site`
	}
	for (const field of fetchedFields(record)) {
		const url = props[field]
		if (url === null || url === undefined || url === '') continue
		if (typeof url !== 'string' || !isOwnOrInlineUrl(url))
			return `${String(record.typeName)}.props.${field} must be an upload of this server or an inline image`
	}
	return null
}

/** The props a browser fetches on its own when it draws the record (a bookmark's own `src` is only a link). */
function fetchedFields(record: RecordLike): readonly string[] {
	if (record.typeName === 'asset') return record.type === 'bookmark' ? ['image', 'favicon'] : ['src']
	if (record.typeName === 'shape' && (record.type === 'image' || record.type === 'video')) return ['url']
	return []
}
