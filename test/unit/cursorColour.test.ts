import { describe, expect, it } from 'vitest'
import { distinctColour } from '../../client/canvas/cursorColour'
import { PERSON_COLOURS } from '../../client/theme'

const [first, second, third] = PERSON_COLOURS

describe('distinct cursor colours', () => {
	it('keeps a colour nobody else has', () => {
		expect(distinctColour({ id: 'user:b', colour: second, isNew: true }, [{ id: 'user:a', colour: first }])).toBe(second)
	})

	it('a newcomer whose colour is taken picks the first free one', () => {
		expect(
			distinctColour({ id: 'user:a', colour: first, isNew: true }, [
				{ id: 'user:z', colour: first },
				{ id: 'user:y', colour: second },
			]),
		).toBe(third)
	})

	it('between two people already here, the larger id gives way and the other keeps its colour', () => {
		const others = (colour: string) => [{ id: 'user:b', colour }]
		expect(distinctColour({ id: 'user:c', colour: first, isNew: false }, others(first))).toBe(second)
		expect(distinctColour({ id: 'user:a', colour: first, isNew: false }, others(first))).toBe(first)
	})

	it("a colour that is not one of ours (tldraw's default) is replaced by a free one", () => {
		expect(distinctColour({ id: 'user:a', colour: '#123456', isNew: false }, [{ id: 'user:b', colour: first }])).toBe(second)
	})

	it('with every colour taken, a person keeps theirs', () => {
		const everyone = PERSON_COLOURS.map((colour, index) => ({ id: `user:${index}`, colour }))
		expect(distinctColour({ id: 'user:zz', colour: third, isNew: false }, everyone)).toBe(third)
	})
})
