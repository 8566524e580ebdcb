import { atom, useValue } from 'tldraw'
import type { Locale } from '../../shared/model/modelTexts'
import { translate, type Translate } from './translate'

const STORAGE_KEY = 'strategy-board:locale'

function initialLocale(): Locale {
	const stored = localStorage.getItem(STORAGE_KEY)
	if (stored === 'nl' || stored === 'en') return stored
	return navigator.language.toLowerCase().startsWith('nl') ? 'nl' : 'en'
}

/** The language of labels, prompts and our UI; tldraw's own UI follows it (see BoardPage). */
export const $locale = atom<Locale>('locale', initialLocale())

export function setLocale(locale: Locale): void {
	localStorage.setItem(STORAGE_KEY, locale)
	$locale.set(locale)
}

/** The current locale and a translate function bound to it; re-renders when the language changes. */
export function useTranslation(): { locale: Locale; t: Translate } {
	const locale = useValue($locale)
	return { locale, t: (key, values) => translate(locale, key, values) }
}
