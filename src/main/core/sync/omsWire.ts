// What travels between the station and the OMS (docs/oms-api.yaml), as zod
// schemas: every answer the OMS gives is parsed here before the station acts on it.
// Orders keep the OMS's own field names (snake_case, as in order files);
// events are the station's (camelCase), as the contract documents.
import { z } from 'zod'

export const API_PREFIX = '/v1'

/** The version of docs/oms-api.yaml this station speaks (its `info.version`; a test keeps the two equal). */
export const CONTRACT_VERSION = '1.2.0'
/** Every request names its station and the contract version it speaks; the OMS answers with its own version. */
export const STATION_HEADER = 'x-station-id'
export const VERSION_HEADER = 'x-contract-version'

/** The major version of a `1.2.3` version text; null when it is not one. */
export const majorVersion = (version: string | null | undefined): number | null => {
  const match = /^(\d+)\.\d+\.\d+$/.exec(version?.trim() ?? '')
  return match ? Number(match[1]) : null
}

/** One event as the station sends it; `id` is the idempotency key the OMS dedupes on. */
export const WireEvent = z.object({
  id: z.string().min(1).max(100),
  type: z.string().min(1).max(100),
  stationId: z.string().min(1).max(100),
  operator: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  at: z.string().min(1),
  omsOrderId: z.string().nullable(),
  payload: z.unknown()
})
export type WireEvent = z.infer<typeof WireEvent>

export const EventBatch = z.object({ stationId: z.string().min(1), events: z.array(WireEvent).min(1).max(500) })
export type EventBatch = z.infer<typeof EventBatch>

export const EventResult = z.discriminatedUnion('status', [
  z.object({ id: z.string(), status: z.literal('accepted') }),
  z.object({ id: z.string(), status: z.literal('duplicate') }),
  z.object({ id: z.string(), status: z.literal('rejected'), reason: z.string().min(1) })
])
export type EventResult = z.infer<typeof EventResult>

export const EventBatchAnswer = z.object({ results: z.array(EventResult) })
export type EventBatchAnswer = z.infer<typeof EventBatchAnswer>

/**
 * One page of the incremental pull. Orders stay raw records here: they go
 * through the station's own import validation (and the failed-imports list).
 */
export const PullPage = z.object({
  orders: z.array(z.record(z.string(), z.unknown())),
  products: z.array(z.unknown()).optional().default([]),
  next_cursor: z.string().min(1),
  has_more: z.boolean()
})
export type PullPage = z.infer<typeof PullPage>

export const OrderStatusAnswer = z.object({
  oms_order_id: z.string(),
  status: z.string().min(1),
  updated_at: z.string().optional()
})
export type OrderStatusAnswer = z.infer<typeof OrderStatusAnswer>

/** An OMS status that means the order was cancelled. */
export const isCancelledStatus = (status: string | null | undefined): boolean => {
  const s = status?.toLowerCase()
  return s === 'cancelled' || s === 'canceled'
}
