import * as Y from 'yjs'
import type { VotingRound } from '../../shared/facilitationDoc.js'
import { readRecord, recordsOf } from '../../shared/recordDoc.js'
import type { Refusal } from '../relay/Connection.js'
import type { DocumentRef } from '../relay/relayPath.js'
import { log } from '../logger.js'
import { updateEffects } from './updateEffects.js'
import { boardRefusal, privateRefusal, supportRefusal, type Writer } from './writePolicy.js'

/** Why an update may not take effect in this document (read before it is applied), or null. */
export type DocumentPolicy = (writer: Writer, update: Uint8Array, doc: Y.Doc) => Refusal | null

/**
 * The write policy of one of a board's documents (writePolicy.ts); null for the facilitation
 * document, which only the facilitator writes at all. `votingRound` reads the board's facilitation
 * document, which the support room holds loaded (RoomRegistry).
 */
export function documentPolicy(kind: DocumentRef['kind'], votingRound: () => VotingRound | null): DocumentPolicy | null {
	switch (kind) {
		case 'board':
			return (writer, update, doc) => boardRefusal(writer, updateEffects(update, doc), { recordBefore: (id) => recordIn(doc, id) })
		case 'private':
			return (writer, update, doc) =>
				privateRefusal(writer, updateEffects(update, doc), { recordBefore: (id) => recordIn(doc, id), openVotingRound: () => openRound(votingRound) })
		case 'support':
			return (writer, update, doc) => supportRefusal(writer, updateEffects(update, doc), { openVotingRound: () => openRound(votingRound) })
		case 'facilitation':
			return null
	}
}

function recordIn(doc: Y.Doc, id: string) {
	const value = recordsOf(doc).get(id)
	return value instanceof Y.Map ? readRecord(value) : null
}

/** A round that cannot be read counts as closed, as a lock that cannot be read counts as locked. */
function openRound(votingRound: () => VotingRound | null): VotingRound | null {
	try {
		const round = votingRound()
		return round?.phase === 'open' ? round : null
	} catch (error) {
		log.error('could not read the voting round; refusing votes', { error: String(error) })
		return null
	}
}
