// The channels of shipping, returns and IMEI history (SPEC §6): record the
// carrier and tracking number of a packed order, scan a returned parcel
// against the order it shipped in, and follow one IMEI through the station.
import { z } from 'zod'
import { OrderRef } from '../schemas'
import { HistoryRequest, RecordReturnRequest, ReturnCheck, ReturnCheckRequest, ReturnRecord, SerialHistory, ShipRequest, ShipResult } from '../schemas/shipping'

export const shippingChannels = {
  'shipping:ship': { args: ShipRequest, result: ShipResult },

  /** One scanned serial against the order: nothing is written. */
  'returns:check': { args: ReturnCheckRequest, result: ReturnCheck },
  /** The whole parcel at once: the return, its units and the OMS event in one transaction. */
  'returns:record': { args: RecordReturnRequest, result: ReturnRecord },
  'returns:list': { args: OrderRef, result: z.array(ReturnRecord) },

  'history:serial': { args: HistoryRequest, result: SerialHistory }
} as const
