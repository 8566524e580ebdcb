/**
 * `?debug` after a board URL hands the live session to the browser console as
 * `window.strategyBoard` (and to tests that cut the network or read the document).
 */
export function exposeForDebugging(parts: Record<string, unknown>): void {
	if (!new URLSearchParams(location.search).has('debug')) return
	const window_ = window as unknown as { strategyBoard?: Record<string, unknown> }
	window_.strategyBoard = { ...window_.strategyBoard, ...parts }
}
