import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { roomOf } from '../../client/session/boardLink'
import { parseRelayPath } from '../../server/relay/relayPath'
import { BOARD_ID_PATTERN } from '../../shared/boardId'
import type { DocumentKind } from '../../shared/roles'
import { parseRelayRoomName, relayRoomName, type RelayRoom } from '../../shared/wire/relayRooms'

const KINDS: DocumentKind[] = ['board', 'facilitation', 'support']

describe('relay room names', () => {
	it.each([
		[{ via: 'board', id: 'b1', kind: 'board' }, 'b1'],
		[{ via: 'board', id: 'b1', kind: 'facilitation' }, 'b1/facilitation'],
		[{ via: 'board', id: 'b1', kind: 'support' }, 'b1/support'],
		[{ via: 'view', id: 'v1', kind: 'board' }, 'view/v1'],
		[{ via: 'view', id: 'v1', kind: 'facilitation' }, 'view/v1/facilitation'],
		[{ via: 'view', id: 'v1', kind: 'support' }, 'view/v1/support'],
	] satisfies [RelayRoom, string][])('%o is the room %s, and that name reads back as it', (room, name) => {
		expect(relayRoomName(room)).toBe(name)
		expect(parseRelayRoomName(name)).toEqual(room)
	})

	it('every valid id and document kind survives the round trip, by board and by view link', () => {
		const rooms = fc
			.record({
				via: fc.constantFrom<RelayRoom['via']>('board', 'view'),
				id: fc.stringMatching(BOARD_ID_PATTERN),
				kind: fc.constantFrom(...KINDS),
			})
			// `view/<x>` is a view link, so a board whose id is "view" has no side documents by name
			// (generated board ids are 22 random characters, never "view").
			.filter((room) => !(room.via === 'board' && room.id === 'view'))
		fc.assert(
			fc.property(rooms, (room) => {
				expect(parseRelayRoomName(relayRoomName(room))).toEqual(room)
			}),
		)
	})

	it('"view" alone is a board id; "view/<x>" is always the view link x', () => {
		expect(parseRelayRoomName('view')).toEqual({ via: 'board', id: 'view', kind: 'board' })
		expect(parseRelayRoomName('view/support')).toEqual({ via: 'view', id: 'support', kind: 'board' })
	})

	it.each([
		['', 'nothing'],
		['b1/', 'an empty document name'],
		['b1/board', 'the board named as a side document'],
		['b1/facilitatio', 'an unknown side document'],
		['b1/support/extra', 'a segment past the document'],
		['view/', 'a view link without an id'],
		['view/v1/support/extra', 'a segment past a view link document'],
		['b%31', 'a URL-encoded character, which is never decoded'],
		['b 1', 'a space'],
		['x'.repeat(65), 'an id of 65 characters'],
		['/b1', 'a leading slash'],
	])('%j is refused: %s', (name) => {
		expect(parseRelayRoomName(name)).toBeNull()
	})
})

describe('client and relay agree on rooms', () => {
	it('every room a board link opens is the board and document the relay reads from it', () => {
		for (const kind of KINDS) {
			expect(parseRelayPath(roomOf({ via: 'board', boardId: 'b1', key: 'secret' }, kind))).toEqual({ via: 'board', id: 'b1', kind })
		}
	})

	it('every room a view link opens reaches the view id, never a board id', () => {
		for (const kind of KINDS) {
			expect(parseRelayPath(roomOf({ via: 'view', viewId: 'v1' }, kind))).toEqual({ via: 'view', id: 'v1', kind })
		}
	})
})
