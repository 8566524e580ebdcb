import { describe, it, expect } from 'vitest'
// Not locale.ts: it reads localStorage and navigator when imported.
import { en, type MessageKey } from '../../client/i18n/en'
import { nl } from '../../client/i18n/nl'
import { LOCALES, MODEL_TEXTS, type ZoneTexts } from '../../shared/model/modelTexts'
import { STAGE_NUMBERS } from '../../shared/model/zones'

const MESSAGES = { en, nl } as const
const keys = Object.keys(en) as MessageKey[]
const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort()

describe('UI messages', () => {
	it('en and nl have exactly the same keys', () => {
		expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort())
		expect(keys.length).toBeGreaterThan(0)
	})

	it('every message uses the same placeholders in English and Dutch', () => {
		const mismatches = keys.filter((key) => placeholders(en[key]).join() !== placeholders(nl[key]).join())
		expect(mismatches).toEqual([])
	})

	it('no message is empty or blank', () => {
		for (const [locale, messages] of Object.entries(MESSAGES)) {
			const blank = Object.entries(messages).filter(([, message]) => message.trim().length === 0)
			expect(blank, locale).toEqual([])
		}
	})

	it('placeholders are well formed: every brace belongs to a {name}', () => {
		for (const [locale, messages] of Object.entries(MESSAGES)) {
			for (const [key, message] of Object.entries(messages)) {
				expect(message.replace(/\{\w+\}/g, ''), `${locale} ${key}`).not.toMatch(/[{}]/)
			}
		}
	})
})

describe('MODEL_TEXTS', () => {
	const expectUsable = (texts: ZoneTexts, label: string) => {
		expect(texts.title.trim(), label).not.toBe('')
		expect(texts.prompts.length, label).toBeGreaterThanOrEqual(1)
		expect(texts.prompts.length, label).toBeLessThanOrEqual(3)
		for (const prompt of texts.prompts) expect(prompt.trim(), label).not.toBe('')
	}

	it('covers both locales', () => {
		expect(Object.keys(MODEL_TEXTS).sort()).toEqual([...LOCALES].sort())
	})

	it('both locales have stages 1 to 8, each with a title and one to three prompts', () => {
		for (const locale of LOCALES) {
			expect(Object.keys(MODEL_TEXTS[locale].stages).map(Number)).toEqual([...STAGE_NUMBERS])
			for (const stage of STAGE_NUMBERS) expectUsable(MODEL_TEXTS[locale].stages[stage], `${locale} stage ${stage}`)
		}
	})

	it('both locales have a centre and a parking lot with a title and one to three prompts', () => {
		for (const locale of LOCALES) {
			expectUsable(MODEL_TEXTS[locale].centre, `${locale} centre`)
			expectUsable(MODEL_TEXTS[locale].parking, `${locale} parking`)
			expect(MODEL_TEXTS[locale].centre.keywords.length, locale).toBeGreaterThan(0)
		}
	})

	it('stage titles differ between stages within a locale', () => {
		for (const locale of LOCALES) {
			const titles = STAGE_NUMBERS.map((stage) => MODEL_TEXTS[locale].stages[stage].title)
			expect(new Set(titles).size, locale).toBe(STAGE_NUMBERS.length)
		}
	})
})
