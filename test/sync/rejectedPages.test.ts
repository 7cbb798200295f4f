// The rejected events a page at a time (issue 10: lists that don't grow):
// after an outage or a contract mismatch the OMS may reject thousands, and
// the Sync screen reads them by key, oldest first, with the count of all
// still open. An acknowledged one leaves the list and the count.
import { afterEach, describe, expect, it } from 'vitest'
import { recordExportedEvent } from '../../src/main/core/events/eventLog'
import { acknowledgeRejected, listRejectedEvents } from '../../src/main/core/sync/rejectedEvents'
import { cleanup, openTestStation } from '../core/helpers'

afterEach(cleanup)

/** A station whose outbox holds `n` events the OMS rejected, one a second, and one it accepted in between. */
function stationWithRejections(n: number) {
  const t = openTestStation()
  const operatorId = Number(
    t.sqlite
      .prepare("insert into operators (name, badge_code, role, created_at) values ('Lead', 'LEAD-1', 'shift_lead', '2026-11-30T08:00:00Z')")
      .run().lastInsertRowid
  )
  for (let i = 1; i <= n; i++) {
    const at = new Date(Date.UTC(2026, 10, 30, 9, 0, i)).toISOString()
    recordExportedEvent(t.db, { at, type: 'station.test', operatorId, orderId: null, entityId: `E-${i}`, payload: { i } })
  }
  const rejected = t.sqlite.prepare("update outbox set rejected_at = created_at, reject_reason = 'no ' || rowid where rowid <> 2")
  rejected.run()
  t.sqlite.prepare('update outbox set sent_at = created_at where rowid = 2').run()
  return { t, operatorId }
}

const reasons = (rows: { reason: string }[]) => rows.map((r) => r.reason)

describe('the rejected events, a page at a time', () => {
  it('reads every open one once, oldest first, across pages by key', () => {
    const { t } = stationWithRejections(8)
    let page = listRejectedEvents(t.db, { limit: 3 })
    const seen = [...reasons(page.rejected)]
    const sizes = [page.rejected.length]
    expect(page.open).toBe(7)
    while (page.nextCursor) {
      page = listRejectedEvents(t.db, { limit: 3, cursor: page.nextCursor })
      sizes.push(page.rejected.length)
      seen.push(...reasons(page.rejected))
    }
    expect(sizes).toEqual([3, 3, 1])
    expect(seen).toEqual(['no 1', 'no 3', 'no 4', 'no 5', 'no 6', 'no 7', 'no 8'])
  })

  it('an acknowledged rejection leaves the list and the count', () => {
    const { t, operatorId } = stationWithRejections(3)
    const first = listRejectedEvents(t.db)
    expect(first).toMatchObject({ open: 2, nextCursor: null })
    expect(acknowledgeRejected(t.db, t.clock, [first.rejected[0].id], operatorId)).toBe(1)
    const after = listRejectedEvents(t.db)
    expect(after.open).toBe(1)
    expect(reasons(after.rejected)).toEqual(['no 3'])
  })
})
