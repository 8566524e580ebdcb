import { useValue, type Editor } from 'tldraw'
import type * as Y from 'yjs'
import { revealPrivateRoundZone } from '../../../shared/facilitationDoc'
import { departmentColour } from '../../../shared/model/departments'
import { tallyHiddenNotes, type HiddenAuthor } from '../../../shared/model/privateRound'
import type { ZoneId } from '../../../shared/model/zones'
import { useTranslation } from '../../i18n/locale'
import { roundNotes } from '../../canvas/privateMode'
import { useZoneLabel } from '../../canvas/shapes/useZoneLabel'
import { departmentSwatch } from '../../theme'
import { useBoardSession } from '../../session/BoardSessionContext'

/**
 * While a private round runs: how many notes each person keeps hidden, and per zone how many with
 * a reveal for that zone. Counts only: the facilitator's board hides the notes like everyone's.
 */
export function PrivateRoundTally({ editor, doc }: { editor: Editor; doc: Y.Doc }) {
	const session = useBoardSession()
	const { t } = useTranslation()
	const departments = useValue(session.settings).departments
	const { authors, zones } = useValue('hidden notes tally', () => tallyHiddenNotes(session.privateRound.get(), roundNotes(editor), editor.user.getId()), [
		editor,
		session,
	])
	if (authors.length === 0) {
		return (
			<p className="private-tally private-tally__empty" data-testid="private-tally-empty">
				{t('facilitation.privateNoneHidden')}
			</p>
		)
	}

	return (
		<div className="private-tally" data-testid="private-tally">
			<h3>{t('facilitation.privatePeople')}</h3>
			<ul>
				{authors.map((author) => (
					<AuthorRow key={author.authorId ?? ''} author={author} departments={departments} />
				))}
			</ul>
			<h3>{t('facilitation.privateZones')}</h3>
			<ul>
				{zones.map(({ zone, count }) => (
					<ZoneRow key={zone} zone={zone} count={count} doc={doc} />
				))}
			</ul>
		</div>
	)
}

function AuthorRow({ author, departments }: { author: HiddenAuthor; departments: readonly string[] }) {
	const { t } = useTranslation()
	const department = author.department ?? t('panel.unknownDepartment')
	return (
		<li data-testid="private-tally-person" data-author-id={author.authorId ?? ''} data-count={author.count}>
			<span
				className="swatch swatch--small"
				style={{ background: departmentSwatch(departmentColour(departments, author.department)).fill }}
				aria-hidden
			/>
			<span className="private-tally__name">{author.name ?? t('facilitation.privateUnknownAuthor')}</span>
			<span className="private-tally__department">{department}</span>
			<span className="private-tally__count">{author.count}</span>
		</li>
	)
}

function ZoneRow({ zone, count, doc }: { zone: ZoneId; count: number; doc: Y.Doc }) {
	const { t } = useTranslation()
	const label = useZoneLabel(zone)!
	return (
		<li data-testid="private-tally-zone" data-zone={zone} data-count={count}>
			<span className="facilitation-tools__zone">{label}</span>
			<span className="private-tally__count">{count}</span>
			<button
				onClick={() => revealPrivateRoundZone(doc, zone)}
				title={t('facilitation.privateRevealZone', { zone: label })}
				aria-label={t('facilitation.privateRevealZone', { zone: label })}
				data-testid={`private-reveal-${zone}`}
			>
				{t('facilitation.reveal')}
			</button>
		</li>
	)
}
