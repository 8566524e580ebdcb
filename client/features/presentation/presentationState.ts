import { atom, computed } from 'tldraw'
import type * as Y from 'yjs'
import { presentStep, startPresentation, stopPresentation } from '../../../shared/facilitationDoc'
import { stepBeside } from '../../../shared/model/presentationSteps'
import { newRoundId } from '../../../shared/roundId'
import { $facilitation, $isFacilitator } from '../../session/sessionState'

/**
 * Presenter mode as this page sees it. The facilitator's presentation lives in the facilitation
 * document; everyone else is in it until they leave it (Escape, or "Leave"), and is asked back
 * in by the next presentation, which has a new id.
 */
export const $presentation = computed('presentation', () => $facilitation.get()?.presentation ?? null)

/** The id of the presentation this person left; the facilitator never leaves their own. */
const $leftPresentationId = atom<string | null>('left presentation', null)

export const $inPresentation = computed('in presentation', () => {
	const presentation = $presentation.get()
	return presentation !== null && ($isFacilitator.get() || presentation.id !== $leftPresentationId.get())
})

export function leavePresentation(): void {
	$leftPresentationId.set($presentation.get()?.id ?? null)
}

export function rejoinPresentation(): void {
	$leftPresentationId.set(null)
}

/** The facilitator's one control: starts a presentation at the spotlit zone or the whole model, or ends the running one. */
export function togglePresentation(doc: Y.Doc): void {
	if ($presentation.get() === null) startPresentation(doc, newRoundId(), $facilitation.get()?.spotlight ?? 'model')
	else stopPresentation(doc)
}

/** The facilitator steps the presentation forward (+1) or back (-1) in the model's order. */
export function stepPresentation(doc: Y.Doc, direction: 1 | -1): void {
	const presentation = $presentation.get()
	if (presentation !== null) presentStep(doc, stepBeside(presentation.step, direction))
}
