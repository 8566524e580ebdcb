/**
 * Why the relay dropped a change, as it travels in y-websocket's "permission denied" message: the
 * only place a stock provider hands the server's words to the page. The text is `<code>: <detail>`,
 * so a client picks its own translated message by the code, while the English detail stays
 * readable in logs, the console and any stock client that knows no codes.
 */
export const REFUSAL_CODES = [
	/** The connection's role was not known yet. */
	'not-ready',
	/** A view-only link, which writes nothing. */
	'view-only',
	/** A participant wrote the session document, which is the facilitator's. */
	'facilitator-only',
	/** A participant wrote while the facilitator has locked the board. */
	'locked',
	/** Whether the board is locked could not be read, which counts as locked. */
	'lock-unknown',
	/** A cursor and selection state over MAX_AWARENESS_STATE_BYTES. */
	'presence-too-large',
	/** A presence under another user id than the connection's own, or with a colour that is not a plain colour. */
	'presence-not-yours',
	// What the write policy (server/policy/writePolicy.ts) refuses inside a document:
	/** A participant changed the model's zones, the board's title or prompts, or removed a department. */
	'model-facilitator-only',
	/** An endorsement or votes under another person's id. */
	'not-your-entry',
	/** Votes outside the open voting round. */
	'voting-closed',
	/** More dots than the round gives each person. */
	'over-dot-budget',
	/** A note written in another person's name, or an existing note's author changed. */
	'authorship',
	/** Something that would make browsers load from another host, or a colour that is not one. */
	'off-origin',
	/** Data in a form the board never writes (a record that is no map of plain values, a bad endorsement). */
	'malformed',
] as const

export type RefusalCode = (typeof REFUSAL_CODES)[number]

const SEPARATOR = ': '

export function refusalReason(code: RefusalCode, detail: string): string {
	return `${code}${SEPARATOR}${detail}`
}

/** The code a refusal's text starts with; null for any other text (an older or a hostile server). */
export function refusalCodeOf(reason: string): RefusalCode | null {
	const end = reason.indexOf(SEPARATOR)
	const code = end < 0 ? null : reason.slice(0, end)
	return REFUSAL_CODES.find((known) => known === code) ?? null
}
