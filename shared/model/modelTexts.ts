import type { StageNumber } from './zones.js'

export type Locale = 'nl' | 'en'
export const LOCALES: readonly Locale[] = ['nl', 'en']

export type ZoneTexts = { title: string; prompts: string[] }

type ModelTexts = {
	centre: ZoneTexts & { keywords: string[] }
	stages: Record<StageNumber, ZoneTexts>
	parking: ZoneTexts
}

/**
 * The model's own words in both languages: the stage names follow the SocialStrategyModel; the
 * guiding questions are ours. A facilitator can override the prompts per board (board settings).
 */
export const MODEL_TEXTS: Record<Locale, ModelTexts> = {
	nl: {
		centre: {
			title: 'Interne organisatie',
			keywords: ['draagvlak', 'verandermanagement', 'cultuur'],
			prompts: ['Staat de directie achter dit plan, en wie stuurt het centraal aan?', 'Welke afdelingen doen mee, en waar zit weerstand?'],
		},
		stages: {
			1: {
				title: 'Probleem\u00adstelling & aandachts\u00adpunten',
				prompts: ['Welk bedrijfs- of marketingprobleem lossen we op?', 'Hoe merken we nu dat dit probleem bestaat?'],
			},
			2: {
				title: 'Doelgroep & doel\u00adstellingen',
				prompts: ['Wie willen we precies bereiken?', 'Wat willen we bij hen bereiken, en wanneer is het gelukt?'],
			},
			3: {
				title: 'Online gedrag doelgroep',
				prompts: ['Waar is onze doelgroep online actief, en hoe?', 'Wat delen en bespreken ze, en wat hebben ze nodig?'],
			},
			4: {
				title: 'Strategische kaders',
				prompts: ['Welke keuzes maken we, en wat doen we bewust niet?', 'Past dit bij onze waardestrategie?'],
			},
			5: {
				title: 'Integratie markt\u00adbewerking',
				prompts: ['Hoe sluit dit aan op onze andere marketingactiviteiten?', 'Waar versterken kanalen en campagnes elkaar?'],
			},
			6: {
				title: 'Mediaplan',
				prompts: ['Welke kanalen zetten we in, en waarvoor?', 'Welke waarde bieden we onze volgers per kanaal?'],
			},
			7: {
				title: 'Proces & project\u00admanagement',
				prompts: ['Wie doet wat, en wanneer?', 'Wie zitten in het projectteam en wie houdt iedereen op de hoogte?'],
			},
			8: {
				title: 'Activatie & meten',
				prompts: ['Hoe meten we resultaat en rendement?', 'Hoe houden we de community actief en enthousiast?'],
			},
		},
		parking: { title: 'Parkeerplaats', prompts: ['Ideeën die (nog) nergens bij horen'] },
	},
	en: {
		centre: {
			title: 'Internal organisation',
			keywords: ['support', 'change management', 'culture'],
			prompts: ['Does the board of directors back this plan, and who steers it centrally?', 'Which departments take part, and where is the resistance?'],
		},
		stages: {
			1: {
				title: 'Problem statement & focus points',
				prompts: ['Which business or marketing problem are we solving?', 'How do we notice this problem today?'],
			},
			2: {
				title: 'Target group & objectives',
				prompts: ['Who exactly do we want to reach?', 'What do we want to achieve with them, and how do we know we did?'],
			},
			3: {
				title: 'Online behaviour of the target group',
				prompts: ['Where is our target group active online, and how?', 'What do they share and discuss, and what do they need?'],
			},
			4: {
				title: 'Strategic frameworks',
				prompts: ['Which choices do we make, and what do we deliberately not do?', 'Does this fit our value discipline?'],
			},
			5: {
				title: 'Integration with the marketing strategy',
				prompts: ['How does this fit our other marketing efforts?', 'Where do channels and campaigns reinforce each other?'],
			},
			6: {
				title: 'Media plan',
				prompts: ['Which channels do we use, and what for?', 'What value do we add for our followers on each channel?'],
			},
			7: {
				title: 'Process & project management',
				prompts: ['Who does what, and when?', 'Who is on the project team, and who keeps everyone informed?'],
			},
			8: {
				title: 'Activation & measurement',
				prompts: ['How do we measure results and return?', 'How do we keep the community active and enthusiastic?'],
			},
		},
		parking: { title: 'Parking lot', prompts: ['Ideas that do not belong anywhere (yet)'] },
	},
}
