import { useValue, type Editor } from 'tldraw'
import { normaliseDepartment } from '../../../shared/model/departments'
import { useBoardSession } from '../../session/BoardSessionContext'

/** How many people of each department are on the board now (normalised name -> count), me included. */
export function usePresentDepartments(editor: Editor): Map<string, number> {
	const session = useBoardSession()
	return useValue(
		'present departments',
		() => {
			const counts = new Map<string, number>()
			const departments = [session.me.get()?.department, ...editor.getCollaborators().map((presence) => presence.meta.department)]
			for (const department of departments) {
				if (typeof department !== 'string' || !department) continue
				const key = normaliseDepartment(department)
				counts.set(key, (counts.get(key) ?? 0) + 1)
			}
			return counts
		},
		[editor, session],
	)
}
