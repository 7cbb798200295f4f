// Order import (SPEC §1): each order is validated, then stored whole in one
// transaction or not at all; a bad record goes to the failed-imports list
// with its reason and can be retried once the cause is fixed.
import { and, eq, inArray, isNull, type SQL } from 'drizzle-orm'
import type { ImportSummary } from '../../../shared/orders'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { failedImports, orderLines, orders, productTacs, products } from '../db/schema'
import { recordEvent } from '../events/eventLog'
import { refuse } from '../errors'
import { contentHash, describeIssues, initialStatus, OrderRecord, ProductRecord } from './orderRecord'
import { parseOrderFile, type RawOrderFile } from './parseOrderFile'

export type ImportContext = { db: Db; clock: Clock; operatorId: number | null }

type FailedPayload = { kind: 'order' | 'product'; record: unknown; problem?: string }
type Outcome = { result: 'imported' | 'unchanged' } | { result: 'failed'; reason: string }

export function importOrderFile(ctx: ImportContext, fileName: string, content: string): ImportSummary {
  return importRawFile(ctx, parseOrderFile(fileName, content), fileName)
}

export function importRawFile(ctx: ImportContext, file: RawOrderFile, source: string): ImportSummary {
  const summary = emptySummary()
  for (const record of file.products) {
    const outcome = importProduct(ctx, record)
    tally(summary, 'product', null, outcome)
    if (outcome.result === 'failed') recordFailure(ctx, source, { kind: 'product', record }, null, outcome.reason)
  }
  for (const raw of file.orders) {
    const payload: FailedPayload = { kind: 'order', record: raw.record, problem: raw.problem }
    const omsOrderId = typeof raw.record.oms_order_id === 'string' ? raw.record.oms_order_id : null
    const outcome = importOrder(ctx, payload)
    tally(summary, 'order', omsOrderId, outcome)
    if (outcome.result === 'failed') recordFailure(ctx, source, payload, omsOrderId, outcome.reason)
    // Only a record that was actually stored settles earlier failures of the same order: re-importing
    // the original of a conflicting order leaves the conflict on the list.
    else if (outcome.result === 'imported' && omsOrderId) resolveFailures(ctx, eq(failedImports.omsOrderId, omsOrderId))
  }
  return summary
}

/** Tries a failed record again (after its cause was fixed, e.g. the SKU was added). */
export function retryFailedImport(ctx: ImportContext, id: number): ImportSummary {
  const row = ctx.db.select().from(failedImports).where(eq(failedImports.id, id)).get()
  if (!row) return refuse('not_found', `Failed import ${id} does not exist.`)
  if (row.resolvedAt) return refuse('already_resolved', `Failed import ${id} was already imported.`)
  const payload = row.payload as FailedPayload
  const outcome = payload.kind === 'product' ? importProduct(ctx, payload.record) : importOrder(ctx, payload)
  const summary = tally(emptySummary(), payload.kind, row.omsOrderId, outcome)
  if (outcome.result === 'failed') {
    ctx.db
      .update(failedImports)
      .set({ reason: outcome.reason, attempts: row.attempts + 1, lastTriedAt: isoNow(ctx.clock) })
      .where(eq(failedImports.id, id))
      .run()
  } else {
    resolveFailures(ctx, eq(failedImports.id, id))
  }
  return summary
}

const emptySummary = (): ImportSummary => ({ imported: 0, unchanged: 0, failed: 0, productsUpserted: 0, failures: [] })

function tally(summary: ImportSummary, kind: FailedPayload['kind'], omsOrderId: string | null, outcome: Outcome): ImportSummary {
  if (outcome.result === 'failed') {
    summary.failed++
    summary.failures.push({ omsOrderId, reason: outcome.reason })
  } else if (kind === 'product') summary.productsUpserted++
  else if (outcome.result === 'unchanged') summary.unchanged++
  else summary.imported++
  return summary
}

function importProduct(ctx: ImportContext, raw: unknown): Outcome {
  const parsed = ProductRecord.safeParse(raw)
  if (!parsed.success) return { result: 'failed', reason: `product: ${describeIssues(parsed.error)}` }
  const p = parsed.data
  const row = {
    sku: p.sku,
    name: p.name,
    serialized: p.serialized,
    condition: p.condition,
    serialKind: p.serialized ? p.serial_kind : ('none' as const),
    serialPattern: p.serial_pattern,
    barcode: p.barcode,
    imeisPerUnit: p.imeis_per_unit,
    updatedAt: isoNow(ctx.clock)
  }
  ctx.db.transaction((tx) => {
    tx.insert(products).values(row).onConflictDoUpdate({ target: products.sku, set: row }).run()
    tx.delete(productTacs).where(eq(productTacs.sku, p.sku)).run()
    if (p.tacs)
      tx.insert(productTacs)
        .values(p.tacs.map((tac) => ({ tac, sku: p.sku })))
        .run()
  })
  return { result: 'imported' }
}

