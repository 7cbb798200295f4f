// The checks an order passes before the database is asked anything: the
// record's shape and values (orderRecord.ts) and its content hash. Pure, so
// the import runs them on another thread while the main one stores orders.
import { contentHash, describeIssues, OrderRecord } from '../orderRecord'
import type { Words } from '../../../../shared/words'
import type { RawOrder } from '../parseOrderFile'
import { invalidOrder, problemWords } from './failureWords'
import { quickOrderRecord } from './quickCheck'

/** What the failed-imports list keeps of a record, so it can be retried as it came. */
export type FailedPayload = { kind: 'order' | 'product'; record: unknown; problem?: string }

/**
 * An order after its checks that need no database: the record and its hash,
 * or why it fails (as catalogue words, ./failureWords.ts: the storing thread
 * words them in English). `payload` is the FailedPayload as JSON text: only a failure
 * reads it, and text crosses to the storing thread at a fraction of the cost.
 */
export type CheckedOrder = { payload: string; omsOrderId: string | null } & (
  { record: OrderRecord; hash: string } | { record: null; words: Words }
)

export function checkOrder(raw: RawOrder): CheckedOrder {
  const payload = failedPayload(raw)
  const omsOrderId = typeof raw.record.oms_order_id === 'string' ? raw.record.oms_order_id : null
  if (raw.problem) return { payload, omsOrderId, record: null, words: problemWords(raw.problem) }
  // Most orders pass: the quick road gives the schema's result for them; the schema words any refusal.
  const quick = quickOrderRecord(raw.record)
  if (quick) return { payload, omsOrderId, record: quick, hash: contentHash(quick) }
  const parsed = OrderRecord.safeParse(raw.record)
  if (!parsed.success) return { payload, omsOrderId, record: null, words: invalidOrder(describeIssues(parsed.error)) }
  return { payload, omsOrderId, record: parsed.data, hash: contentHash(parsed.data) }
}

/**
 * The FailedPayload of an order as JSON text. A record read from a JSON file comes with its own text: that
 * text stands for the record (the list keeps what JSON.parse reads from it, the same record), and writing
 * every record out again cost the reader's thread about a microsecond an order.
 */
function failedPayload({ record, problem, text }: RawOrder): string {
  if (text !== undefined && problem === undefined) return `{"kind":"order","record":${text}}`
  return JSON.stringify({ kind: 'order', record, problem } satisfies FailedPayload)
}
