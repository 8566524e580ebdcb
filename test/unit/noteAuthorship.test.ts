import { describe, expect, it } from 'vitest'
import { isOwnNote } from '../../shared/model/noteAuthorship'

const me = { userId: 'user:bram', name: 'Bram', department: 'IT' }

describe('whose note it is', () => {
	it('by the author id where the note has one, even when a namesake wrote it', () => {
		expect(isOwnNote({ authorId: 'user:bram', authorName: 'Bram', department: 'IT' }, me)).toBe(true)
		expect(isOwnNote({ authorId: 'user:other-bram', authorName: 'Bram', department: 'IT' }, me)).toBe(false)
	})

	it('by name and department for notes of older clients without an author id', () => {
		expect(isOwnNote({ authorName: 'Bram', department: 'IT' }, me)).toBe(true)
		expect(isOwnNote({ authorName: 'Bram', department: 'Sales' }, me)).toBe(false)
	})

	it("a note without authorship is nobody's", () => {
		expect(isOwnNote({}, me)).toBe(false)
		expect(isOwnNote(null, { userId: 'user:x', name: null, department: null })).toBe(false)
	})
})
