import { renderPlaintextFromRichText, useValue, type Editor } from 'tldraw'
import { useTranslation } from '../../i18n/locale'
import { useBoardSession } from '../../session/BoardSessionContext'
import { dismissOverwrite, restoreMyText } from './overwrittenText'

const PREVIEW_LENGTH = 80

/** Offers my text back after someone else's edit replaced it: the latest overwrite, one at a time. */
export function OverwrittenTextNotice({ editor }: { editor: Editor }) {
	const { t } = useTranslation()
	const { overwrittenTexts } = useBoardSession()
	const overwrites = useValue(overwrittenTexts)
	const latest = overwrites.at(-1)
	if (!latest) return null
	const text = renderPlaintextFromRichText(editor, latest.mine)
	const preview = text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH)}…` : text
	return (
		<div className="overwritten-notice" role="status" data-testid="overwritten-notice" data-note-id={latest.noteId}>
			<p>{latest.by.length > 0 ? t('collaboration.overwrittenBy', { name: latest.by.join(', ') }) : t('collaboration.overwritten')}</p>
			<blockquote data-testid="overwritten-text">{preview || '…'}</blockquote>
			<div className="overwritten-notice__actions">
				<button onClick={() => restoreMyText(editor, overwrittenTexts, latest)} data-testid="restore-my-text">
					{t('collaboration.restore')}
				</button>
				<button onClick={() => dismissOverwrite(overwrittenTexts, latest)} data-testid="dismiss-overwrite">
					{t('collaboration.dismiss')}
				</button>
			</div>
		</div>
	)
}
