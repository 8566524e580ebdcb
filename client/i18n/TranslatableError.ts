import type { MessageKey } from './en'
import { translate, type Translate } from './translate'

/**
 * An error whose text is one of our messages, so a page can say it in the reader's language; its
 * `message` is the English text, for logs and tests.
 */
export class TranslatableError extends Error {
	constructor(
		readonly key: MessageKey,
		readonly values: Record<string, string | number> = {},
	) {
		super(translate('en', key, values))
	}
}

/** What to tell a person about an error: ours in their language; any other (a failed fetch, say) with its own words as the detail. */
export function errorText(t: Translate, error: Error): string {
	return error instanceof TranslatableError ? t(error.key, error.values) : t('error.unexpected', { detail: error.message })
}
