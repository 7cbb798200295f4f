// Stores a batch of orders in one transaction, each order whole or not at all
// (SPEC §1). The batch is first written straight through; should the database
// refuse one of its orders (a constraint), the batch is rolled back and
// written again with a savepoint around each order, so that order fails alone
// and its neighbours are stored. Lookups are one query per batch, and the
// inserts are statements prepared once per connection.
import { getTableName, inArray, max, sql } from 'drizzle-orm'
import type { Words } from '../../../../shared/words'
import { isoNow } from '../../clock'
import type { Db } from '../../db/connection'
import { perClient, perConnection } from '../../db/prepared'
import { orderLines, orders, products, type ShipTo } from '../../db/schema'
import { english } from '../../errors'
import { recordEvent } from '../../events/eventLog'
import { dispatchAfterReason, HELD_BY_OMS, omsStatusReason } from '../holdReasons'
import { initialStatus, type OrderRecord } from '../orderRecord'
import type { CheckedOrder } from './checkOrder'
import { alreadyImported, databaseRefused, repeatedInFile, unknownSku } from './failureWords'
import type { ImportContext } from '../importOrders'

/** A failure's `reason` is the English of its catalogue `words` (./failureWords.ts); the failed-imports list keeps both. */
export type Outcome = { result: 'imported' | 'unchanged' } | { result: 'failed'; reason: string; words: Words }

/** A failed outcome from its words, with their English for the summary, the logs and the command line. */
export const failed = (words: Words): Outcome => ({ result: 'failed', reason: english(words), words })

export type StoreOptions = {
  /** Runs inside the batch's transaction once its outcomes are known (e.g. to keep the failed-imports list). */
  settle?: (tx: Db, outcomes: Outcome[]) => void
  /** Orders with a higher id were stored by this same import: a conflict with one of them is a repeat within the file. */
  storedBefore?: number
}

/** Stores what can be stored of `batch`; returns each order's outcome, in order. */
export function storeOrders(ctx: ImportContext, batch: CheckedOrder[], options: StoreOptions = {}): Outcome[] {
  try {
    return writeBatch(ctx, batch, options, false)
  } catch (error) {
    if (!isConstraint(error)) throw error
    return writeBatch(ctx, batch, options, true)
  }
}

/** The highest order id so far: what an import stores from now on is above it. */
export function lastOrderId(db: Db): number {
  return (
    db
      .select({ id: max(orders.id) })
      .from(orders)
      .get()?.id ?? 0
  )
}

type Stored = { id: number; hash: string; orderNumber: string }

function writeBatch(
  ctx: ImportContext,
  batch: CheckedOrder[],
  { settle, storedBefore = Infinity }: StoreOptions,
  careful: boolean
): Outcome[] {
  return ctx.db.transaction(
    (tx) => {
      const valid = batch.flatMap((c) => (c.record ? [c.record] : []))
      const stored = storedOrders(tx, [...new Set(valid.map((r) => r.oms_order_id))])
      const known = knownSkus(tx, [...new Set(valid.flatMap((r) => r.lines.map((l) => l.sku)))])
      const at = isoNow(ctx.clock)
      const now = ctx.clock()
      const outcomes = batch.map((c): Outcome => {
        if (!c.record) return failed(c.words)
        const record = c.record
        const existing = stored.get(record.oms_order_id)
        if (existing) {
          if (existing.hash === c.hash) return { result: 'unchanged' }
          return failed(
            existing.id > storedBefore
              ? repeatedInFile(record.oms_order_id, existing.orderNumber)
              : alreadyImported(record.oms_order_id, existing.orderNumber)
          )
        }
        const unknown = record.lines.find((l) => !known.has(l.sku))
        if (unknown) {
          return failed(unknownSku(unknown.line_id, unknown.sku))
        }
        const write = (db: Db) => insertOrder(db, ctx.operatorId, record, c.hash, at, now)
        if (!careful) stored.set(record.oms_order_id, { id: write(tx), hash: c.hash, orderNumber: record.order_number })
        else {
          try {
            stored.set(record.oms_order_id, { id: tx.transaction(write), hash: c.hash, orderNumber: record.order_number })
          } catch (error) {
            if (!isConstraint(error)) throw error
            return failed(databaseRefused((error as Error).message))
          }
        }
        return { result: 'imported' }
      })
      settle?.(tx, outcomes)
      return outcomes
    },
    { behavior: 'immediate' }
  )
}

