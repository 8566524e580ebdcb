import { atom, react, type Editor } from 'tldraw'
import { PERSON_COLOURS } from '../theme'

/** How long after joining a person still counts as new, and gives way when their colour is taken. */
const NEW_FOR_MS = 5000

export type ColourHolder = { id: string; colour: string }

/**
 * The colour this person should show: their own, unless someone else on the board has it and
 * they should give way (a newcomer always does; between two people already here, the one with
 * the larger id), then the first colour nobody has. With more people than colours, repeats are
 * unavoidable and the person keeps theirs.
 */
export function distinctColour(me: ColourHolder & { isNew: boolean }, others: readonly ColourHolder[]): string {
	const taken = new Set(others.map((other) => other.colour))
	const ownIsPersonColour = (PERSON_COLOURS as readonly string[]).includes(me.colour)
	const mustGiveWay = others.some((other) => other.colour === me.colour && (me.isNew || other.id < me.id))
	if (ownIsPersonColour && !mustGiveWay) return me.colour
	return PERSON_COLOURS.find((colour) => !taken.has(colour)) ?? (ownIsPersonColour ? me.colour : PERSON_COLOURS[0])
}

/** Keeps this person's cursor colour distinct from everyone else's on the board; returns the stop. */
export function keepCursorColourDistinct(editor: Editor): () => void {
	const isNew = atom('cursor colour: just joined', true)
	// Once no longer new, a clash that is still there is settled by id.
	const settle = setTimeout(() => isNew.set(false), NEW_FOR_MS)
	const stop = react('distinct cursor colour', () => {
		const mine = editor.user.getColor()
		const others = editor.getCollaborators().map((presence) => ({ id: presence.userId, colour: presence.color }))
		const colour = distinctColour({ id: editor.user.getId(), colour: mine, isNew: isNew.get() }, others)
		// Outside the reaction: changing what it reads from inside it breaks tldraw's signals.
		if (colour !== mine) queueMicrotask(() => editor.user.updateUserPreferences({ color: colour }))
	})
	return () => {
		clearTimeout(settle)
		stop()
	}
}
