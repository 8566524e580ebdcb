import { isValidBoardId } from '../../shared/boardId.js'
import { UPLOAD_BOARD_HEADER } from '../../shared/wire/http.js'
import type { BoardAccessService } from '../access/BoardAccessService.js'
import type { UploadRefusal } from './uploadRefusals.js'

export type UploadAccess = Pick<BoardAccessService, 'exists' | 'boardIdOfView'>

/**
 * Uploads are for boards: the request names one by its participant link id (which any link but
 * the view-only one carries), and that board must exist. Null when it may upload.
 */
export async function boardRefusal(boardId: string | undefined, access: UploadAccess): Promise<UploadRefusal | null> {
	if (!boardId) return { status: 400, error: `name the board the upload is for: its id in the ${UPLOAD_BOARD_HEADER} header` }
	if (!isValidBoardId(boardId)) return { status: 400, error: `${UPLOAD_BOARD_HEADER} must be a board id (1-64 characters of A-Z a-z 0-9 _ -)` }
	if (await access.exists(boardId)) return null
	if ((await access.boardIdOfView(boardId)) !== null) return { status: 403, error: 'a view-only link cannot upload' }
	return { status: 404, error: 'this board does not exist' }
}
