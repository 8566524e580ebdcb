import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { en } from '../../client/i18n/en'
import { nl } from '../../client/i18n/nl'
import { $notice, showNotice } from '../../client/session/notice'
import { $facilitation, $role } from '../../client/session/sessionState'
import { disconnectMessage } from '../../client/sync/disconnectMessage'
import { CLOSE_CODES } from '../../shared/closeCodes'
import { readFacilitation, setBoardLocked } from '../../shared/facilitationDoc'

describe('what the person is told when the relay closes the connection', () => {
	it('each close code of the relay has a message of its own, in English and Dutch', () => {
		const keys = Object.values(CLOSE_CODES).map(disconnectMessage)
		expect(new Set(keys).size).toBe(keys.length)
		for (const key of keys) {
			expect(key).not.toBe('disconnect.unknown')
			expect(en[key]).not.toBe(nl[key])
		}
	})

	it('a code the relay does not use gets the message that names the code', () => {
		expect(disconnectMessage(4999)).toBe('disconnect.unknown')
		expect(en['disconnect.unknown']).toContain('{code}')
	})
})

describe('what the person is told when the relay refuses a change', () => {
	afterEach(() => {
		vi.restoreAllMocks()
		$role.set('participant')
		$facilitation.set(null)
		$notice.set(null)
	})

	/** The notice shown after a refusal, with the server's English reason only in the console. */
	function noticeAfterRefusal(serverReason: string) {
		const log = vi.spyOn(console, 'info').mockImplementation(() => {})
		showNotice(serverReason)
		expect(log).toHaveBeenCalledWith(expect.stringContaining(serverReason))
		return $notice.get()?.key
	}

	it('a view link is told that its changes are not saved', () => {
		$role.set('viewer')
		expect(noticeAfterRefusal('this is a view-only link: changes are not saved')).toBe('notice.viewOnly')
	})

	it('a participant on a locked board is told the facilitator locked it', () => {
		const doc = new Y.Doc()
		setBoardLocked(doc, true)
		$facilitation.set(readFacilitation(doc))
		expect(noticeAfterRefusal('the facilitator has locked the board: changes are not saved')).toBe('notice.locked')
	})

	it('any other refusal is told as a change the server did not take', () => {
		expect(noticeAfterRefusal('your cursor and selection (9000 bytes) exceed MAX_AWARENESS_STATE_BYTES (8192)')).toBe('notice.refused')
	})
})
