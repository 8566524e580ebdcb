import { useValue, type Editor } from 'tldraw'
import { $facilitationDoc, $isFacilitator } from '../../session/sessionState'
import { FacilitationBanners } from './FacilitationBanners'
import { FacilitatorTools } from './FacilitatorTools'
import { useFacilitationReactions } from './useFacilitationReactions'

/**
 * The facilitator's tools and the reactions of everyone's board to them (summon, follow me).
 * Only the facilitator gets the tools: the server drops anyone else's writes to the facilitation
 * document, so offering them to others would only make buttons that do nothing.
 */
export function FacilitationLayer({ editor }: { editor: Editor }) {
	useFacilitationReactions(editor)
	const isFacilitator = useValue($isFacilitator)
	const doc = useValue($facilitationDoc)
	return (
		<>
			<FacilitationBanners />
			{isFacilitator && doc && <FacilitatorTools editor={editor} doc={doc} />}
		</>
	)
}
