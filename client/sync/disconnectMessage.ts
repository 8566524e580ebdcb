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
