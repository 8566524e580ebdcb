/**
 * A short chime made with an oscillator: no audio file to fetch, so it also sounds on a board
 * served offline. Browsers only let a page play sound once the person has interacted with it;
 * everyone on a board has clicked something by the time a timer ends, and a refusal stays silent.
 */
export function playTimeUpChime(): void {
	if (typeof AudioContext === 'undefined') return
	const context = new AudioContext()
	const start = context.currentTime
	const gain = context.createGain()
	gain.connect(context.destination)
	// Two rising notes, each fading out quickly so the sound is noticeable but not harsh.
	for (const [offset, frequency] of [
		[0, 880],
		[0.25, 1320],
	] as const) {
		const oscillator = context.createOscillator()
		oscillator.frequency.value = frequency
		oscillator.connect(gain)
		oscillator.start(start + offset)
		oscillator.stop(start + offset + 0.22)
	}
	gain.gain.setValueAtTime(0.0001, start)
	gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02)
	gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.22)
	gain.gain.setValueAtTime(0.0001, start + 0.25)
	gain.gain.exponentialRampToValueAtTime(0.25, start + 0.27)
	gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.5)
	setTimeout(() => void context.close(), 800)
}