function importOrder(ctx: ImportContext, payload: FailedPayload): Outcome {
  if (payload.problem) return { result: 'failed', reason: payload.problem }
  const parsed = OrderRecord.safeParse(payload.record)
  if (!parsed.success) return { result: 'failed', reason: describeIssues(parsed.error) }
  const record = parsed.data
  const hash = contentHash(record)

  const existing = ctx.db
    .select({ hash: orders.contentHash, orderNumber: orders.orderNumber })
    .from(orders)
    .where(eq(orders.omsOrderId, record.oms_order_id))
    .get()
  if (existing) {
    return existing.hash === hash
      ? { result: 'unchanged' }
      : {
          result: 'failed',
          reason: `order id ${record.oms_order_id} was already imported (order ${existing.orderNumber}) with different content`
        }
  }

  const skus = [...new Set(record.lines.map((l) => l.sku))]
  const known = new Set(
    ctx.db
      .select({ sku: products.sku })
      .from(products)
      .where(inArray(products.sku, skus))
      .all()
      .map((p) => p.sku)
  )
  const unknown = record.lines.find((l) => !known.has(l.sku))
  if (unknown) {
    return {
      result: 'failed',
      reason: `line ${unknown.line_id}: unknown SKU ${unknown.sku} (no product mapping); add the product, then retry`
    }
  }

  const at = isoNow(ctx.clock)
  const status = initialStatus(record, ctx.clock())
  ctx.db.transaction((tx) => {
    const { id } = tx
      .insert(orders)
      .values({
        omsOrderId: record.oms_order_id,
        orderNumber: record.order_number,
        channel: record.channel,
        channelOrderId: record.channel_order_id,
        parentOrderId: record.parent_order_id,
        orderType: record.order_type,
        fulfilmentType: record.fulfilment_type,
        shipTo: {
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
        },
        carrier: record.carrier,
        service: record.service,
        dispatchAfter: record.dispatch_after,
        priority: record.priority,
        omsCreatedAt: record.created_at,
        status,
        omsStatus: record.oms_status,
        contentHash: hash,
        importedAt: at,
        updatedAt: at
      })
      .returning({ id: orders.id })
      .get()
    tx.insert(orderLines)
      .values(
        record.lines.map((l) => ({
          orderId: id,
          lineId: l.line_id,
          sku: l.sku,
          productName: l.product_name,
          quantity: l.quantity,
          serialized: l.serialized,
          condition: l.condition
        }))
      )
      .run()
    recordEvent(tx, {
      at,
      type: 'order.imported',
      operatorId: ctx.operatorId,
      orderId: id,
      entityId: record.oms_order_id,
      toStatus: status,
      reason: status === 'on_hold' ? holdReason(record) : null
    })
  })
  return { result: 'imported' }
}

function holdReason(record: OrderRecord): string {
  return record.oms_status && !['held', 'on_hold'].includes(record.oms_status.toLowerCase())
    ? `OMS status ${record.oms_status}`
    : record.dispatch_after
      ? `dispatch after ${record.dispatch_after}`
      : 'held by the OMS'
}

function recordFailure(ctx: ImportContext, source: string, payload: FailedPayload, omsOrderId: string | null, reason: string) {
  const at = isoNow(ctx.clock)
  const open = omsOrderId
    ? ctx.db
        .select({ id: failedImports.id, attempts: failedImports.attempts })
        .from(failedImports)
        .where(and(eq(failedImports.omsOrderId, omsOrderId), isNull(failedImports.resolvedAt)))
        .get()
    : undefined
  if (open) {
    ctx.db
      .update(failedImports)
      .set({ payload, reason, source, attempts: open.attempts + 1, lastTriedAt: at })
      .where(eq(failedImports.id, open.id))
      .run()
  } else {
    ctx.db.insert(failedImports).values({ source, omsOrderId, payload, reason, createdAt: at, lastTriedAt: at }).run()
  }
}

function resolveFailures(ctx: ImportContext, which: SQL) {
  const at = isoNow(ctx.clock)
  ctx.db
    .update(failedImports)
    .set({ resolvedAt: at, lastTriedAt: at })
    .where(and(which, isNull(failedImports.resolvedAt)))
    .run()
}
