import { useTranslation } from 'react-i18next'
import type { ScanOutcome } from '../../../shared/scanning'
import type { ScanCode, ScanParams } from '../../../shared/scanWords'
import { HEADLINE, outcomeClass } from '../feedback/outcomes'
import { playFeedback, playFeedbackAfterPaint } from '../feedback/sounds'
import { wordScan } from '../feedback/wordScan'

/** A scan answer is worded from its code in the operator's language; other feedback (Save, a refusal of a call) is its message. */
export type Feedback = { outcome: ScanOutcome | 'info' | 'error'; message: string; code?: ScanCode; params?: ScanParams } | null

/** The big coloured panel an operator reads from a metre away: one colour per outcome class. */
export function ScanFeedback({ feedback, idle }: { feedback: Feedback; idle?: string }) {
  const { t } = useTranslation('scan')
  const state = feedback === null ? 'idle' : feedback.outcome === 'info' ? 'info' : outcomeClass(feedback.outcome)
  return (
    <div className="scan-feedback" data-outcome={state} role="status" aria-live="assertive" aria-label={t('feedback.label')}>
      <div className="headline">{feedback ? t(HEADLINE[feedback.outcome]) : t('headline.ready')}</div>
      <div className="detail">
        {feedback ? (feedback.code ? wordScan(t, feedback.code, feedback.params ?? {}) : feedback.message) : (idle ?? t('feedback.idle'))}
      </div>
    </div>
  )
}

/** Plays the sound of an outcome's class. */
export function soundFor(outcome: ScanOutcome | 'info' | 'error') {
  playFeedback(outcomeClass(outcome))
}

/** Plays the sound of an outcome's class once the screen showing it is painted (see `playFeedbackAfterPaint`). */
export function soundAfterPaint(outcome: ScanOutcome | 'info' | 'error') {
  playFeedbackAfterPaint(outcomeClass(outcome))
}
