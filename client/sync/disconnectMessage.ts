import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import { CLOSE_CODES } from '../../shared/closeCodes'
import type { MessageKey } from '../i18n/en'

type CloseName = keyof typeof CLOSE_CODES

const NAME_OF_CODE = new Map(Object.entries(CLOSE_CODES).map(([name, code]) => [code as number, name as CloseName]))

/**
 * What to tell the person about a close code of the relay. The relay's reason text is English for
 * its logs; every code in CLOSE_CODES has a `disconnect.*` message (the type checks that).
 */
export function disconnectMessage(code: number): MessageKey {
	const name = NAME_OF_CODE.get(code)
	return name ? `disconnect.${name}` : 'disconnect.unknown'
}

/**
 * The code of the last close the relay explained (it gives a reason with every close it means),
 * or null. It counts from the first render of its caller on: a close before that is not seen.
 */
export function useLastServerClose(provider: WebsocketProvider): number | null {
	const [code, setCode] = useState<number | null>(null)
	useEffect(() => {
		const onClose = (event: CloseEvent | null) => {
			if (event?.reason) setCode(event.code)
		}
		provider.on('connection-close', onClose)
		return () => provider.off('connection-close', onClose)
	}, [provider])
	return code
}
