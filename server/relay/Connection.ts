import type { WebSocket } from 'ws'

/** One client's socket on one board, and the awareness client ids it has announced. */
export class Connection {
	readonly awarenessClientIds = new Set<number>()

	constructor(
		readonly socket: WebSocket,
		readonly boardId: string,
		readonly remoteAddress: string,
	) {}

	get isOpen(): boolean {
		return this.socket.readyState === this.socket.OPEN
	}

	send(message: Uint8Array): void {
		if (this.isOpen) this.socket.send(message, { binary: true })
	}

	close(code: number, reason: string): void {
		// Close reasons are limited to 123 bytes by RFC 6455.
		if (this.socket.readyState <= this.socket.OPEN) this.socket.close(code, reason.slice(0, 120))
	}
}
