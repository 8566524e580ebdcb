/** Polls until `condition` returns a truthy value (which it returns), or fails after `timeoutMs`. */
export async function waitFor<T>(condition: () => T | Promise<T>, { timeoutMs = 10_000, intervalMs = 20, what = 'condition' } = {}): Promise<NonNullable<T>> {
	const deadline = Date.now() + timeoutMs
	let lastError: unknown
	while (Date.now() < deadline) {
		try {
			const value = await condition()
			if (value) return value as NonNullable<T>
		} catch (error) {
			lastError = error
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs))
	}
	throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`)
}
