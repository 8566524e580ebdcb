import { LOCALES } from '../../shared/model/modelTexts'
import { setLocale, useTranslation } from '../i18n/locale'

/** NL | EN: zone labels, prompts, our UI and tldraw's UI switch together. */
export function LanguageSwitch() {
	const { locale, t } = useTranslation()
	return (
		<div className="language-switch" role="group" aria-label={t('language.label')}>
			{LOCALES.map((option) => (
				<button key={option} aria-pressed={option === locale} data-testid={`language-${option}`} onClick={() => setLocale(option)}>
					{option.toUpperCase()}
				</button>
			))}
		</div>
	)
}
