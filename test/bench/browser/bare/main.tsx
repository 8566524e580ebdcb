/**
 * The browser benchmark's baseline (test/bench/browser/run.ts): the project's own tldraw, full
 * window, on a store of its own, with nothing of the app around it: no sync, no panels, no model.
 * `?records=<url>` loads a JSON array of records into the store as soon as it arrives, as remote
 * changes (as the app's sync puts what the relay sends); `window.loadRecords(records)` does the
 * same from a test. `window.strategyBoard.editor` is the editor, where the app's `?debug` puts it.
 */
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { createRoot } from 'react-dom/client'
import { createTLStore, defaultShapeUtils, Tldraw, type TLRecord } from 'tldraw'
import 'tldraw/tldraw.css'
import { showWholeModel } from '../../../../client/canvas/showWholeModel'

// As the app does (client/pages/board/BoardPage.tsx): fonts, icons and translations bundled, served from this origin.
const assetUrls = getAssetUrlsByImport()
const store = createTLStore({ shapeUtils: defaultShapeUtils })

function loadRecords(records: TLRecord[]): void {
	store.mergeRemoteChanges(() => store.put(records))
}

const page = window as unknown as { loadRecords: typeof loadRecords; strategyBoard: Record<string, unknown>; benchBareError?: string }
page.loadRecords = loadRecords

const recordsUrl = new URLSearchParams(location.search).get('records')
if (recordsUrl) {
	fetch(recordsUrl)
		.then((response) => {
			if (!response.ok) throw new Error(`${recordsUrl} answered ${response.status}`)
			return response.json() as Promise<TLRecord[]>
		})
		.then(loadRecords)
		.catch((error: unknown) => {
			page.benchBareError = String(error)
			console.error(error)
		})
}

createRoot(document.getElementById('root')!).render(
	<div style={{ position: 'fixed', inset: 0 }}>
		<Tldraw
			store={store}
			assetUrls={assetUrls}
			onMount={(editor) => {
				page.strategyBoard = { editor }
				// The app's opening view (the whole model), so both pages start on the same part of the page.
				showWholeModel(editor)
			}}
		/>
	</div>,
)
