/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) and `10.0.0.1` are the same client. */
function normalise(address: string): string {
	const trimmed = address.trim()
	return trimmed.startsWith('::ffff:') && trimmed.includes('.') ? trimmed.slice('::ffff:'.length) : trimmed
}

/**
 * The address a connection is counted under. Behind a reverse proxy every socket comes from the
 * proxy, so for a peer listed in `trustedProxies` the client is read from X-Forwarded-For: the
 * right-most entry that is not itself a trusted proxy (entries left of it could be made up by the
 * client). From anyone else the header is ignored, so it cannot be used to dodge the limit.
 */
export function clientAddress(socketAddress: string, forwardedFor: string | string[] | undefined, trustedProxies: ReadonlySet<string>): string {
	const peer = normalise(socketAddress)
	if (!trustedProxies.has(peer) || forwardedFor === undefined) return peer
	const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
		.split(',')
		.map(normalise)
		.filter((hop) => hop !== '')
	for (let index = hops.length - 1; index >= 0; index--) if (!trustedProxies.has(hops[index]!)) return hops[index]!
	return hops[0] ?? peer
}
