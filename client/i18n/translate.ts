import type { Locale } from '../../shared/model/modelTexts'
import { en, type MessageKey } from './en'
import { nl } from './nl'

const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, nl }

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string

/** A message in a language, its `{placeholders}` filled in; one left unfilled stays visible as such. */
export function translate(locale: Locale, key: MessageKey, values: Record<string, string | number> = {}): string {
	return MESSAGES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}
