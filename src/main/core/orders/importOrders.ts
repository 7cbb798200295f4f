// Order import (SPEC §1): each order is validated, then stored whole or not at
// all; a bad record goes to the failed-imports list with its reason and can be
// retried once the cause is fixed. Orders are stored in batches of about 1,000
// per transaction (./import/storeOrders.ts); files stream in through
// ./import/importFile.ts, the OMS and the sample data hand over records.
import { eq } from 'drizzle-orm'
import type { ImportSummary } from '../../../shared/orders'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { failedImports, productTacs, products } from '../db/schema'
import { refuse } from '../errors'
import { keepFailedImports, settleFailedImports } from './failedImports'
import { checkOrder, type CheckedOrder, type FailedPayload } from './import/checkOrder'
import { invalidProduct } from './import/failureWords'
import { failed, lastOrderId, storeOrders, type Outcome } from './import/storeOrders'
import { describeIssues, ProductRecord } from './orderRecord'
import { BATCH_SIZE } from './import/readBatches'
import type { RawOrder, RawOrderFile } from './parseOrderFile'

export type ImportContext = { db: Db; clock: Clock; operatorId: number | null }

/** How many failures a summary lists; `failed` counts them all and the failed-imports list keeps every one. */
export const LISTED_FAILURES = 1000

/** One import: products and batches of orders go in as they are found, the summary adds up. */
export type ImportRun = {
  product(record: unknown): void
  /** Orders as found in the file. */
  orders(batch: RawOrder[]): void
  /** Orders already through checkOrder (on the file reader's thread). */
  checked(batch: CheckedOrder[]): void
  readonly summary: ImportSummary
}

export function startImport(ctx: ImportContext, source: string): ImportRun {
  const summary = emptySummary()
  const storedBefore = lastOrderId(ctx.db)
  const checked = (batch: CheckedOrder[]) => {
    const settle = (tx: Db, outcomes: Outcome[]) => keepFailedImports(tx, isoNow(ctx.clock), source, batch, outcomes)
    const outcomes = storeOrders(ctx, batch, { settle, storedBefore })
    outcomes.forEach((outcome, i) => tally(summary, 'order', batch[i].omsOrderId, outcome))
  }
  return {
    summary,
    checked,
    product(record) {
      const outcome = importProduct(ctx, record)
      tally(summary, 'product', null, outcome)
      if (outcome.result === 'failed') {
        keepFailedImports(
          ctx.db,
          isoNow(ctx.clock),
          source,
          [{ payload: JSON.stringify({ kind: 'product', record }), omsOrderId: null }],
          [outcome]
        )
      }
    },
    orders: (batch) => checked(batch.map(checkOrder))
  }
}

/** Records already in memory (the OMS, the sample data): products first, then the orders in batches. */
export function importRawFile(ctx: ImportContext, file: RawOrderFile, source: string): ImportSummary {
  const run = startImport(ctx, source)
  for (const record of file.products) run.product(record)
  for (let i = 0; i < file.orders.length; i += BATCH_SIZE) run.orders(file.orders.slice(i, i + BATCH_SIZE))
  return run.summary
}

/** Tries a failed record again (after its cause was fixed, e.g. the SKU was added). */
export function retryFailedImport(ctx: ImportContext, id: number): ImportSummary {
  const row = ctx.db.select().from(failedImports).where(eq(failedImports.id, id)).get()
  if (!row) return refuse('not_found', { key: 'refusals:orders.failedImportMissing', params: { id } })
  if (row.resolvedAt) return refuse('already_resolved', { key: 'refusals:orders.failedImportDone', params: { id } })
  const payload = row.payload as FailedPayload
  const outcome =
    payload.kind === 'product'
      ? importProduct(ctx, payload.record)
      : storeOrders(ctx, [checkOrder({ record: payload.record as Record<string, unknown>, problem: payload.problem })])[0]
  const summary = tally(emptySummary(), payload.kind, row.omsOrderId, outcome)
  const at = isoNow(ctx.clock)
  if (outcome.result === 'failed') {
    ctx.db
      .update(failedImports)
      .set({ reason: outcome.reason, reasonWords: outcome.words, attempts: row.attempts + 1, lastTriedAt: at })
      .where(eq(failedImports.id, id))
      .run()
  } else {
    settleFailedImports(ctx.db, at, eq(failedImports.id, id))
  }
  return summary
}

const emptySummary = (): ImportSummary => ({ imported: 0, unchanged: 0, failed: 0, productsUpserted: 0, failures: [] })

function tally(summary: ImportSummary, kind: FailedPayload['kind'], omsOrderId: string | null, outcome: Outcome): ImportSummary {
  if (outcome.result === 'failed') {
    summary.failed++
    if (summary.failures.length < LISTED_FAILURES) summary.failures.push({ omsOrderId, reason: outcome.reason })
  } else if (kind === 'product') summary.productsUpserted++
  else if (outcome.result === 'unchanged') summary.unchanged++
  else summary.imported++
  return summary
}

function importProduct(ctx: ImportContext, raw: unknown): Outcome {
  const parsed = ProductRecord.safeParse(raw)
  if (!parsed.success) return failed(invalidProduct(describeIssues(parsed.error)))
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
    gtin: p.gtin,
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
