import path from 'node:path'
import express, { type ErrorRequestHandler, type Express } from 'express'
import { CLIENT_CONFIG_PATH, type ClientConfig } from '../../shared/clientConfig.js'
import { UPLOADS_PATH, type ErrorBody } from '../../shared/wire/http.js'
import type { BoardAccessService } from '../access/BoardAccessService.js'
import type { Config } from '../config.js'
import type { IdentityService } from '../identity/IdentityService.js'
import type { PrivateDocuments } from '../relay/PrivateDocuments.js'
import { boardsRouter } from './boardsRouter.js'
import { identityRouter } from './identityRouter.js'
import { uploadsRouter } from './uploads.js'

/** The HTTP side: health, runtime client config, boards, identities, uploads, and the built client as a single-page app. */
export type HttpServices = { access: BoardAccessService; identities: IdentityService; privateDocuments: PrivateDocuments }

export function createHttpApp(config: Config, clientDirectory: string, { access, identities, privateDocuments }: HttpServices, health: () => object): Express {
	const app = express()
	app.disable('x-powered-by')

	app.get('/healthz', (_request, response) => {
		response.json({ status: 'ok', ...health() })
	})

	app.get(CLIENT_CONFIG_PATH, (_request, response) => {
		const body: ClientConfig = { tldrawLicenseKey: config.tldrawLicenseKey ?? null }
		response.setHeader('Cache-Control', 'no-store')
		response.json(body)
	})

	app.use('/api', express.json({ limit: '16kb' }), boardsRouter(access, privateDocuments))
	app.use(identityRouter(identities))
	app.use(
		UPLOADS_PATH,
		uploadsRouter(access, {
			directory: path.join(config.dataDir, 'uploads'),
			maxBytes: config.uploadMaxBytes,
			bytesPerMinute: config.uploadBytesPerMinute,
			trustedProxies: config.limits.trustedProxies,
		}),
	)

	app.use(express.static(clientDirectory, { index: false, maxAge: '1h' }))
	app.get(['/', '/b/{*rest}', '/v/{*rest}'], (_request, response) => {
		response.sendFile(path.join(clientDirectory, 'index.html'))
	})
	app.use((_request, response) => {
		response.status(404).json({ error: 'not found' })
	})

	const errorHandler: ErrorRequestHandler = (error, _request, response, _next) => {
		if (error?.type === 'entity.too.large') {
			const refusal: ErrorBody = { error: `upload of ${error.length} bytes exceeds the ${config.uploadMaxBytes} byte limit` }
			response.status(413).json(refusal)
			return
		}
		response.status(500).json({ error: 'internal error' })
	}
	app.use(errorHandler)
	return app
}
