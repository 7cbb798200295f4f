import { useEffect, useState } from 'react'
import type { OrderStatus, OrderSummary } from '../../../../shared/orders'
import { station } from '../../api'
import { errorMessage } from '../../useAction'

/** The Orders screen's filters: the search text, a status, and '' (any operator), 'me' or an operator id. */
export type OrderFilters = { query: string; status: OrderStatus | null; assignedTo: string }

/** The station's order query for these filters. */
export function orderQuery({ query, status, assignedTo }: OrderFilters, limit: number) {
  const assigned = assignedTo === '' ? undefined : assignedTo === 'me' ? ('me' as const) : Number(assignedTo)
  return { query: query || undefined, status: status ?? undefined, assignedTo: assigned, limit }
}

/**
 * The orders matching the filters (fetched a moment after the last keystroke), the ticked ones
 * among them, and whether the station has no orders at all.
 */
export function useOrderList({ query, status, assignedTo }: OrderFilters) {
  const [orders, setOrders] = useState<OrderSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [empty, setEmpty] = useState(false)
  const [selected, setSelected] = useState<Set<number>>(new Set())
  const [version, setVersion] = useState(0)

  useEffect(() => {
    let current = true
    const timer = setTimeout(() => {
      station.orders
        .list(orderQuery({ query, status, assignedTo }, 500))
        .then((rows) => {
          if (!current) return
          setOrders(rows)
          setError(null)
          // An unfiltered list with no rows: the station has no orders at all.
          setEmpty(!query && !status && !assignedTo && rows.length === 0)
          // Orders no longer listed cannot stay selected.
          setSelected((sel) => new Set(rows.filter((r) => sel.has(r.id)).map((r) => r.id)))
        })
        .catch((e) => current && setError(errorMessage(e)))
    }, 120)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [query, status, assignedTo, version])

  return { orders, error, setError, empty, selected, setSelected, reload: () => setVersion((v) => v + 1) }
}
