import { atom, computed } from 'tldraw'
import type * as Y from 'yjs'
import { observeFacilitation, readFacilitation, type FacilitationState } from '../../shared/facilitationDoc'
import type { Role } from '../../shared/roles'
import { observeSupport, readEndorsements } from '../../shared/supportDoc'
import type { Endorsement } from '../../shared/model/support'

/**
 * The open board's session beyond tldraw's store, live: who I am here (role), the facilitation
 * state and the support data. Shapes and panels read these atoms; writes go to the documents.
 */
export type SessionDocuments = { facilitation: Y.Doc; support: Y.Doc }

export const $role = atom<Role>('role', 'participant')
export const $documents = atom<SessionDocuments | null>('session documents', null)
export const $facilitation = atom<FacilitationState | null>('facilitation', null)
/** Whether the facilitation document has had its first sync: what it held then was there before this page. */
export const $facilitationSynced = atom('facilitation synced', false)
export const $endorsements = atom<Endorsement[]>('endorsements', [])
/** Bumped on every change of the support document, for readers of votes. */
export const $supportVersion = atom('support version', 0)

/** The facilitation document of the open board, or null while none is open. */
export const $facilitationDoc = computed('facilitation document', () => $documents.get()?.facilitation ?? null)

export const $isFacilitator = computed('is facilitator', () => $role.get() === 'facilitator')
/** Whether this person may change the board itself right now (endorsing is separate). */
export const $canEditBoard = computed('can edit board', () => $role.get() === 'facilitator' || ($role.get() === 'participant' && !$facilitation.get()?.locked))
export const $canEndorse = computed('can endorse', () => $role.get() !== 'viewer')

/** Mirrors the side documents into the atoms until the returned function is called. */
export function followSessionDocuments(documents: SessionDocuments): () => void {
	$documents.set(documents)
	const refreshFacilitation = () => $facilitation.set(readFacilitation(documents.facilitation))
	const refreshSupport = () => {
		$endorsements.set(readEndorsements(documents.support))
		$supportVersion.update((version) => version + 1)
	}
	refreshFacilitation()
	refreshSupport()
	const stopFacilitation = observeFacilitation(documents.facilitation, refreshFacilitation)
	const stopSupport = observeSupport(documents.support, refreshSupport)
	return () => {
		stopFacilitation()
		stopSupport()
		$documents.set(null)
		$facilitation.set(null)
		$facilitationSynced.set(false)
	}
}
