/** What a connection may do on a board; decided by the server from the link that was used. */
export type Role = 'facilitator' | 'participant' | 'viewer'

/** A board's side documents travel as `<boardId>/<kind>` rooms; the board itself has no suffix. */
export type DocumentKind = 'board' | 'facilitation' | 'support'

export const SIDE_DOCUMENTS: readonly Exclude<DocumentKind, 'board'>[] = ['facilitation', 'support']

/**
 * A person's private notes during a private round travel as `<boardId>/private/<participantId>`:
 * one document per person, which the relay serves only to that person and the facilitator.
 */
export const PRIVATE_SEGMENT = 'private'

/** The path segment a view-only link uses instead of a board id. */
export const VIEW_PREFIX = 'view'
