import { useCallback, useEffect, useRef, useState } from 'react'
import type { OrderCursor, OrderStatus, OrderSummary } from '../../../../shared/orders'
import { station } from '../../api'
import { errorMessage } from '../../useAction'

/** The Orders screen's filters: the search text, a status, and '' (any operator), 'me' or an operator id. */
export type OrderFilters = { query: string; status: OrderStatus | null; assignedTo: string }

/** Rows fetched per page: a few screens' worth, so scrolling rarely waits. */
export const PAGE_SIZE = 200

/** The station's order query for these filters. */
export function orderQuery({ query, status, assignedTo }: OrderFilters, limit: number, cursor?: OrderCursor) {
  const assigned = assignedTo === '' ? undefined : assignedTo === 'me' ? ('me' as const) : Number(assignedTo)
  return { query: query.trim() || undefined, status: status ?? undefined, assignedTo: assigned, limit, cursor }
}

/**
 * The orders matching the filters, a page at a time: the first page a moment
 * after the last keystroke, the next ones when the table scrolls near its end
 * (`loadMore`). `more` is true while the station has more to list. Also the
 * ticked orders, and whether the station has no orders at all.
 */
export function useOrderList(filters: OrderFilters) {
  const { query, status, assignedTo } = filters
  const [orders, setOrders] = useState<OrderSummary[] | null>(null)
  const [cursor, setCursor] = useState<OrderCursor | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [empty, setEmpty] = useState(false)
  const [selected, setSelected] = useState<Set<number>>(new Set())
  const [version, setVersion] = useState(0)
  // Answers to an older list (other filters, a reload) are dropped; one page is fetched at a time.
  const generation = useRef(0)
  const loading = useRef(false)

  /**
   * Fetches pages after `from` until one brings rows or the list ends: a page may come back short (even
   * empty) when the station turned rows away within its bounded read, and then the next one goes on.
   */
  const fetchFrom = useCallback(
    async (from: OrderCursor | undefined, mine: number) => {
      let after = from
      for (;;) {
        const page = await station.orders.list(orderQuery({ query, status, assignedTo }, PAGE_SIZE, after))
        if (generation.current !== mine) return
        const fresh = page.orders
        const appending = after !== undefined
        setOrders((shown) => {
          if (!appending || !shown) return fresh
          // An order that moved while the operator scrolled (say it left their orders to pack) is listed once.
          const known = new Set(shown.map((o) => o.id))
          return [...shown, ...fresh.filter((o) => !known.has(o.id))]
        })
        setCursor(page.nextCursor)
        if (!appending) {
          // An unfiltered list with no rows: the station has no orders at all.
          setEmpty(!query.trim() && !status && !assignedTo && fresh.length === 0)
          // Orders no longer listed cannot stay selected.
          setSelected((sel) => new Set(fresh.filter((r) => sel.has(r.id)).map((r) => r.id)))
        }
        setError(null)
        if (fresh.length > 0 || !page.nextCursor) return
        after = page.nextCursor
      }
    },
    [query, status, assignedTo]
  )

  const run = useCallback(
    (from: OrderCursor | undefined) => {
      const mine = generation.current
      loading.current = true
      fetchFrom(from, mine)
        .catch((e) => generation.current === mine && setError(errorMessage(e)))
        .finally(() => {
          if (generation.current === mine) loading.current = false
        })
    },
    [fetchFrom]
  )

  useEffect(() => {
    const mine = ++generation.current
    // Until the first page of these filters arrives, the old list's cursor means nothing.
    loading.current = true
    setCursor(null)
    const timer = setTimeout(() => generation.current === mine && run(undefined), 120)
    return () => clearTimeout(timer)
  }, [run, version])

  const loadMore = useCallback(() => {
    if (cursor && !loading.current) run(cursor)
  }, [cursor, run])

  return {
    orders,
    more: cursor !== null,
    loadMore,
    error,
    setError,
    empty,
    selected,
    setSelected,
    reload: () => setVersion((v) => v + 1)
  }
}
