import { useValue, type Editor } from 'tldraw'
import { FacilitationBanners } from './FacilitationBanners'
import { FacilitatorTools } from './FacilitatorTools'
import { useFacilitationReactions } from './useFacilitationReactions'
import { useBoardSession } from '../../session/BoardSessionContext'

/**
 * The facilitator's tools and the reactions of everyone's board to them (summon, follow me).
 * Only the facilitator gets the tools: the server drops anyone else's writes to the facilitation
 * document, so offering them to others would only make buttons that do nothing.
 */
export function FacilitationLayer({ editor }: { editor: Editor }) {
	const session = useBoardSession()
	useFacilitationReactions(editor)
	const isFacilitator = useValue(session.isFacilitator)
	const doc = session.documents.facilitation
	return (
		<>
			<FacilitationBanners />
			{isFacilitator && doc && <FacilitatorTools editor={editor} doc={doc} />}
		</>
	)
}
