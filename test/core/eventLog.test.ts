// The event log's inserts are plain statements with their columns spelled out
// (src/main/core/events/eventLog.ts): every column read back through the
// drizzle schema, inside and outside a transaction.
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { events, outbox } from '../../src/main/core/db/schema'
import { recordEvent, recordExportedEvent } from '../../src/main/core/events/eventLog'
import { cleanup, openTestStation } from './helpers'

afterEach(cleanup)

describe('event log', () => {
  it('stores every column of an event and its outbox row, JSON as drizzle reads it', () => {
    const { db } = openTestStation()
    const payload = { box: { id: 'b-1', serials: ['356789012345675'] }, short: false }
    const id = db.transaction((tx) =>
      recordExportedEvent(tx, {
        at: '2026-11-30T01:02:03.456Z',
        type: 'box.confirmed',
        operatorId: null,
        orderId: null,
        entityId: 'b-1',
        fromStatus: 'open',
        toStatus: 'confirmed',
        reason: 'because',
        data: { units: 3, note: 'ü "quoted"' },
        payload
      })
    )
    expect(db.select().from(events).where(eq(events.id, id)).get()).toEqual({
      id,
      at: '2026-11-30T01:02:03.456Z',
      type: 'box.confirmed',
      operatorId: null,
      orderId: null,
      entityId: 'b-1',
      fromStatus: 'open',
      toStatus: 'confirmed',
      reason: 'because',
      data: { units: 3, note: 'ü "quoted"' }
    })
    const row = db.select().from(outbox).where(eq(outbox.eventId, id)).get()
    expect(row).toMatchObject({ eventId: id, type: 'box.confirmed', orderId: null, payload, createdAt: '2026-11-30T01:02:03.456Z' })
    expect(row!.id).not.toBe(id)
  })

  it('leaves data empty when there is none, and rolls back with the transaction it runs in', () => {
    const { db } = openTestStation()
    const id = recordEvent(db, { at: '2026-11-30T00:00:00.000Z', type: 'station.note', operatorId: null })
    expect(db.select({ data: events.data, reason: events.reason }).from(events).where(eq(events.id, id)).get()).toEqual({
      data: null,
      reason: null
    })
    let inner = ''
    expect(() =>
      db.transaction((tx) => {
        inner = recordExportedEvent(tx, { at: '2026-11-30T00:00:01.000Z', type: 'order.packed', operatorId: null, payload: {} })
        tx.rollback()
      })
    ).toThrow(/Rollback/)
    expect(db.select().from(events).where(eq(events.id, inner)).get()).toBeUndefined()
    expect(db.select().from(outbox).where(eq(outbox.eventId, inner)).get()).toBeUndefined()
  })
})
