// The incremental order pull (SPEC §7): pages of orders changed since the
// stored cursor. New orders go through the same import path as files
// (validation, failed imports with source "oms"); holds, releases and
// cancellations of known orders go through the state machine. The cursor
// moves only after a page is applied: a crash re-pulls it, and applying the
// same page twice changes nothing.
import { eq } from 'drizzle-orm'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { orders } from '../db/schema'
import { importRawFile, type ImportContext } from '../orders/importOrders'
import { contentHash, OrderRecord } from '../orders/orderRecord'
import type { Sentence } from '../../../shared/words'
import { applyOmsStatus } from './applyOmsStatus'
import type { OmsClient } from './omsClient'
import type { PullPage } from './omsWire'
import { readSyncSetting, writeSyncSetting } from './syncSettings'

export const OMS_SOURCE = 'oms'

export type PullOutcome = {
  pages: number
  imported: number
  unchanged: number
  failed: number
  statusChanges: number
  /** What the state machine refused (e.g. a shipped order cancelled in the OMS), in words. */
  conflicts: string[]
  /** The same conflicts as catalogue words, one sentence each. */
  conflictWords: Sentence[]
  changedOrderIds: number[]
}

export type PullOptions = { pageSize?: number; maxPages?: number; stopped?: () => boolean }

export async function pullOrders(db: Db, clock: Clock, client: OmsClient, options: PullOptions = {}): Promise<PullOutcome> {
  const { pageSize = 100, maxPages = 50, stopped = () => false } = options
  const outcome: PullOutcome = {
    pages: 0,
    imported: 0,
    unchanged: 0,
    failed: 0,
    statusChanges: 0,
    conflicts: [],
    conflictWords: [],
    changedOrderIds: []
  }
  let cursor = readSyncSetting(db, 'state').cursor
  for (let n = 0; n < maxPages; n++) {
    const page = await client.pullOrders(cursor, pageSize)
    if (stopped()) break
    applyPage(db, clock, page, outcome)
    outcome.pages++
    cursor = page.next_cursor
    writeSyncSetting(db, 'state', { cursor, lastPullAt: isoNow(clock) })
    if (!page.has_more) break
  }
  return outcome
}

function applyPage(db: Db, clock: Clock, page: PullPage, outcome: PullOutcome): void {
  const ctx: ImportContext = { db, clock, operatorId: null }
  if (page.products.length > 0) {
    const products = importRawFile(ctx, { products: page.products, orders: [] }, OMS_SOURCE)
    outcome.failed += products.failed
  }
  for (const record of page.orders) {
    const parsed = OrderRecord.safeParse(record)
    const existing = parsed.success
      ? db
          .select({ id: orders.id, omsStatus: orders.omsStatus, contentHash: orders.contentHash })
          .from(orders)
          .where(eq(orders.omsOrderId, parsed.data.oms_order_id))
          .get()
      : undefined

    if (!parsed.success || !existing) {
      // New (or unreadable): exactly what a file import does, failures listed with source "oms".
      const summary = importRawFile(ctx, { products: [], orders: [{ record }] }, OMS_SOURCE)
      outcome.imported += summary.imported
      outcome.unchanged += summary.unchanged
      outcome.failed += summary.failed
      if (summary.imported > 0 && parsed.success) outcome.changedOrderIds.push(idOf(db, parsed.data.oms_order_id))
      continue
    }

    // Known order: the same content apart from its OMS status is a status change; anything else is
    // a changed order, which the import path refuses onto the failed list for the shift lead.
    const sameContent = contentHash({ ...parsed.data, oms_status: existing.omsStatus }) === existing.contentHash
    const applied = applyOmsStatus(
      db,
      clock,
      existing.id,
      parsed.data.oms_status,
      sameContent ? { contentHash: contentHash(parsed.data) } : null
    )
    if (applied.changed) {
      outcome.statusChanges++
      outcome.changedOrderIds.push(existing.id)
    }
    if (applied.conflict) outcome.conflicts.push(applied.conflict)
    if (applied.conflictWords) outcome.conflictWords.push(applied.conflictWords)
    if (sameContent) outcome.unchanged += applied.changed ? 0 : 1
    else outcome.failed += importRawFile(ctx, { products: [], orders: [{ record }] }, OMS_SOURCE).failed
  }
}

const idOf = (db: Db, omsOrderId: string): number =>
  db.select({ id: orders.id }).from(orders).where(eq(orders.omsOrderId, omsOrderId)).get()!.id
