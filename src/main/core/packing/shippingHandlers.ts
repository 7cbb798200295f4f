// shipping:*, returns:* and history:* — ship a packed order, scan a returned
// parcel against the order it shipped in, and follow one IMEI through the station.
import type { HandlersOf, StationContext } from '../context'
import { serialHistory } from '../history/serialHistory'
import { getOrderDetail } from '../orders/queries'
import { checkReturn } from '../returns/checkReturn'
import { listReturns } from '../returns/listReturns'
import { recordReturn } from '../returns/recordReturn'
import { getSetting } from '../settings/settings'
import { shipOrder } from './shipping'
import { english, type Words } from '../errors'

type ShippingHandlers = HandlersOf<'shipping'> & HandlersOf<'returns'> & HandlersOf<'history'>

export function shippingHandlers(context: StationContext): ShippingHandlers {
  const { db, clock, operator } = context
  const affixes = () => getSetting(db, 'scannerAffixes')
  return {
    'shipping:ship': async (args) => {
      const shipment = shipOrder(db, clock, affixes(), args, operator().id)
      // The shipment is committed; the label prints when the settings say so, and a printer fault is a failed print job, never a failed shipment.
      await context.hooks.orderShipped(args.orderId)
      const order = getOrderDetail(db, args.orderId)
      const params = {
        orderNumber: order.orderNumber,
        carrier: shipment.carrier,
        service: shipment.service,
        trackingNumber: shipment.trackingNumber
      }
      const words: Words = shipment.trackingUrl
        ? { key: 'answers:shipping.shippedWithUrl', params: { ...params, trackingUrl: shipment.trackingUrl } }
        : { key: 'answers:shipping.shipped', params }
      return { message: english(words), words, order }
    },

    'returns:check': (args) => {
      operator()
      return checkReturn(db, affixes(), args)
    },
    'returns:record': ({ orderId, serials, note }) => recordReturn(db, clock, affixes(), { orderId, serials, note }, operator().id),
    'returns:list': ({ orderId }) => listReturns(db, orderId),

    'history:serial': ({ input }) => serialHistory(db, affixes(), input)
  }
}
