// The scan feedback sounds (resources/sounds/, made by scripts/make-sounds.ts):
// one per outcome class, so an operator hears what happened without looking.
import awaiting from '../../../../resources/sounds/awaiting.wav?url'
import duplicate from '../../../../resources/sounds/duplicate.wav?url'
import invalidSerial from '../../../../resources/sounds/invalid_serial.wav?url'
import ok from '../../../../resources/sounds/ok.wav?url'
import orderNotOpen from '../../../../resources/sounds/order_not_open.wav?url'
import overScan from '../../../../resources/sounds/over_scan.wav?url'
import wrongItem from '../../../../resources/sounds/wrong_item.wav?url'
import type { OutcomeClass } from './outcomes'

const FILES: Record<OutcomeClass, string> = {
  ok,
  awaiting,
  duplicate,
  wrong_item: wrongItem,
  over_scan: overScan,
  invalid_serial: invalidSerial,
  order_not_open: orderNotOpen
}

let volume = 0.8
const players = new Map<OutcomeClass, HTMLAudioElement>()

/** The station's feedback volume (settings), 0 to 1. */
export function setFeedbackVolume(value: number) {
  volume = Math.min(1, Math.max(0, value))
}

export function playFeedback(outcome: OutcomeClass) {
  if (volume === 0) return
  let player = players.get(outcome)
  if (!player) {
    player = new Audio(FILES[outcome])
    players.set(outcome, player)
  }
  player.volume = volume
  player.currentTime = 0
  // No audio device, or autoplay not yet allowed: the colour and the message still tell.
  player.play().catch(() => undefined)
}

/**
 * Plays the sound of an outcome once the screen that shows the outcome has been painted: starting a sound
 * (`play()`, a seek to its start) costs the main thread a few milliseconds, which on a scan sat between the
 * station's answer and the painted Scan Count (issue 10). The sound starts at most a frame later. A page
 * that is not visible (a minimised window, scans from a serial scanner) gets no frames: it plays at once.
 */
export function playFeedbackAfterPaint(outcome: OutcomeClass) {
  if (document.visibilityState !== 'visible') return playFeedback(outcome)
  requestAnimationFrame(() => setTimeout(() => playFeedback(outcome), 0))
}
