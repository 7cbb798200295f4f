// app:* — what the station is (version, id, data folder, how much it holds),
// the sample data a new station can load from its first screen, a screen's
// render error for the log, and a shift lead's diagnostics export.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { count } from 'drizzle-orm'
import { approverOf } from '../access/guard'
import type { HandlersOf, StationContext } from '../context'
import { orders } from '../db/schema'
import { exportDiagnostics } from '../diagnostics/exportDiagnostics'
import { log } from '../log/logger'
import { createOperator, operatorCount, type NewOperator } from '../operators/operators'
import { importRawFile } from '../orders/importOrders'
import { findAppFolder } from '../paths'
import { getSetting } from '../settings/settings'

type SampleFile = { products: unknown[]; orders: Record<string, unknown>[]; operators?: NewOperator[] }

export function appHandlers(context: StationContext, version: string): HandlersOf<'app'> {
  const { db, clock, dataDir, stationId } = context
  return {
    'app:info': () => ({
      version,
      stationId,
      dataDir,
      orderCount: db.select({ n: count() }).from(orders).get()!.n,
      operatorCount: operatorCount(db),
      language: getSetting(db, 'language')
    }),
    'app:loadSampleData': () => {
      const folder = findAppFolder('resources', 'sample-orders.json')
      const sample = JSON.parse(readFileSync(join(folder, 'sample-orders.json'), 'utf8')) as SampleFile
      if (operatorCount(db) === 0) {
        const [lead, ...others] = sample.operators ?? []
        const created = lead ? createOperator(db, clock, lead, null) : null
        for (const o of others) createOperator(db, clock, o, created)
      }
      const operatorId = context.signedIn()?.id ?? null
      const records = { products: sample.products, orders: sample.orders.map((record) => ({ record })) }
      return importRawFile({ db, clock, operatorId }, records, 'sample-orders.json')
    },
    'app:reportRendererError': ({ screen, message, stack }) => {
      log.error(
        { event: 'render_error', screen, operatorId: context.signedIn()?.id ?? null, err: { message, stack } },
        `The ${screen} screen failed to draw`
      )
      return null
    },
    'app:exportDiagnostics': async ({ folder }, call) => {
      const lead = approverOf(call)
      const done = await exportDiagnostics(context, { version, folder })
      log.info(
        { event: 'diagnostics_exported', path: done.path, bytes: done.bytes, approvedBy: lead.id },
        `Diagnostics exported to ${done.path}`
      )
      return done
    }
  }
}
