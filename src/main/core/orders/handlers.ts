// orders:* — the orders list and detail, file import, and holds set or
// released by a shift lead.
import type { HandlersOf, StationContext } from '../context'
import { approverOf, type Call } from '../access/guard'
import { listFailedImports } from './failedImports'
import { holdOrder, releaseOrder } from './holds'
import { importHandlers } from './import/importHandlers'
import { retryFailedImport } from './importOrders'
import { listOrders } from './orderList'
import { getOrderDetail } from './queries'

export function orderHandlers(context: StationContext): HandlersOf<'orders'> {
  const { db, clock, signedIn, operator, releaseHolds, notify } = context
  const importContext = () => ({ db, clock, operatorId: signedIn()?.id ?? null })
  /** Holds are `approval` channels: the guard checked the shift lead's badge and PIN. */
  const byShiftLead = (call: Call, reason: string) => {
    const by = operator()
    const lead = approverOf(call)
    return { operatorId: by.id, approvedBy: { id: lead.id, name: lead.name }, reason }
  }
  return {
    'orders:list': (args) => {
      releaseHolds()
      // The signed-in operator: `assignedTo: 'me'`, and the orders they pack come first.
      return listOrders(db, args, signedIn()?.id ?? null)
    },
    'orders:get': ({ orderId }) => {
      releaseHolds()
      return getOrderDetail(db, orderId)
    },
    ...importHandlers(context),
    'orders:failedImports': (query) => listFailedImports(db, query),
    'orders:retryFailedImport': ({ id }) => retryFailedImport(importContext(), id),
    'orders:hold': ({ orderId, reason }, call) => {
      holdOrder(db, clock, orderId, byShiftLead(call, reason))
      notify('orders:changed', { orderIds: [orderId] })
      return getOrderDetail(db, orderId)
    },
    'orders:release': ({ orderId, reason }, call) => {
      releaseOrder(db, clock, orderId, byShiftLead(call, reason))
      notify('orders:changed', { orderIds: [orderId] })
      return getOrderDetail(db, orderId)
    }
  }
}
