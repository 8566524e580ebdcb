import { useEffect } from 'react'
import { useValue, type Editor } from 'tldraw'
import { PRESENTATION_STEPS, type PresentationStep } from '../../../shared/model/presentationSteps'
import { useTranslation } from '../../i18n/locale'
import { zoneTexts } from '../../canvas/shapes/zoneTexts'
import { showPresentationStep } from './presentationCamera'
import { stepPresentation, togglePresentation } from '../../../shared/facilitationDoc'
import { newRoundId } from '../../../shared/roundId'
import { presenterKeyAction } from './presenterKeys'
import { useBoardSession } from '../../session/BoardSessionContext'

/**
 * Presenter mode on this page: tldraw's chrome folded away (its focus mode; the board hides its
 * own panels by CSS on `data-presenting`), the camera on the presented step, the keys that step,
 * and a small bar to step, end, leave or rejoin.
 */
export function PresentationLayer({ editor }: { editor: Editor }) {
	const session = useBoardSession()
	const inPresentation = useValue(session.inPresentation)
	const step = useValue('presented step', () => session.presentation.get()?.step ?? null, [session])
	const isFacilitator = useValue(session.isFacilitator)

	useEffect(() => {
		if (!inPresentation) return
		const focusBefore = editor.getInstanceState().isFocusMode
		editor.updateInstanceState({ isFocusMode: true })
		return () => {
			editor.updateInstanceState({ isFocusMode: focusBefore })
		}
	}, [editor, inPresentation])

	// After the commit that hid the panels: the canvas has its presenting size by now.
	useEffect(() => {
		if (inPresentation && step !== null) showPresentationStep(editor, step)
	}, [editor, inPresentation, step])

	useEffect(() => {
		if (!inPresentation) return
		const onKeyDown = (event: KeyboardEvent) => {
			const action = presenterKeyAction(event, editor, isFacilitator)
			if (action === null) return
			event.preventDefault()
			event.stopPropagation()
			if (action === 'leave') session.leavePresentation()
			else if (isFacilitator) stepPresentation(session.documents.facilitation, action === 'next' ? 1 : -1)
		}
		// Capture: tldraw would otherwise nudge the selection or pan with the arrow keys.
		window.addEventListener('keydown', onKeyDown, { capture: true })
		return () => window.removeEventListener('keydown', onKeyDown, { capture: true })
	}, [editor, session, inPresentation, isFacilitator])

	if (step === null) return null
	if (!inPresentation) return <RejoinPill />
	return <PresenterBar step={step} controls={isFacilitator} />
}

/** Where the presentation is; for the facilitator, the controls to step and end. */
function PresenterBar({ step, controls }: { step: PresentationStep; controls: boolean }) {
	const session = useBoardSession()
	const { t } = useTranslation()
	const title = useStepTitle(step)
	const index = PRESENTATION_STEPS.indexOf(step)
	return (
		<nav className="presenter-bar" aria-label={t('presentation.bar')} data-testid="presenter-bar" data-step={step}>
			{controls && (
				<button
					onClick={() => stepPresentation(session.documents.facilitation, -1)}
					disabled={index === 0}
					aria-label={t('presentation.previous')}
					data-testid="presenter-previous"
				>
					◀
				</button>
			)}
			<span className="presenter-bar__step" data-testid="presenter-step">
				<span className="presenter-bar__count">
					{index + 1}/{PRESENTATION_STEPS.length}
				</span>{' '}
				{title}
			</span>
			{controls ? (
				<>
					<button
						onClick={() => stepPresentation(session.documents.facilitation, 1)}
						disabled={index === PRESENTATION_STEPS.length - 1}
						aria-label={t('presentation.next')}
						data-testid="presenter-next"
					>
						▶
					</button>
					<button onClick={() => togglePresentation(session.documents.facilitation, newRoundId())} data-testid="presenter-end">
						{t('presentation.end')}
					</button>
				</>
			) : (
				<button onClick={() => session.leavePresentation()} title={t('presentation.leaveHelp')} data-testid="presenter-leave">
					{t('presentation.leave')}
				</button>
			)}
		</nav>
	)
}

function RejoinPill() {
	const session = useBoardSession()
	const { t } = useTranslation()
	return (
		<div className="presenter-bar presenter-bar--left" role="status" data-testid="presenter-rejoin-bar">
			<span>{t('presentation.running')}</span>
			<button onClick={() => session.rejoinPresentation()} data-testid="presenter-rejoin">
				{t('presentation.rejoin')}
			</button>
		</div>
	)
}

function useStepTitle(step: PresentationStep): string {
	const session = useBoardSession()
	const { locale, t } = useTranslation()
	const settings = useValue(session.settings)
	return step === 'model' ? t('presentation.wholeModel') : zoneTexts(step, locale, settings).title
}
