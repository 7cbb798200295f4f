import { desc, isNull } from 'drizzle-orm'
import type { FailedImport } from '../../../shared/orders'
import type { Db } from '../db/connection'
import { failedImports } from '../db/schema'

/** The failed imports still waiting for their cause to be fixed, newest first. */
export function listFailedImports(db: Db): FailedImport[] {
  return db
    .select({
      id: failedImports.id,
      source: failedImports.source,
      omsOrderId: failedImports.omsOrderId,
      reason: failedImports.reason,
      attempts: failedImports.attempts,
      createdAt: failedImports.createdAt,
      lastTriedAt: failedImports.lastTriedAt
    })
    .from(failedImports)
    .where(isNull(failedImports.resolvedAt))
    .orderBy(desc(failedImports.lastTriedAt), desc(failedImports.id))
    .all()
}
