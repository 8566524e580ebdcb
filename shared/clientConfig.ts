/** Settings the server hands the browser at runtime, so one build serves every deployment. */
export type ClientConfig = { tldrawLicenseKey: string | null }

export const CLIENT_CONFIG_PATH = '/api/client-config'
