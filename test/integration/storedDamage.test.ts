import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LevelBoardStorage } from '../../server/storage/LevelBoardStorage'
import { deleteSetUpdate, nestedMapsUpdate, setUpdate } from '../helpers/hostileUpdates'
import { relayTestBed } from '../helpers/relayTestBed'
import { waitFor } from '../helpers/waitFor'

const { serverWith, client } = relayTestBed()

/** A data directory whose board log holds `updates`, written as an older server (or a damaged disk) left it. */
async function dataDirWith(boardId: string, updates: Uint8Array[]): Promise<string> {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'strategy-board-damaged-'))
	const storage = await LevelBoardStorage.open(path.join(dataDir, 'boards'))
	for (const update of updates) await storage.appendUpdates(boardId, [update])
	await storage.close()
	return dataDir
}

async function open(dataDir: string, boardId: string) {
	const server = await serverWith({}, dataDir)
	return { server, client: await client(server, boardId) }
}

describe('a board whose stored log was damaged or written before updates were checked still opens', () => {
	it('an unreadable stored entry is set aside on disk and named in the log; the board opens from the rest', async () => {
		const garbage = new Uint8Array([1, 200, 7, 7, 7, 7])
		const dataDir = await dataDirWith('damaged', [setUpdate('notes', 'before', 'kept'), garbage, setUpdate('notes', 'after', 'kept too')])
		const { server, client } = await open(dataDir, 'damaged')
		expect(client.doc.getMap('notes').toJSON()).toEqual({ before: 'kept', after: 'kept too' })
		await waitFor(() => server.output().includes('set aside stored updates'), { what: 'the log line' })
		expect(server.output()).toContain('damaged!0000000000000001')

		await server.stop()
		const storage = await LevelBoardStorage.open(path.join(dataDir, 'boards'))
		const aside = storage['aside'] as unknown as { get(key: string): Promise<Uint8Array | undefined> }
		expect(new Uint8Array((await aside.get('damaged!0000000000000001'))!)).toEqual(garbage)
		expect((await storage.loadUpdates('damaged')).length).toBe(1)
		await storage.close()
		const again = await open(dataDir, 'damaged')
		expect(again.client.doc.getMap('notes').size).toBe(2)
	})

	it('a record nested 20,000 maps deep stored by an older server is deleted on load; every other note opens', async () => {
		const dataDir = await dataDirWith('legacy-deep', [setUpdate('notes', 'anna', 'webcare'), nestedMapsUpdate(20_000)])
		const { server, client } = await open(dataDir, 'legacy-deep')
		expect(client.doc.getMap('notes').get('anna')).toBe('webcare')
		expect(client.doc.getMap('records').size).toBe(0)
		expect(server.output()).toContain('deleted shared types nested deeper than MAX_NESTING_DEPTH')
	})

	it('a stored deletion of clocks never received is dropped on load, so clients are not asked to resync forever', async () => {
		const writer = new Y.Doc()
		writer.getMap('notes').set('note', 'problem statement')
		const dataDir = await dataDirWith('legacy-pending', [Y.encodeStateAsUpdate(writer), deleteSetUpdate(987_654_321, 0, 1)])
		const { server, client } = await open(dataDir, 'legacy-pending')
		expect(client.doc.getMap('notes').get('note')).toBe('problem statement')
		expect(server.output()).toContain('dropped stored changes that depend on changes never received')
		let messages = 0
		client.provider.ws!.addEventListener('message', () => messages++)
		client.doc.getMap('notes').set('later', 'edit')
		await new Promise((resolve) => setTimeout(resolve, 1000))
		expect(messages).toBeLessThan(5)
	})
})
