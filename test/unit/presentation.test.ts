import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
	FACILITATION_MAP,
	presentStep,
	readFacilitation,
	readPresentation,
	setSpotlight,
	startPresentation,
	stepPresentation,
	stopPresentation,
	togglePresentation,
} from '../../shared/facilitationDoc'
import { PRESENTATION_STEPS, isPresentationStep, stepBeside } from '../../shared/model/presentationSteps'

describe('presentation steps', () => {
	it('run from the whole model through the centre, stages 1 to 8 and the parking lot', () => {
		expect(PRESENTATION_STEPS).toEqual(['model', 'centre', ...[1, 2, 3, 4, 5, 6, 7, 8].map((stage) => `stage-${stage}`), 'parking'])
	})

	it('step forward and back, and stay put at either end', () => {
		expect(stepBeside('model', 1)).toBe('centre')
		expect(stepBeside('stage-8', 1)).toBe('parking')
		expect(stepBeside('parking', 1)).toBe('parking')
		expect(stepBeside('centre', -1)).toBe('model')
		expect(stepBeside('model', -1)).toBe('model')
	})

	it('accept only known steps', () => {
		for (const bad of ['stage-9', '', 'Model', null, 3, { step: 'model' }]) expect(isPresentationStep(bad)).toBe(false)
	})
})

describe('presentation in the facilitation document', () => {
	it('starts at the whole model, moves between steps, and stops', () => {
		const doc = new Y.Doc()
		expect(readPresentation(doc)).toBeNull()
		presentStep(doc, 'stage-2')
		expect(readPresentation(doc)).toBeNull()
		startPresentation(doc, 'p1')
		expect(readFacilitation(doc).presentation).toEqual({ id: 'p1', step: 'model' })
		presentStep(doc, 'stage-3')
		expect(readPresentation(doc)).toEqual({ id: 'p1', step: 'stage-3' })
		stopPresentation(doc)
		expect(readPresentation(doc)).toBeNull()
	})

	it("the facilitator's toggle starts at the spotlit zone (else the whole model) and ends the running one; steps follow the model's order", () => {
		const doc = new Y.Doc()
		stepPresentation(doc, 1)
		expect(readPresentation(doc)).toBeNull()
		togglePresentation(doc, 'p1')
		expect(readPresentation(doc)).toEqual({ id: 'p1', step: 'model' })
		stepPresentation(doc, 1)
		stepPresentation(doc, 1)
		expect(readPresentation(doc)?.step).toBe('stage-1')
		stepPresentation(doc, -1)
		expect(readPresentation(doc)?.step).toBe('centre')
		togglePresentation(doc, 'p2')
		expect(readPresentation(doc)).toBeNull()
		setSpotlight(doc, 'stage-4')
		togglePresentation(doc, 'p3')
		expect(readPresentation(doc)).toEqual({ id: 'p3', step: 'stage-4' })
	})

	it('reads a malformed presentation as none', () => {
		const doc = new Y.Doc()
		const map = doc.getMap<unknown>(FACILITATION_MAP)
		for (const bad of [{ id: '', step: 'model' }, { id: 'p', step: 'stage-0' }, { id: 7, step: 'centre' }, 'model', [1]]) {
			map.set('presentation', bad)
			expect(readPresentation(doc), JSON.stringify(bad)).toBeNull()
		}
	})
})
