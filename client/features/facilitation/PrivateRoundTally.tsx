import { useValue } from 'tldraw'
import type * as Y from 'yjs'
import { revealPrivateRoundZone } from '../../../shared/facilitationDoc'
import { departmentColour } from '../../../shared/model/departments'
import type { HiddenAuthor } from '../../../shared/model/privateRound'
import type { ZoneId } from '../../../shared/model/zones'
import { useTranslation } from '../../i18n/locale'
import { errorText } from '../../i18n/TranslatableError'
import { useZoneLabel } from '../../canvas/shapes/useZoneLabel'
import { departmentSwatch } from '../../theme'
import { useBoardSession } from '../../session/BoardSessionContext'
import { usePrivateRoundTally } from './usePrivateRoundTally'

/**
 * While a private round runs: how many notes each person keeps private, and per zone how many with
 * a reveal for that zone. Counts only, from the server: the notes reach nobody but their writer.
 */
export function PrivateRoundTally({ doc }: { doc: Y.Doc }) {
	const session = useBoardSession()
	const { t } = useTranslation()
	const departments = useValue(session.settings).departments
	const roundKey = useValue('private round key', () => JSON.stringify(session.privateRound.get()), [session])
	const { tally, failed } = usePrivateRoundTally(roundKey)
	if (failed) {
		return (
			<p className="private-tally private-tally__empty" role="alert" data-testid="private-tally-failed">
				{t('facilitation.privateTallyFailed', { reason: errorText(t, failed) })}
			</p>
		)
	}
	if (tally === null) return null
	const { authors, zones } = tally
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
