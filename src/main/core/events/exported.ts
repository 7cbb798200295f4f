// What the station reports to the OMS: one zod schema per exported event
// type, for the payload of its outbox row. The relay wraps each payload in
// { id, type, stationId, operator, at, omsOrderId, payload } (docs/oms-api.yaml).
import { z } from 'zod'

const orderRef = { omsOrderId: z.string(), orderNumber: z.string() }
const by = z.object({ id: z.number().int(), name: z.string() })
const dimensionsMm = z.object({ length: z.number().int(), width: z.number().int(), height: z.number().int() })

export const ExportedUnit = z.object({
  unitId: z.string(),
  lineId: z.string(),
  sku: z.string(),
  /** null for a non-serialized unit. */
  serial: z.string().nullable(),
  /** The second IMEI of a dual-IMEI device. */
  serial2: z.string().nullable(),
  entryMethod: z.enum(['scanned', 'typed'])
})

const statusChange = z.object({
  ...orderRef,
  from: z.string(),
  to: z.string(),
  at: z.string(),
  operatorId: z.number().int().nullable()
})

export const exportedEvents = {
  'box.confirmed': z.object({
    ...orderRef,
    boxId: z.string(),
    boxNumber: z.number().int(),
    sscc: z.string().nullable(),
    presetName: z.string().nullable(),
    dimensionsMm: dimensionsMm.nullable(),
    weightG: z.number().int().nullable(),
    units: z.array(ExportedUnit)
  }),
  'box.reopened': z.object({ ...orderRef, boxId: z.string(), boxNumber: z.number().int() }),
  'box.voided': z.object({
    ...orderRef,
    boxId: z.string(),
    boxNumber: z.number().int(),
    reason: z.string(),
    approvedBy: by,
    units: z.array(ExportedUnit)
  }),
  'unit.removed': z.object({
    ...orderRef,
    boxId: z.string().nullable(),
    boxNumber: z.number().int().nullable(),
    reason: z.string(),
    approvedBy: by,
    unit: ExportedUnit
  }),
  'order.unpacked_after_cancel': z.object({
    ...orderRef,
    boxId: z.string().nullable(),
    boxNumber: z.number().int().nullable(),
    unit: ExportedUnit
  }),
  'order.on_hold': statusChange,
  'order.ready': statusChange,
  'order.in_progress': statusChange,
  'order.cancelled': statusChange,
  'order.packed': statusChange.extend({
    boxes: z.array(
      z.object({ boxId: z.string(), number: z.number().int(), sscc: z.string().nullable(), serials: z.array(z.string().nullable()) })
    ),
    /** Set when a bulk `partial` order shipped short with a shift lead's approval. */
    short: z
      .object({
        approvedBy: by,
        /** `open`: the OMS keeps the rest of the order open for a later shipment; `closed`: the rest is not shipped. */
        remainder: z.enum(['closed', 'open']),
        lines: z.array(z.object({ lineId: z.string(), sku: z.string(), ordered: z.number().int(), packed: z.number().int() }))
      })
      .optional()
  }),
  'order.shipped': statusChange.extend({
    carrier: z.string(),
    service: z.string(),
    trackingNumber: z.string(),
    trackingUrl: z.string().nullable()
  }),
  'return.received': z.object({
    ...orderRef,
    returnId: z.string(),
    units: z.array(z.object({ serial: z.string(), unitId: z.string().nullable(), flag: z.string().nullable() }))
  })
} as const

export type ExportedEventType = keyof typeof exportedEvents
export type ExportedPayload<T extends ExportedEventType> = z.input<(typeof exportedEvents)[T]>

export function isExportedEventType(type: string): type is ExportedEventType {
  return Object.hasOwn(exportedEvents, type)
}
