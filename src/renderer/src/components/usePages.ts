import { useCallback, useEffect, useRef, useState } from 'react'
import { errorMessage } from '../useAction'

/** A page as the station answers a paged list: its rows, where the next page starts (null: none), how many there are in all. */
export type Page<T, C> = { rows: T[]; nextCursor: C | null; open: number }

/** What a paged table shows: the pages loaded so far, how many there are in all, where the next page starts. */
export type Pages<T, C> = { rows: T[]; open: number; next: C | null }

/**
 * A list the station answers a page at a time (the failed imports, the rejected events: a systematic fault may
 * leave thousands): the first page on open, `more` appends the next, `reload` starts again from the first
 * (after a retry, a re-send). An answer to an older load (a reload meanwhile) is dropped, and Show more waits
 * for the page already on its way.
 */
export function usePages<T, C>(fetch: (cursor: C | undefined) => Promise<Page<T, C>>) {
  const [pages, setPages] = useState<Pages<T, C> | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const fetchRef = useRef(fetch)
  fetchRef.current = fetch
  const generation = useRef(0)
  /** A page is on its way: a second Show more meanwhile would fetch the same page again (and list its rows twice). */
  const loading = useRef(false)
  const load = useCallback(async (after: Pages<T, C> | null) => {
    const mine = after ? generation.current : ++generation.current
    loading.current = true
    try {
      const page = await fetchRef.current(after?.next ?? undefined)
      if (mine !== generation.current) return
      setPages({ rows: [...(after?.rows ?? []), ...page.rows], open: page.open, next: page.nextCursor })
      setError(null)
    } catch (e) {
      if (mine === generation.current) setError(errorMessage(e))
    } finally {
      if (mine === generation.current) loading.current = false
    }
  }, [])
  const reload = useCallback(() => load(null), [load])
  useEffect(() => {
    void reload()
  }, [reload])
  return { pages, error, reload, more: () => (pages?.next && !loading.current ? load(pages) : Promise.resolve()) }
}
