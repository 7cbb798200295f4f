// Told by keystroke timing: a keyboard-wedge scanner "types" a whole serial in
// a few milliseconds per character, a person takes 80 ms or more per key.
// The scan field records when each character arrived; Enter asks this.

/** Scanners send characters at most this far apart (typical: 1–15 ms). */
export const SCANNER_MAX_GAP_MS = 35
/** One pause this long inside a serial means a person (scanners do not stop mid-code). */
export const HUMAN_PAUSE_MS = 200

/**
 * `stamps`: the time of each character key, in ms; `length`: the characters
 * in the field at Enter. Fewer keys than characters means pasted or filled in
 * by other means: typed.
 */
export function classifyEntry(stamps: readonly number[], length: number): 'scanned' | 'typed' {
  if (length === 0) return 'scanned'
  if (stamps.length < length) return 'typed'
  if (stamps.length === 1) return 'typed'
  const gaps = stamps.slice(1).map((t, i) => t - stamps[i])
  const sorted = [...gaps].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)]
  return median <= SCANNER_MAX_GAP_MS && sorted[sorted.length - 1] < HUMAN_PAUSE_MS ? 'scanned' : 'typed'
}
