// The statements behind the shift board and reports. Each reads a time range
// through an index that starts with its time column (or with the operator or
// the class, then the time), so a day's report reads that day's rows, however
// many years the station holds (test/reports/queryPlans.test.ts). Plain
// better-sqlite3 statements, prepared once per connection: a report runs a
// few hundred of them (one count per hour or day of the range).
import type { Database, Statement } from 'better-sqlite3'
import type { RefusalClass } from '../../../shared/reports'
import { Words } from '../../../shared/words'
import type { Db } from '../db/connection'
import { perClient } from '../db/prepared'

/** A pause longer than this between two scans of one operator is a break, not work. */
export const BREAK_SECONDS = 300
/** How many of the latest refusals of each class, and print failures, a report lists. */
export const LAST_FEW = 5

const statements = perClient((client: Database) => ({
  units: client.prepare<[string, string], { n: number }>(
    'SELECT count(*) AS n FROM scanned_units WHERE scanned_at >= ? AND scanned_at < ?'
  ),
  unitsBy: client.prepare<[number, string, string], { n: number }>(
    'SELECT count(*) AS n FROM scanned_units WHERE scanned_by = ? AND scanned_at >= ? AND scanned_at < ?'
  ),
  // The gaps between one operator's scans, in the index's order (no sort): window functions need SQLite 3.25+.
  // Summed in whole milliseconds (scan times have them), so sums of parts equal the whole (./rollups.ts).
  pace: client.prepare<[number, string, string], Pace>(
    `SELECT count(*) AS units, min(t) AS first, max(t) AS last,
            total(CASE WHEN gap <= ${BREAK_SECONDS} THEN round(gap * 1000) END) AS busyMs,
            count(CASE WHEN gap <= ${BREAK_SECONDS} THEN 1 END) AS gaps
       FROM (SELECT unixepoch(scanned_at, 'subsec') AS t,
                    unixepoch(scanned_at, 'subsec') - lag(unixepoch(scanned_at, 'subsec')) OVER (ORDER BY scanned_at) AS gap
               FROM scanned_units
              WHERE scanned_by = ? AND scanned_at >= ? AND scanned_at < ?)`
  ),
  operators: client.prepare<[], { id: number; name: string }>('SELECT id, name FROM operators ORDER BY name, id'),
  // Orders packed or shipped, boxes confirmed: distinct, so a box confirmed again after a reopen counts once.
  events: client.prepare<[string, string, string], { n: number }>(
    'SELECT count(DISTINCT entity_id) AS n FROM events WHERE type = ? AND at >= ? AND at < ?'
  ),
  eventsBy: client.prepare<[string, string, string, number], { n: number }>(
    'SELECT count(DISTINCT entity_id) AS n FROM events WHERE type = ? AND at >= ? AND at < ? AND operator_id = ?'
  ),
  refusals: client.prepare<[RefusalClass, string, string], { n: number }>(
    'SELECT count(*) AS n FROM scan_refusals WHERE class = ? AND at >= ? AND at < ?'
  ),
  refusalsBy: client.prepare<[number, RefusalClass, string, string], { n: number }>(
    'SELECT count(*) AS n FROM scan_refusals WHERE operator_id = ? AND class = ? AND at >= ? AND at < ?'
  ),
  // CROSS JOIN keeps the refusal log first (SQLite does not reorder it): read through its own index, not per operator.
  lastRefusals: withWords(
    client.prepare<[RefusalClass, string, string], StoredRefusal>(
      `SELECT r.at, o.order_number AS orderNumber, p.name AS operatorName, r.input, r.message, r.words
       FROM scan_refusals r CROSS JOIN operators p ON p.id = r.operator_id LEFT JOIN orders o ON o.id = r.order_id
      WHERE r.class = ? AND r.at >= ? AND r.at < ?
      ORDER BY r.at DESC LIMIT ${LAST_FEW}`
    )
  ),
  lastRefusalsBy: withWords(
    client.prepare<[number, RefusalClass, string, string], StoredRefusal>(
      `SELECT r.at, o.order_number AS orderNumber, p.name AS operatorName, r.input, r.message, r.words
       FROM scan_refusals r INDEXED BY scan_refusals_operator CROSS JOIN operators p ON p.id = r.operator_id LEFT JOIN orders o ON o.id = r.order_id
      WHERE r.operator_id = ? AND r.class = ? AND r.at >= ? AND r.at < ?
      ORDER BY r.at DESC LIMIT ${LAST_FEW}`
    )
  ),
  // A print job that failed, now or before a retry printed it (attempts > 1).
  printFailures: client.prepare<[string, string, number | null, number | null], { n: number }>(
    `SELECT count(*) AS n FROM print_jobs
      WHERE created_at >= ? AND created_at < ? AND (status = 'failed' OR attempts > 1) AND (? IS NULL OR created_by = ?)`
  ),
  lastPrintFailures: client.prepare<[string, string, number | null, number | null], LastPrintFailure>(
    `SELECT j.created_at AS at, j.kind, o.order_number AS orderNumber, j.printer, j.error
       FROM print_jobs j JOIN orders o ON o.id = j.order_id
      WHERE j.created_at >= ? AND j.created_at < ? AND (j.status = 'failed' OR j.attempts > 1) AND (? IS NULL OR j.created_by = ?)
      ORDER BY j.created_at DESC, j.id DESC LIMIT ${LAST_FEW}`
  ),
  ordersIn: client.prepare<[string], { n: number }>('SELECT count(*) AS n FROM orders WHERE status = ?'),
  rejected: client.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox WHERE rejected_at IS NOT NULL'),
  // Cancelled orders with units still in boxes: the operators must unpack them (packing:unpack).
  toUnpack: client.prepare<[], { orderId: number; orderNumber: string; units: number }>(
    `SELECT * FROM (
       SELECT o.id AS orderId, o.order_number AS orderNumber,
              (SELECT count(*) FROM scanned_units u WHERE u.order_id = o.id AND u.removed_at IS NULL) AS units
         FROM orders o WHERE o.status = 'cancelled')
      WHERE units > 0 LIMIT 50`
  )
}))

/** An operator's scans in a span: first and last as unix seconds (with milliseconds), the gaps that were no break. */
export type Pace = { units: number; first: number | null; last: number | null; busyMs: number; gaps: number }
/** A refusal as listed: `words` when it was recorded with them (0015 on), else its English `message` only. */
export type LastRefusal = { at: string; orderNumber: string | null; operatorName: string; input: string; message: string; words?: Words }
type StoredRefusal = Omit<LastRefusal, 'words'> & { words: string | null }

/**
 * The refusals a statement lists, their stored words read back. A raw statement returns the JSON column as text;
 * words that do not parse as words (written by hand, by a later version) are left out and the English stands.
 */
function withWords<P extends unknown[]>(statement: Statement<P, StoredRefusal>) {
  return {
    all: (...params: P): LastRefusal[] =>
      statement.all(...params).map(({ words, ...refusal }) => {
        const read = words === null ? null : readWords(words)
        return read ? { ...refusal, words: read } : refusal
      })
  }
}

function readWords(json: string): Words | null {
  try {
    const read = Words.safeParse(JSON.parse(json))
    return read.success ? read.data : null
  } catch {
    return null
  }
}
export type LastPrintFailure = { at: string; kind: string; orderNumber: string; printer: string; error: string | null }

export const reportQueries = (db: Db) => statements(db)
