import { useEditor, useValue } from 'tldraw'
import { departmentColour } from '../../../shared/model/departments'
import { useTranslation } from '../../i18n/locale'
import { departmentSwatch } from '../../theme'
import { useBoardSession } from '../../session/BoardSessionContext'

/** Who is on the board, with their cursor colour and their department's swatch; clicking someone follows their view. */
export function ParticipantsList() {
	const session = useBoardSession()
	const editor = useEditor()
	const { t } = useTranslation()
	const departments = useValue(session.settings).departments
	const participant = useValue(session.me)
	const ownDepartment = useValue(session.role) === 'viewer' ? null : (participant?.department ?? null)
	// A view link has no name: it shows as a viewer, here and in everyone else's list.
	const nameOf = (name: string) => name.trim() || t('participants.viewer')
	const me = useValue('me', () => ({ name: editor.user.getName(), color: editor.user.getColor() }), [editor])
	const others = useValue(
		'collaborators',
		() =>
			editor
				.getCollaborators()
				.map(({ userId, userName, color, meta }) => ({
					userId,
					userName,
					color,
					department: typeof meta.department === 'string' && meta.department ? meta.department : null,
				}))
				.sort((a, b) => a.userName.localeCompare(b.userName)),
		[editor],
	)
	const following = useValue('following', () => editor.getInstanceState().followingUserId, [editor])
	const swatch = (department: string | null) =>
		department && (
			<span
				className="swatch participants__department"
				style={{ background: departmentSwatch(departmentColour(departments, department)).fill }}
				title={department}
				aria-label={department}
				data-testid="participant-department"
			/>
		)

	return (
		<ul className="participants" aria-label={t('participants.label')} data-testid="participants">
			<li className="participants__person participants__person--me" data-testid="participant">
				<span className="participants__dot" style={{ background: me.color }} aria-hidden />
				<span className="participants__name">{nameOf(me.name)}</span>
				{swatch(ownDepartment)}
				<span className="participants__tag">{t('participants.you')}</span>
			</li>
			{others.map((person) => (
				<li key={person.userId} className="participants__person" data-testid="participant">
					<button
						className="participants__follow"
						title={following === person.userId ? t('participants.stopFollowing') : t('participants.follow', { name: nameOf(person.userName) })}
						onClick={() => (following === person.userId ? editor.stopFollowingUser() : editor.startFollowingUser(person.userId))}
					>
						<span className="participants__dot" style={{ background: person.color }} aria-hidden />
						<span className="participants__name">{nameOf(person.userName)}</span>
						{swatch(person.department)}
						{following === person.userId && <span className="participants__tag">{t('participants.following')}</span>}
					</button>
				</li>
			))}
		</ul>
	)
}
