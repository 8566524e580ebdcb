import { useValue, type Editor } from 'tldraw'
import type * as Y from 'yjs'
import { setFollowMe, setSpotlight, summonTo } from '../../../shared/facilitationDoc'
import { isWorkZoneId } from '../../../shared/model/support'
import { useTranslation } from '../../i18n/locale'
import { WorkZoneOptions } from '../../canvas/shapes/WorkZoneOptions'
import { useBoardSession } from '../../session/BoardSessionContext'

/** Where the group looks: a spotlighted zone, everyone brought to my view, everyone following me. */
export function AttentionControls({ editor, doc }: { editor: Editor; doc: Y.Doc }) {
	const session = useBoardSession()
	const { t } = useTranslation()
	const spotlight = useValue(session.spotlight)
	// Presence records carry the prefixed record id: that is what followers look the leader up by.
	const leading = useValue('leading', () => session.facilitation.get().followMe?.userId === editor.user.getRecordId(), [editor, session])

	const summon = () => {
		const { x, y, w, h } = editor.getViewportPageBounds()
		summonTo(doc, { x, y, w, h })
	}

	return (
		<fieldset className="facilitation-tools__group">
			<legend>{t('facilitation.attention')}</legend>
			<select
				value={spotlight ?? ''}
				onChange={(event) => setSpotlight(doc, isWorkZoneId(event.target.value) ? event.target.value : null)}
				aria-label={t('facilitation.spotlight')}
				title={t('facilitation.spotlight')}
				data-testid="spotlight"
			>
				<option value="">{t('facilitation.spotlightNone')}</option>
				<WorkZoneOptions />
			</select>
			<button onClick={summon} title={t('facilitation.summonHelp')} data-testid="summon">
				{t('facilitation.summon')}
			</button>
			<button
				aria-pressed={leading}
				onClick={() => setFollowMe(doc, leading ? null : editor.user.getRecordId())}
				title={t('facilitation.followMeHelp')}
				data-testid="follow-me"
			>
				{t('facilitation.followMe')}
			</button>
		</fieldset>
	)
}
