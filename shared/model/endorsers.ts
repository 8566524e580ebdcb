import { endorsersOf, type Endorsement } from './support.js'

/** Each note's endorsers, earliest first, a person once: what the badges and the side panel show. */
export function endorsementsByNote(endorsements: readonly Endorsement[]): Map<string, Endorsement[]> {
	const grouped = new Map<string, Endorsement[]>()
	for (const endorsement of endorsements) grouped.set(endorsement.noteId, [...(grouped.get(endorsement.noteId) ?? []), endorsement])
	return new Map([...grouped].map(([noteId, group]) => [noteId, endorsersOf(noteId, group)]))
}

/** "Anna (Marketing), Bram (IT)"; someone who joined without a department is just their name. */
export function describeEndorsers(endorsers: readonly Endorsement[]): string {
	return endorsers.map(({ name, department }) => (department.trim() ? `${name} (${department})` : name)).join(', ')
}
