// The timed calls of the scan benchmark, all on the station's own connection
// (a second connection writing the same file would reset the first one's page
// cache on every commit): the `scanning:scan` handler through `dispatch` (zod
// on the way in and out, the role guard, the claim check, the answer; due
// holds are released only when the scanned order is on hold),
// `scanUnit` alone, and the raw-SQLite floor. Each returns milliseconds.
import { systemClock } from '../../src/main/core/clock'
import type { Connection } from '../../src/main/core/db/connection'
import { dispatch } from '../../src/main/core/dispatch'
import { newId } from '../../src/main/core/ids'
import { scanUnit } from '../../src/main/core/scanning/scanUnit'
import type { GuardedHandlers } from '../../src/main/station'

export type Scan = { orderId: number; lineId: number; serial: string }
type Answer = { outcome: string; message: string }

const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6

export function scanCalls(connection: Connection, handlers: GuardedHandlers, operatorId: number) {
  const { sqlite, db } = connection
  const affixes = { prefixes: [], suffixes: [] }

  /** Through the handler as the IPC and the browser host call it; the answer's JSON size is taken untimed. */
  async function handler(orderId: number, serial: string, expected: string): Promise<{ ms: number; bytes: number }> {
    const s = process.hrtime.bigint()
    const envelope = await dispatch(handlers, 'scanning:scan', { orderId, input: serial })
    const ms = since(s)
    if (!envelope.ok) throw new Error(`scanning:scan of ${serial} failed: ${envelope.error.code} ${envelope.error.message}`)
    const answer = envelope.value as Answer
    if (answer.outcome !== expected) throw new Error(`scanning:scan of ${serial} was ${answer.outcome}, not ${expected}: ${answer.message}`)
    return { ms, bytes: Buffer.byteLength(JSON.stringify(envelope.value)) }
  }

  /** The part alone: `scanUnit`, one IMMEDIATE transaction. */
  function part(orderId: number, serial: string, expected: string): number {
    const s = process.hrtime.bigint()
    const result = scanUnit(db, systemClock, affixes, { orderId, input: serial, operatorId })
    const ms = since(s)
    if (result.outcome !== expected) throw new Error(`scanUnit of ${serial} was ${result.outcome}, not ${expected}: ${result.message}`)
    return ms
  }

  const begin = sqlite.prepare('BEGIN IMMEDIATE')
  const commit = sqlite.prepare('COMMIT')
  const rollback = sqlite.prepare('ROLLBACK')
  const liveBySerial = sqlite.prepare('SELECT 1 FROM scanned_units WHERE serial = ? AND removed_at IS NULL')
  const insertUnit = sqlite.prepare(
    "INSERT INTO scanned_units (id, order_id, order_line_id, serial, entry_method, scanned_by, scanned_at) VALUES (?, ?, ?, ?, 'scanned', ?, ?)"
  )
  const countUnit = sqlite.prepare('UPDATE order_lines SET scanned_quantity = scanned_quantity + 1 WHERE id = ?')

  /** The floor: duplicate lookup, unit insert, line count, one BEGIN IMMEDIATE … COMMIT, raw prepared statements. */
  function floor(scan: Scan): number {
    const s = process.hrtime.bigint()
    begin.run()
    try {
      if (liveBySerial.get(scan.serial)) throw new Error(`Floor scan of ${scan.serial} found a duplicate`)
      insertUnit.run(newId(), scan.orderId, scan.lineId, scan.serial, operatorId, new Date().toISOString())
      countUnit.run(scan.lineId)
      commit.run()
    } catch (e) {
      rollback.run()
      throw e
    }
    return since(s)
  }

  /** Untimed set-up: the floor's writes for many units in one transaction (a big order's first 1,950 units). */
  const prefill = sqlite.transaction((scans: Scan[]) => {
    const now = new Date().toISOString()
    for (const scan of scans) {
      insertUnit.run(newId(), scan.orderId, scan.lineId, scan.serial, operatorId, now)
      countUnit.run(scan.lineId)
    }
  })

  return { handler, part, floor, prefill }
}

export type ScanCalls = ReturnType<typeof scanCalls>
