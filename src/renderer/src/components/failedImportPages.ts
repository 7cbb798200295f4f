import type { FailedImport, FailedImportCursor } from '../../../shared/orders'
import { station } from '../api'
import type { Page } from './usePages'

/** A page of the open failed imports, for usePages (the Import and Sync screens). */
export async function fetchFailedImports(cursor: FailedImportCursor | undefined): Promise<Page<FailedImport, FailedImportCursor>> {
  const { failed, ...page } = await station.orders.failedImports(cursor ? { cursor } : {})
  return { rows: failed, ...page }
}
