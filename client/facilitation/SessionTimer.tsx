/** The stage timer, visible to everyone at the top of the board. */
export function SessionTimer() {
	return null
}
