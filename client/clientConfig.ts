import { CLIENT_CONFIG_PATH, type ClientConfig } from '../shared/clientConfig'

export async function fetchClientConfig(): Promise<ClientConfig> {
	const response = await fetch(CLIENT_CONFIG_PATH)
	if (!response.ok) throw new Error(`could not load the client configuration (HTTP ${response.status})`)
	const body = (await response.json()) as Partial<ClientConfig>
	return { tldrawLicenseKey: typeof body.tldrawLicenseKey === 'string' ? body.tldrawLicenseKey : null }
}
