/**
 * Websocket close codes the relay uses, so a client can tell the user why it was disconnected.
 * 4000-4999 is the range RFC 6455 leaves to applications; y-websocket does not reconnect after a
 * 44xx code, so those are for problems a retry cannot fix.
 */
export const CLOSE_CODES = {
	invalidBoardId: 4400,
	malformedMessage: 4401,
	unsupportedFrame: 4402,
	/** Someone else's private notes: served only to their writer and the facilitator. */
	notYours: 4403,
	unknownViewLink: 4404,
	boardFull: 4409,
	tooManyFromAddress: 4410,
	/** More distinct participant ids on one board from one address than MAX_IDENTITIES_PER_ADDRESS_PER_BOARD. */
	tooManyIdentities: 4411,
	documentTooLarge: 4413,
	/** An update over a shape limit, under another connection's client id, or missing what it builds on for too long. */
	updateRefused: 4422,
	tooManyMessages: 4429,
	serverShuttingDown: 1001,
	frameTooLarge: 1009,
	/** A message the server failed on, or the board being reloaded: clients reconnect. */
	serverError: 1011,
} as const
