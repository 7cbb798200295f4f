import type { ScanOutcome } from '../../../shared/schemas'

export type Feedback = { outcome: ScanOutcome | 'info' | 'error'; message: string } | null

const HEADLINE: Record<string, string> = {
  accepted: 'OK',
  invalid_serial: 'INVALID SERIAL',
  duplicate: 'DUPLICATE',
  order_not_open: 'ORDER NOT OPEN',
  over_scan: 'OVER-SCAN',
  wrong_item: 'WRONG ITEM',
  info: 'SAVED',
  error: 'NOT DONE'
}

/** The big green/red panel an operator reads from a metre away. */
export function ScanFeedback({ feedback }: { feedback: Feedback }) {
  const state = feedback === null ? 'idle' : feedback.outcome === 'accepted' || feedback.outcome === 'info' ? feedback.outcome : 'refused'
  return (
    <div className="scan-feedback" data-outcome={state} role="status" aria-live="assertive" aria-label="Scan result">
      <div className="headline">{feedback ? HEADLINE[feedback.outcome] : 'READY TO SCAN'}</div>
      <div className="detail">{feedback?.message ?? 'Scan a serial (IMEI) and the scanner sends Enter.'}</div>
    </div>
  )
}

let audio: AudioContext | null = null

/** A short high beep for OK, a low double buzz for a refusal. */
export function beep(ok: boolean) {
  try {
    audio ??= new AudioContext()
    const tones = ok ? [[1760, 0, 0.09]] : [[220, 0, 0.16], [196, 0.2, 0.22]]
    for (const [freq, start, length] of tones) {
      const osc = audio.createOscillator()
      const gain = audio.createGain()
      osc.type = ok ? 'sine' : 'square'
      osc.frequency.value = freq
      gain.gain.value = 0.15
      osc.connect(gain).connect(audio.destination)
      osc.start(audio.currentTime + start)
      osc.stop(audio.currentTime + start + length)
    }
  } catch {
    // No audio device: the colour and the message still tell.
  }
}