/** A batch's lookups: one statement each, prepared once, its list of values passed as one JSON array. */
const lookups = perConnection((db) => {
  const each = (name: string) => sql`(select value from json_each(${sql.placeholder(name)}))`
  return {
    orders: db
      .select({ id: orders.id, omsOrderId: orders.omsOrderId, hash: orders.contentHash, orderNumber: orders.orderNumber })
      .from(orders)
      .where(inArray(orders.omsOrderId, each('ids')))
      .prepare(),
    skus: db
      .select({ sku: products.sku })
      .from(products)
      .where(inArray(products.sku, each('skus')))
      .prepare()
  }
})

function storedOrders(db: Db, omsOrderIds: string[]): Map<string, Stored> {
  if (omsOrderIds.length === 0) return new Map()
  return new Map(
    lookups(db)
      .orders.all({ ids: JSON.stringify(omsOrderIds) })
      .map((r) => [r.omsOrderId, r])
  )
}

function knownSkus(db: Db, skus: string[]): Set<string> {
  if (skus.length === 0) return new Set()
  return new Set(
    lookups(db)
      .skus.all({ skus: JSON.stringify(skus) })
      .map((p) => p.sku)
  )
}

/** The inserts, plain statements prepared once per connection (../../db/prepared.ts, perClient). Column order as in the schema. */
const prepared = perClient((client) => ({
  order: client.prepare(`INSERT INTO ${getTableName(orders)} (oms_order_id, order_number, channel, channel_order_id, parent_order_id,
    order_type, fulfilment_type, ship_to, carrier, service, dispatch_after, priority, oms_created_at, status, oms_status, content_hash,
    imported_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  line: client.prepare(
    `INSERT INTO ${getTableName(orderLines)} (order_id, line_id, sku, product_name, quantity, serialized, condition) VALUES (?, ?, ?, ?, ?, ?, ?)`
  )
}))

function insertOrder(db: Db, operatorId: number | null, record: OrderRecord, hash: string, at: string, now: Date): number {
  const status = initialStatus(record, now)
  const s = prepared(db)
  const shipTo: ShipTo = {
    name: record.ship_to.name,
    company: record.ship_to.company ?? undefined,
    street1: record.ship_to.street1,
    street2: record.ship_to.street2 ?? undefined,
    city: record.ship_to.city,
    postalCode: record.ship_to.postal_code,
    region: record.ship_to.region ?? undefined,
    country: record.ship_to.country,
    phone: record.ship_to.phone ?? undefined,
    email: record.ship_to.email ?? undefined
  }
  const { lastInsertRowid } = s.order.run(
    record.oms_order_id,
    record.order_number,
    record.channel,
    record.channel_order_id,
    record.parent_order_id,
    record.order_type,
    record.fulfilment_type,
    JSON.stringify(shipTo),
    record.carrier,
    record.service,
    record.dispatch_after,
    record.priority,
    record.created_at,
    status,
    record.oms_status,
    hash,
    at,
    at
  )
  const orderId = Number(lastInsertRowid)
  for (const l of record.lines) s.line.run(orderId, l.line_id, l.sku, l.product_name, l.quantity, l.serialized ? 1 : 0, l.condition)
  recordEvent(db, {
    at,
    type: 'order.imported',
    operatorId,
    orderId,
    entityId: record.oms_order_id,
    toStatus: status,
    reason: status === 'on_hold' ? holdReason(record) : null
  })
  return orderId
}

function holdReason(record: OrderRecord): string {
  return record.oms_status && !['held', 'on_hold'].includes(record.oms_status.toLowerCase())
    ? omsStatusReason(record.oms_status)
    : record.dispatch_after
      ? dispatchAfterReason(record.dispatch_after)
      : HELD_BY_OMS
}

/** A constraint or trigger refused a row: that order fails, the batch goes on. Any other failure stops the import. */
const isConstraint = (error: unknown) => String((error as { code?: unknown })?.code ?? '').startsWith('SQLITE_CONSTRAINT')
