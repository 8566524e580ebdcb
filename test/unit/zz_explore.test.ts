import { it } from 'vitest'
import * as Y from 'yjs'
import { createTLStore, defaultShapeUtils, defaultBindingUtils, toRichText } from 'tldraw'
import { bindStoreToDoc } from '../../client/sync/bindStoreToDoc'
import { writeRecordChanges, writeStoredSchema, readStoredSchema, readAllRecords } from '../../shared/recordDoc'

const mk = () => createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
const page = { id: 'page:page', typeName: 'page', name: 'P', index: 'a1', meta: {} }
const oldNote = (id: string) => ({ id, typeName: 'shape', type: 'note', x: 0, y: 0, rotation: 0, isLocked: false, opacity: 1, meta: {}, parentId: 'page:page', index: 'a2',
	props: { color: 'black', labelColor: 'black', size: 'm', font: 'draw', fontSizeAdjustment: 1, align: 'middle', verticalAlign: 'middle', growY: 0, url: '', richText: toRichText('hi'), scale: 1, textFirstEditedBy: 'user:x' } })

it('malformed + old schema', () => {
	const doc = new Y.Doc()
	const schema = mk().schema.serialize() as any
	schema.sequences['com.tldraw.shape.note'] = 12
	writeStoredSchema(doc, schema, null)
	writeRecordChanges(doc, { put: [page, oldNote('shape:ok'), { id: 'shape:bad', typeName: 'shape', type: 'note', x: 0, y: 0, parentId: 'page:page', index: 'a3' }] as any, removed: [] }, null)
	try { bindStoreToDoc(mk(), doc); console.log('OK loaded') } catch (e) { console.log('THREW', (e as Error).message) }
})
it('unknown typeName + old schema', () => {
	const doc = new Y.Doc()
	const schema = mk().schema.serialize() as any
	schema.sequences['com.tldraw.shape.note'] = 12
	writeStoredSchema(doc, schema, null)
	writeRecordChanges(doc, { put: [page, oldNote('shape:ok'), { id: 'bogus:1', typeName: 'bogus' }] as any, removed: [] }, null)
	try { bindStoreToDoc(mk(), doc); console.log('OK loaded') } catch (e) { console.log('THREW', (e as Error).message) }
})
it('unknown sequence dropped', () => {
	const doc = new Y.Doc()
	const schema = mk().schema.serialize() as any
	schema.sequences['com.example.shape.sticker'] = 3
	writeStoredSchema(doc, schema, null)
	writeRecordChanges(doc, { put: [page] as any, removed: [] }, null)
	bindStoreToDoc(mk(), doc)
	console.log('after', (readStoredSchema(doc) as any).sequences['com.example.shape.sticker'])
})
it('empty doc with newer schema', () => {
	const doc = new Y.Doc()
	const schema = mk().schema.serialize() as any
	schema.sequences['com.tldraw.shape.note'] = 99
	writeStoredSchema(doc, schema, null)
	try { bindStoreToDoc(mk(), doc); console.log('loaded; stored note version now', (readStoredSchema(doc) as any).sequences['com.tldraw.shape.note']) } catch (e) { console.log('THREW', (e as Error).message) }
})
it('once listener after unbind', () => {
	const doc = new Y.Doc()
	const store = mk()
	const unbind = bindStoreToDoc(store, doc)
	unbind()
	store.put([{ ...store.get('page:page' as any)!, name: 'x' } as any])
	console.log('schema after unbind change', readStoredSchema(doc) !== undefined, readAllRecords(doc).length)
})
