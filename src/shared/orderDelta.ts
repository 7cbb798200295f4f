// What changed on an order: the answer to a scan, Save, reopen, remove, void
// and unpack. It carries only what the action touched (the units, the lines
// whose counts moved, the boxes, the new history) so its size and cost do not
// grow with the units already on the order; the screen applies it to the
// order it fetched when it opened (`applyOrderDelta`).
import { z } from 'zod'
import { Box, OrderEvent, OrderLine, OrderStatus, ScannedUnit, type OrderDetail } from './orders'
import { id } from './primitives'

/** A box without its units: `unitCount` is exact, the units are where the order's state says. */
export const BoxHeader = Box.omit({ units: true })
export type BoxHeader = z.infer<typeof BoxHeader>

export const OrderDelta = z.object({
  orderId: id,
  /** The order's own fields an action on its units can change. */
  status: OrderStatus,
  omsStatus: z.string().nullable(),
  scannedQuantity: z.number().int(),
  /** The lines whose counts changed, whole. */
  lines: z.array(OrderLine),
  /** Units new on the order (scanned now): they are loose until a Save boxes them. */
  added: z.array(ScannedUnit),
  /** Units that left the order (removed with approval, in a voided box, unpacked). */
  removed: z.array(z.string()),
  /** Save: every loose unit of the order went into this box. */
  boxedInto: z.string().nullable(),
  /** Boxes created or changed (saved, confirmed, reopened, voided), without their units. */
  boxes: z.array(BoxHeader),
  /** History recorded by the action, oldest first. */
  events: z.array(OrderEvent)
})
export type OrderDelta = z.infer<typeof OrderDelta>

type Unit = z.infer<typeof ScannedUnit>

/** The order's own unit order: scan time, then id (as the station lists them). */
const byScan = (a: Unit, b: Unit) =>
  a.scannedAt < b.scannedAt ? -1 : a.scannedAt > b.scannedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

/** Where `unit` goes in `units` (in `byScan` order): the first place whose unit is not before it. */
function placeOf(units: Unit[], unit: Unit): number {
  let lo = 0
  let hi = units.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (byScan(units[mid], unit) < 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * `units` (in `byScan` order) with `added` put in their places, leaving out those already there. Each is
 * found by a binary search rather than a set of every id and a sort of the whole list: a scan on a
 * 2,000-unit order adds one unit, and this runs while the operator waits for the screen (issue 10).
 */
function withUnits(units: Unit[], added: Unit[]): Unit[] {
  let out = units
  for (const unit of added) {
    const at = placeOf(out, unit)
    if (out[at]?.id === unit.id) continue
    if (out === units) out = units.slice()
    out.splice(at, 0, unit)
  }
  return out
}

/**
 * The order after `delta`, as a fresh fetch would answer it. A delta for
 * another order leaves `order` as it is.
 */
export function applyOrderDelta(order: OrderDetail, delta: OrderDelta): OrderDetail {
  if (order.id !== delta.orderId) return order
  const gone = new Set(delta.removed)
  const keep = (units: Unit[]) => (gone.size ? units.filter((u) => !gone.has(u.id)) : units)
  let loose = withUnits(
    keep(order.looseUnits),
    delta.added.filter((u) => !gone.has(u.id))
  )

  const headers = new Map(delta.boxes.map((b) => [b.id, b]))
  // A plain scan leaves the boxes as they were (the same array: a screen need not redraw them).
  const boxesChange = headers.size > 0 || gone.size > 0 || delta.boxedInto !== null
  let boxes = boxesChange
    ? order.boxes.map((box) => {
        const header = headers.get(box.id)
        let units = keep(box.units)
        if (delta.boxedInto === box.id) units = [...units, ...loose].sort(byScan)
        return header ? { ...header, units } : units === box.units ? box : { ...box, units }
      })
    : order.boxes
  const newBoxes = delta.boxes.filter((b) => !order.boxes.some((o) => o.id === b.id))
  if (newBoxes.length) {
    boxes = [...boxes, ...newBoxes.map((b) => ({ ...b, units: delta.boxedInto === b.id ? loose : [] }))].sort((a, b) => a.number - b.number)
  }
  if (delta.boxedInto !== null) loose = []

  const lines = new Map(delta.lines.map((l) => [l.id, l]))
  const seen = new Set(delta.events.length ? order.events.map((e) => e.id) : [])
  const events = delta.events.filter((e) => !seen.has(e.id))
  return {
    ...order,
    status: delta.status,
    omsStatus: delta.omsStatus,
    scannedQuantity: delta.scannedQuantity,
    lines: lines.size ? order.lines.map((l) => lines.get(l.id) ?? l) : order.lines,
    looseUnits: loose,
    boxes,
    events: events.length
      ? [...order.events, ...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      : order.events
  }
}
