// orders:* — the orders list and detail, file import, and holds set or
// released by a shift lead.
import type { HandlersOf, StationContext } from '../context'
import { approveByShiftLead } from '../operators/approval'
import { listFailedImports } from './failedImports'
import { holdOrder, releaseOrder } from './holds'
import { importOrderFile, retryFailedImport } from './importOrders'
import { getOrderDetail, listOrders } from './queries'

export function orderHandlers({ db, clock, signedIn, operator, releaseHolds, notify }: StationContext): HandlersOf<'orders'> {
  const importContext = () => ({ db, clock, operatorId: signedIn()?.id ?? null })
  const byShiftLead = (approval: { badgeCode: string; pin: string }, reason: string, action: string) => {
    const by = operator()
    const lead = approveByShiftLead(db, clock, approval, action)
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
    'orders:import': ({ fileName, content }) => importOrderFile(importContext(), fileName, content),
    'orders:failedImports': () => listFailedImports(db),
    'orders:retryFailedImport': ({ id }) => retryFailedImport(importContext(), id),
    'orders:hold': ({ orderId, approval, reason }) => {
      holdOrder(db, clock, orderId, byShiftLead(approval, reason, 'putting an order on hold'))
      notify('orders:changed', { orderIds: [orderId] })
      return getOrderDetail(db, orderId)
    },
    'orders:release': ({ orderId, approval, reason }) => {
      releaseOrder(db, clock, orderId, byShiftLead(approval, reason, 'releasing an order from hold'))
      notify('orders:changed', { orderIds: [orderId] })
      return getOrderDetail(db, orderId)
    }
  }
}
