import type { BoardSettings } from '../../../shared/boardSettings'
import { MODEL_TEXTS, type Locale, type ZoneTexts } from '../../../shared/model/modelTexts'
import { stageOf, type ZoneId } from '../../../shared/model/zones'

/** A zone's title and prompts in a language, with the board's own prompts where a facilitator set them. */
export function zoneTexts(zone: ZoneId, locale: Locale, settings: BoardSettings): ZoneTexts {
	const texts = MODEL_TEXTS[locale]
	const standard = zone === 'centre' ? texts.centre : zone === 'parking' ? texts.parking : texts.stages[stageOf(zone)]
	return { title: standard.title, prompts: settings.promptOverrides[`${zone}.${locale}`] ?? standard.prompts }
}
