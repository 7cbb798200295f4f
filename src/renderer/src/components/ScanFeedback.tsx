import type { ScanOutcome } from '../../../shared/scanning'
import { HEADLINE, outcomeClass } from '../feedback/outcomes'
import { playFeedback } from '../feedback/sounds'

export type Feedback = { outcome: ScanOutcome | 'info' | 'error'; message: string } | null

/** The big coloured panel an operator reads from a metre away: one colour per outcome class. */
export function ScanFeedback({
  feedback,
  idle = 'Scan a serial (IMEI) and the scanner sends Enter.'
}: {
  feedback: Feedback
  idle?: string
}) {
  const state = feedback === null ? 'idle' : feedback.outcome === 'info' ? 'info' : outcomeClass(feedback.outcome)
  return (
    <div className="scan-feedback" data-outcome={state} role="status" aria-live="assertive" aria-label="Scan result">
      <div className="headline">{feedback ? HEADLINE[feedback.outcome] : 'READY TO SCAN'}</div>
      <div className="detail">{feedback?.message ?? idle}</div>
    </div>
  )
}

/** Plays the sound of an outcome's class. */
export function soundFor(outcome: ScanOutcome | 'info' | 'error') {
  playFeedback(outcomeClass(outcome))
}
