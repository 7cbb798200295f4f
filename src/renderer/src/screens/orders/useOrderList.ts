import { useCallback, useEffect, useRef, useState } from 'react'
import type { OrderCursor, OrderStatus, OrderSummary } from '../../../../shared/orders'
import { station } from '../../api'
import { errorMessage } from '../../useAction'

/** The Orders screen's filters: the search text, a status, and '' (any operator), 'me' or an operator id. */
export type OrderFilters = { query: string; status: OrderStatus | null; assignedTo: string }

/** Rows fetched per page: a few screens' worth, so scrolling rarely waits. */
export const PAGE_SIZE = 200
/** The most rows one call may ask for (the contract's limit). */
const MAX_PAGE = 500
/** How long the list waits after a change for more changes (a pull notifies one batch after another). */
const CHANGES_SETTLE_MS = 300

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
   * Pages after `from` (a page size or more each) until `want` rows came or the list ended: a page may
   * come back short (even empty) when the station turned rows away within its bounded read, and then the
   * next one goes on. Null when a newer list (other filters, a reload, a change) took over meanwhile.
   */
  const pagesFrom = useCallback(
    async (from: OrderCursor | undefined, want: number, mine: number) => {
      const rows: OrderSummary[] = []
      let after = from
      for (;;) {
        const limit = Math.min(MAX_PAGE, Math.max(PAGE_SIZE, want - rows.length))
        const page = await station.orders.list(orderQuery({ query, status, assignedTo }, limit, after))
        if (generation.current !== mine) return null
        // An order that moved between two pages is listed once.
        const known = new Set(rows.map((o) => o.id))
        rows.push(...page.orders.filter((o) => !known.has(o.id)))
        if (rows.length >= want || !page.nextCursor) return { rows, next: page.nextCursor }
        after = page.nextCursor
      }
    },
    [query, status, assignedTo]
  )

  /** Shows `rows` as the list from its start (`appending`: after the rows shown), `next` where it goes on. */
  const show = useCallback(
    (rows: OrderSummary[], next: OrderCursor | null, appending: boolean) => {
      setOrders((shown) => {
        if (!appending || !shown) return rows
        // An order that moved while the operator scrolled (say it left their orders to pack) is listed once.
        const known = new Set(shown.map((o) => o.id))
        return [...shown, ...rows.filter((o) => !known.has(o.id))]
      })
      setCursor(next)
      if (!appending) {
        // An unfiltered list with no rows: the station has no orders at all.
        setEmpty(!query.trim() && !status && !assignedTo && rows.length === 0)
        // Orders no longer listed cannot stay selected.
        setSelected((sel) => new Set(rows.filter((r) => sel.has(r.id)).map((r) => r.id)))
      }
      setError(null)
    },
    [query, status, assignedTo]
  )

  /** Fetches `want` rows after `from` (none: the list from its start) and shows them; one fetch at a time. */
  const run = useCallback(
    (from: OrderCursor | undefined, want: number, mine = generation.current) => {
      loading.current = true
      pagesFrom(from, want, mine)
        .then((got) => got && show(got.rows, got.next, from !== undefined))
        .catch((e) => generation.current === mine && setError(errorMessage(e)))
        .finally(() => {
          if (generation.current === mine) loading.current = false
        })
    },
    [pagesFrom, show]
  )

  useEffect(() => {
    const mine = ++generation.current
    // Until the first page of these filters arrives, the old list's cursor means nothing.
    loading.current = true
    setCursor(null)
    const timer = setTimeout(() => generation.current === mine && run(undefined, 1, mine), 120)
    return () => clearTimeout(timer)
  }, [run, version])

  // Orders change while the screen is open (an OMS pull, a cancel, a claim, an assignment on another
  // screen): the rows already loaded are fetched again from the start, as many as were shown, a moment
  // after the last change, so the list shows them as they are now and stays where the operator scrolled.
  const shownCount = useRef(0)
  shownCount.current = orders?.length ?? 0
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const off = station.on('orders:changed', () => {
      clearTimeout(timer)
      timer = setTimeout(() => run(undefined, Math.max(PAGE_SIZE, shownCount.current), ++generation.current), CHANGES_SETTLE_MS)
    })
    return () => {
      off()
      clearTimeout(timer)
    }
  }, [run])

  const loadMore = useCallback(() => {
    if (cursor && !loading.current) run(cursor, 1)
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
