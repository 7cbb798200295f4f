// The refusal log: every refused scan, kept for the shift lead (SPEC §10).
// A refusal changes no order; this row is written after the scan's own
// transaction answered, in one small autocommit insert, so an accepted scan
// never pays for it. The insert commits with synchronous=NORMAL: in WAL mode
// that skips the fsync (0.6 ms, half of a refusal's answer time) and the row
// becomes durable with the next full commit; a power cut may lose the last
// refusals of a report, never a scan. If it cannot be written (the database
// busy, the disk full) the scan's answer stands and the fault goes to the
// station log.
import { getTableName } from 'drizzle-orm'
import type { ScanOutcome } from '../../../shared/scanning'
import type { ScanCode, ScanParams } from '../../../shared/scanWords'
import type { Words } from '../../../shared/words'
import type { RefusalClass } from '../../../shared/reports'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { clientOf } from '../db/drizzleInternals'
import { perClient } from '../db/prepared'
import { scanRefusals } from '../db/schema'
import { newId } from '../ids'
import { logFault } from '../log/logger'

/** How much of what was scanned is kept: a refusal may be a runaway scan of kilobytes. */
export const KEPT_INPUT = 80

/** The class a scan outcome is counted in; null for outcomes that are no refusal (accepted, waiting for IMEI 2, asking for approval). */
export function refusalClass(outcome: ScanOutcome): RefusalClass | null {
  switch (outcome) {
    case 'invalid_serial':
    case 'duplicate':
    case 'wrong_item':
    case 'over_scan':
    case 'order_not_open':
      return outcome
    case 'hand_entry_refused':
      return 'hand_entry'
    default:
      return null
  }
}

/**
 * A scan answer's code and values as catalogue words, worded the way the scan screen words them
 * (src/renderer/src/feedback/wordScan.ts): a refusal of one part of a multi-serial code wraps the answer's
 * sentence in the part's (`scan:part.*`), passed as a list of one whole sentence.
 */
export function scanAnswerWords(code: ScanCode, params: ScanParams): Words {
  const { partName, partValue, partIndex, partCount, ...values } = params
  const answer = { key: `scan:answer.${code}`, params: values }
  if (partName !== undefined && partValue !== undefined)
    return { key: 'scan:part.namedValue', params: { name: partName, value: partValue, sentence: [answer] } }
  if (partName !== undefined) return { key: 'scan:part.named', params: { name: partName, sentence: [answer] } }
  if (partIndex !== undefined) return { key: 'scan:part.numbered', params: { index: partIndex, count: partCount ?? 0, sentence: [answer] } }
  return answer
}

const statements = perClient((client) => ({
  insert: client.prepare(
    `INSERT INTO ${getTableName(scanRefusals)} (id, at, class, order_id, operator_id, entry_method, input, message, words)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ),
  /**
   * The connection's own durability, read once: nothing else changes it, and this log puts it back after each
   * insert. Set with exec, not pragma(): pragma() prepares a statement per call (about 60-85 µs a refusal for the
   * three of them, against 2-3 µs).
   */
  durability: Number(client.pragma('synchronous', { simple: true }))
}))

export type RefusedScan = {
  outcome: ScanOutcome
  message: string
  /** `message` as catalogue words, so the report and the board word it in their own language (scanAnswerWords). */
  words?: Words
  orderId: number
  operatorId: number
  entryMethod: 'scanned' | 'typed'
  input: string
}

const wordsJson = (words: Words | undefined): string | null => (words ? JSON.stringify(words) : null)

/** Records the scan when its outcome is a refusal; anything else is left alone. Never throws. */
export function recordRefusal(db: Db, clock: Clock, scan: RefusedScan): void {
  const kind = refusalClass(scan.outcome)
  if (!kind) return
  try {
    // Control, format and bidi characters are shown as "·": a report must read as what it is.
    const shown = scan.input.trim().replace(/[\p{Cc}\p{Cf}]/gu, '·')
    const input = shown.length > KEPT_INPUT ? `${shown.slice(0, KEPT_INPUT - 1)}…` : shown
    const client = clientOf(db)
    const { insert, durability } = statements(db)
    client.exec('PRAGMA synchronous = NORMAL')
    try {
      insert.run(newId(), isoNow(clock), kind, scan.orderId, scan.operatorId, scan.entryMethod, input, scan.message, wordsJson(scan.words))
    } finally {
      client.exec(`PRAGMA synchronous = ${durability}`)
    }
  } catch (error) {
    logFault('Recording a refused scan for the shift report failed', error)
  }
}
