import { useCallback, useEffect, useState } from 'react'
import type { FailedImport, FailedImportCursor } from '../../../shared/orders'
import { station } from '../api'
import { errorMessage } from '../useAction'

/** What the failed-imports table shows: the pages loaded so far, how many are open in all, whether more follow. */
export type FailedImportsList = { failed: FailedImport[]; open: number; next: FailedImportCursor | null }

/**
 * The open failed imports, a page at a time (a file with a systematic fault may leave thousands):
 * `more` appends the next page, `reload` starts again from the newest (after an import or a retry).
 */
export function useFailedImports() {
  const [list, setList] = useState<FailedImportsList | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(async (after: FailedImportsList | null) => {
    try {
      const page = await station.orders.failedImports(after?.next ? { cursor: after.next } : {})
      setList({ failed: [...(after?.failed ?? []), ...page.failed], open: page.open, next: page.nextCursor })
      setError(null)
    } catch (e) {
      setError(errorMessage(e))
    }
  }, [])
  const reload = useCallback(() => load(null), [load])
  useEffect(() => {
    void reload()
  }, [reload])
  return { list, error, reload, more: () => (list?.next ? load(list) : Promise.resolve()) }
}
