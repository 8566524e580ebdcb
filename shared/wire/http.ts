import { z } from 'zod'
import { BOARD_ID_PATTERN } from '../boardId.js'
import type { ClientConfig } from '../clientConfig.js'
import type { HiddenNotesTally } from '../model/privateRound.js'
import { ZONE_IDS } from '../model/zones.js'
import type { Role } from '../roles.js'
import { CREDENTIAL_PATTERN } from './credentials.js'

/**
 * The HTTP API the browser calls (server/http answers it): paths, and the body of each successful
 * answer as a schema, so the browser reads a typed value or a clear error instead of trusting a cast.
 * Full zod, as server/config.ts uses it: one schema style, for about 24 KB gzipped in the client
 * bundle (zod/mini would take about 6 KB, with a second style and no English messages by default).
 */

export const BOARDS_PATH = '/api/boards'
export const boardRolePath = (boardId: string) => `${BOARDS_PATH}/${boardId}/role`
/** The board's view-only link id, for the facilitator. */
export const boardViewIdPath = (boardId: string) => `${BOARDS_PATH}/${boardId}/view`
export const viewPath = (viewId: string) => `/api/views/${viewId}`
/** What the running private round keeps private, counted, for the facilitator. */
export const privateRoundTallyPath = (boardId: string) => `${BOARDS_PATH}/${boardId}/private-round`
export const IDENTITY_PATH = '/api/identity'
export const UPLOADS_PATH = '/uploads'
/** The board an upload belongs to (its participant link id), on `POST /uploads`. */
export const UPLOAD_BOARD_HEADER = 'X-Board-Id'

/**
 * The request header that carries the facilitator key to the role and view-id answers: a header,
 * not the query, which reverse proxies write to their access logs.
 */
export const FACILITATOR_KEY_HEADER = 'X-Facilitator-Key'

const linkId = z.string().regex(BOARD_ID_PATTERN)

/** `POST /api/boards`: the new board's id and its links' secrets, handed out this once. */
export const createdBoardBody = z.object({ boardId: linkId, facilitatorKey: z.string().min(1), viewId: linkId })
export type CreatedBoardBody = z.infer<typeof createdBoardBody>

/**
 * `GET /api/boards/<boardId>/role` (the key, if any, in FACILITATOR_KEY_HEADER), and
 * `GET /api/views/<viewId>` for a view link that exists.
 */
export const boardRoleBody = z.object({ role: z.enum(['facilitator', 'participant', 'viewer']) satisfies z.ZodType<Role> })
export type BoardRoleBody = z.infer<typeof boardRoleBody>

/** `GET /api/boards/<boardId>/view` with the key in FACILITATOR_KEY_HEADER: the view-only id, for the facilitator only. */
export const viewIdBody = z.object({ viewId: linkId })
export type ViewIdBody = z.infer<typeof viewIdBody>

/** `POST /api/identity`: a new participant id, and the token the relay checks it by (it travels as a subprotocol). */
export const identityBody = z.object({ participantId: linkId, token: z.string().regex(CREDENTIAL_PATTERN) })
export type IdentityBody = z.infer<typeof identityBody>

/** `GET /api/boards/<boardId>/private-round` with the key in FACILITATOR_KEY_HEADER: counts, never a note's text. */
export const privateRoundTallyBody = z.object({
	authors: z.array(z.object({ authorId: z.string().nullable(), name: z.string().nullable(), department: z.string().nullable(), count: z.number() })),
	zones: z.array(z.object({ zone: z.enum(ZONE_IDS), count: z.number() })),
}) satisfies z.ZodType<HiddenNotesTally>
export type PrivateRoundTallyBody = HiddenNotesTally

/** `GET /api/client-config` (CLIENT_CONFIG_PATH). */
export const clientConfigBody = z.object({ tldrawLicenseKey: z.string().nullable() }) satisfies z.ZodType<ClientConfig>

/** `POST /uploads`: where the stored file is served. */
export const uploadedFileBody = z.object({ url: z.string().startsWith(`${UPLOADS_PATH}/`), mimeType: z.string(), size: z.number() })
export type UploadedFileBody = z.infer<typeof uploadedFileBody>

/** What a refusal carries: a sentence for the person. */
export const errorBody = z.object({ error: z.string() })
export type ErrorBody = z.infer<typeof errorBody>

/** As much of a fetch `Response` as reading its body needs (shared code has no DOM types). */
export type JsonResponse = { json(): Promise<unknown> }

/** The body of an answer from `path`, or an error naming the path and what in the body was wrong. */
export async function readBody<Body>(response: JsonResponse, path: string, schema: z.ZodType<Body>): Promise<Body> {
	const json = await response.json().catch(() => {
		throw new Error(`the server answered ${path} with a body that is not JSON`)
	})
	const parsed = schema.safeParse(json)
	if (parsed.success) return parsed.data
	const issue = parsed.error.issues[0]!
	const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
	throw new Error(`the server answered ${path} with an unexpected body (${where}${issue.message})`)
}
