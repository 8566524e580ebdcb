import { CLIENT_CONFIG_PATH, type ClientConfig } from '../shared/clientConfig'
import { clientConfigBody, readBody } from '../shared/wire/http'

export async function fetchClientConfig(): Promise<ClientConfig> {
	const response = await fetch(CLIENT_CONFIG_PATH)
	if (!response.ok) throw new Error(`could not load the client configuration (HTTP ${response.status})`)
	return readBody(response, CLIENT_CONFIG_PATH, clientConfigBody)
}
