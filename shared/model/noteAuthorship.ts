/**
 * Who wrote a note, read from its `meta` without trusting it: notes made by older clients, by
 * hand or by plain tldraw have no or malformed meta and then count as "unknown department".
 */
export type NoteAuthorship = { authorName: string | null; department: string | null; createdAt: string | null }

export type NoteMeta = {
	authorName: string
	department: string
	createdAt: string
	/** The author's tldraw user id: names repeat, this tells "my note" apart from a namesake's. */
	authorId?: string
	/** The private round the note was written in; others see it only once that round is revealed. */
	privateRound?: string
}

export function readNoteAuthorship(meta: unknown): NoteAuthorship {
	const record = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>) : {}
	return {
		authorName: nonEmptyString(record.authorName),
		department: nonEmptyString(record.department),
		createdAt: nonEmptyString(record.createdAt),
	}
}

function nonEmptyString(value: unknown): string | null {
	return typeof value === 'string' && value.trim().length > 0 ? value.trim() : null
}

export type Person = { userId: string; name: string | null; department: string | null }

/**
 * Whether a note is this person's own: by the author's user id where the note carries one, else
 * by name and department (notes of older clients). A note without authorship is nobody's.
 */
export function isOwnNote(meta: unknown, me: Person): boolean {
	const authorId = (meta as { authorId?: unknown } | null)?.authorId
	if (typeof authorId === 'string' && authorId !== '') return authorId === me.userId
	const { authorName, department } = readNoteAuthorship(meta)
	return authorName !== null && authorName === me.name && department === me.department
}
