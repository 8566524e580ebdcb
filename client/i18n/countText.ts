import type { MessageKey } from './en'
import type { Translate } from './translate'

type Counted = 'support.endorsements' | 'support.dotsLeft' | 'support.voteTotal'

/** The singular of each counted message: "1 dot", not "1 dots", in English and Dutch alike. */
const ONE: Record<Counted, MessageKey> = {
	'support.endorsements': 'support.endorsementsOne',
	'support.dotsLeft': 'support.dotsLeftOne',
	'support.voteTotal': 'support.voteTotalOne',
}

export function countText(t: Translate, key: Counted, count: number): string {
	return count === 1 ? t(ONE[key]) : t(key, { count })
}
