/**
 * Where the facilitator's tools float, in window pixels: just right of the 300 px side panel and
 * above tldraw's zoom menu. The board's first view keeps the model clear of them.
 */
export const FACILITATOR_TOOLS_BOX = { left: 308, bottom: 52, width: 320 } as const
