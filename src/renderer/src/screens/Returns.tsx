import type { Navigate } from './routes'
import { FindShippedOrder } from './returns/FindShippedOrder'
import { ReturnParcel } from './returns/ReturnParcel'

/**
 * Returns (SPEC §6): find the shipped order (order number, channel order id
 * or any IMEI of the parcel), scan the returned units one by one, then
 * Record return stores the parcel whole. A unit that was not shipped in the
 * order is flagged loudly and recorded with its flag: the parcel is here.
 */
export function ReturnsScreen({ orderId, navigate }: { orderId?: number; navigate: Navigate }) {
  if (orderId === undefined) return <FindShippedOrder navigate={navigate} />
  return <ReturnParcel key={orderId} orderId={orderId} navigate={navigate} />
}
