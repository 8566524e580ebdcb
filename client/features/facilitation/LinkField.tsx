import { useEffect, useRef, useState } from 'react'
import { useTranslation } from '../../i18n/locale'

const COPIED_FOR_MS = 2000

/** One link to hand out: readable, selectable, with a copy button. */
export function LinkField({ label, url, testId }: { label: string; url: string; testId: string }) {
	const { t } = useTranslation()
	const input = useRef<HTMLInputElement>(null)
	const [copied, setCopied] = useState(false)
	useEffect(() => {
		if (!copied) return
		const timeout = setTimeout(() => setCopied(false), COPIED_FOR_MS)
		return () => clearTimeout(timeout)
	}, [copied])

	const copy = async () => {
		input.current?.select()
		try {
			await navigator.clipboard.writeText(url)
		} catch {
			// Browsers withhold the clipboard API on plain-http LAN hosts; the old command still copies the selection.
			document.execCommand('copy')
		}
		setCopied(true)
	}

	return (
		<label className="facilitation-share__link">
			{label}
			<span className="facilitation-share__row">
				<input ref={input} readOnly value={url} onFocus={(event) => event.target.select()} data-testid={testId} />
				<button type="button" onClick={copy} data-testid={`copy-${testId}`}>
					{copied ? t('facilitation.copied') : t('facilitation.copy')}
				</button>
			</span>
		</label>
	)
}
