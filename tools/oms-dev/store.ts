// The stand-in OMS's memory: orders with a change sequence (the pull cursor),
// products, and every event it accepted, deduplicated by id. Its rejection
// rules are the ones a real OMS has: an IMEI another station already shipped,
// packing reported for an order cancelled meanwhile, serials an operator of
// the stand-in blocked by hand.
import type { EventResult, PullPage, WireEvent } from '../../src/main/core/sync/omsWire'

type OrderRecord = Record<string, unknown> & { oms_order_id: string; oms_status?: string | null }
type Stored = { record: OrderRecord; seq: number; updatedAt: string }
export type Received = { event: WireEvent; receivedAt: string }

export type Tally = { accepted: number; duplicate: number; rejected: number }

export class OmsStore {
  private seq = 0
  private readonly orders = new Map<string, Stored>()
  private products: Record<string, unknown>[] = []
  /** Accepted events, by id, in the order they arrived. */
  readonly received = new Map<string, Received>()
  readonly tally: Tally = { accepted: 0, duplicate: 0, rejected: 0 }
  readonly rejections: { id: string; reason: string }[] = []
  private readonly shippedSerials = new Map<string, string>()
  private readonly blockedSerials = new Map<string, string>()

  constructor(private readonly now: () => Date = () => new Date()) {}

  putProducts(products: Record<string, unknown>[]): void {
    const bySku = new Map(this.products.map((p) => [String(p.sku), p]))
    for (const p of products) bySku.set(String(p.sku), p)
    this.products = [...bySku.values()]
  }

  /** Adds or replaces an order; it is pulled again from the next cursor on. */
  putOrder(record: OrderRecord): void {
    this.orders.set(record.oms_order_id, { record: structuredClone(record), seq: ++this.seq, updatedAt: this.now().toISOString() })
  }

  /** Holds, releases or cancels an order (status `held`, `released`, `cancelled`…). */
  setStatus(omsOrderId: string, status: string): boolean {
    const stored = this.orders.get(omsOrderId)
    if (!stored) return false
    this.putOrder({ ...stored.record, oms_status: status })
    return true
  }

  status(omsOrderId: string): { oms_order_id: string; status: string; updated_at: string } | null {
    const stored = this.orders.get(omsOrderId)
    if (!stored) return null
    return { oms_order_id: omsOrderId, status: stored.record.oms_status ?? 'open', updated_at: stored.updatedAt }
  }

  /** Orders changed after `cursor` (an opaque sequence number), oldest change first. */
  page(cursor: string | null, limit: number): PullPage {
    const after = cursor === null ? 0 : Number(cursor)
    const changed = [...this.orders.values()].filter((o) => o.seq > (Number.isFinite(after) ? after : 0)).sort((a, b) => a.seq - b.seq)
    const page = changed.slice(0, limit)
    const skus = new Set(page.flatMap((o) => ((o.record.lines as { sku?: unknown }[] | undefined) ?? []).map((l) => String(l.sku))))
    return {
      orders: page.map((o) => structuredClone(o.record)),
      products: this.products.filter((p) => skus.has(String(p.sku))),
      next_cursor: String(page.at(-1)?.seq ?? (Number.isFinite(after) ? after : 0)),
      has_more: changed.length > page.length
    }
  }

  blockSerials(serials: string[], reason: string): void {
    for (const s of serials) this.blockedSerials.set(s, reason)
  }

  /** Applies a batch in order; an id already accepted is a duplicate, a rejected one is judged afresh. */
  receive(events: WireEvent[]): EventResult[] {
    return events.map((event) => {
      if (this.received.has(event.id)) {
        this.tally.duplicate++
        return { id: event.id, status: 'duplicate' as const }
      }
      const reason = this.rejectionOf(event)
      if (reason) {
        this.tally.rejected++
        this.rejections.push({ id: event.id, reason })
        return { id: event.id, status: 'rejected' as const, reason }
      }
      this.received.set(event.id, { event, receivedAt: this.now().toISOString() })
      for (const serial of serialsOf(event)) this.shippedSerials.set(serial, event.stationId)
      this.tally.accepted++
      return { id: event.id, status: 'accepted' as const }
    })
  }

  private rejectionOf(event: WireEvent): string | null {
    for (const serial of serialsOf(event)) {
      const blocked = this.blockedSerials.get(serial)
      if (blocked) return blocked
      const station = this.shippedSerials.get(serial)
      if (station && station !== event.stationId) return `IMEI ${serial} was already shipped by station ${station}`
    }
    if (event.type === 'order.packed' && event.omsOrderId) {
      const status = this.orders.get(event.omsOrderId)?.record.oms_status?.toLowerCase()
      if (status === 'cancelled' || status === 'canceled') return `order ${event.omsOrderId} was cancelled in the OMS before it was packed`
    }
    return null
  }
}

/** The serials a box.confirmed event reports. */
function serialsOf(event: WireEvent): string[] {
  if (event.type !== 'box.confirmed') return []
  const units = (event.payload as { units?: { serial?: unknown; serial2?: unknown }[] } | null)?.units ?? []
  return units.flatMap((u) => [u.serial, u.serial2]).filter((s): s is string => typeof s === 'string' && s.length > 0)
}
