// The day the simulation plays, decided before it starts (and repeatable from
// its seed): the orders the OMS holds, the devices on the shelves (an IMEI per
// unit), which station's operator packs which orders, and the trouble: the
// same order opened at two stations, an IMEI another station already packed,
// network cuts and station restarts.
import { luhnCheckDigit } from '../../src/main/core/scanning/serial'

export type Product = { sku: string; name: string; tac: string }

export type PlannedOrder = {
  omsOrderId: string
  orderNumber: string
  sku: string
  quantity: number
  /** The OMS's record (the contract's Order), as the stand-in serves it. */
  record: Record<string, unknown>
}

/**
 * What an operator waits for before opening a job's order: `together` — the other station reached the same
 * order, and both open it at once; `packed` — the other station packed the order (and its events reached the OMS).
 */
export type Cue = { kind: 'together'; station: number; omsOrderId: string } | { kind: 'packed'; station: number; omsOrderId: string }

/** One order at one station's packing table: the IMEIs its operator picks for it, in scan order. */
export type Job = {
  omsOrderId: string
  orderNumber: string
  sku: string
  imeis: string[]
  /** This job opens an order another station packs too (the claims path). */
  sameOrderAs: number | null
  /** The station's shift lead assigned the order to its packer (Assign Operator); not so for the second station of a same-order pair. */
  assigned: boolean
  /** Its first IMEI is one another station packs first (the ledger path). */
  collidesWith: { station: number; omsOrderId: string; imei: string } | null
  cue: Cue | null
}

export type Trouble = { station: number; afterScans: number }

export type Plan = {
  products: Product[]
  orders: PlannedOrder[]
  /** Per station (index), its operator's jobs in order. */
  jobs: Job[][]
  /** Spare devices per SKU, taken when a planned IMEI is refused as live elsewhere. */
  spares: Map<string, string[]>
  cuts: Trouble[]
  restarts: Trouble[]
  sameOrderPairs: number
  reopenedPacked: number
  imeiCollisions: number
}

export type PlanOptions = {
  stations: number
  orders: number
  seed: number
  cuts: number
  restarts: number
  /** Orders opened at two stations at once. */
  sameOrderPairs: number
  /** Orders opened at a second station after the first packed them. */
  reopenPacked: number
  imeiCollisions: number
}

const PRODUCTS: Product[] = [
  { sku: 'SIM-IP13-128-U', name: 'Apple iPhone 13 128GB (refurbished A)', tac: '35391611' },
  { sku: 'SIM-IP12-64-U', name: 'Apple iPhone 12 64GB (refurbished B)', tac: '35302611' },
  { sku: 'SIM-S21-128-U', name: 'Samsung Galaxy S21 128GB (used)', tac: '35262811' },
  { sku: 'SIM-PX7-128-U', name: 'Google Pixel 7 128GB (used)', tac: '35899911' }
]

/** mulberry32: a small seeded generator, so a run can be repeated exactly. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A valid IMEI: the TAC, a 6-digit serial number, the Luhn check digit. */
export function imeiOf(tac: string, n: number): string {
  const body = `${tac}${String(n).padStart(6, '0')}`
  return `${body}${luhnCheckDigit(body)}`
}

export function productRecords(): Record<string, unknown>[] {
  return PRODUCTS.map((p) => ({ sku: p.sku, name: p.name, serialized: true, condition: 'used', serial_kind: 'imei', tacs: [p.tac] }))
}

function orderRecord(n: number, product: Product, quantity: number, created: Date): Record<string, unknown> {
  return {
    oms_order_id: `SIM-${String(n).padStart(6, '0')}`,
    order_number: `WS-${n}`,
    channel: 'Web shop',
    channel_order_id: `WEB-${900000 + n}`,
    order_type: 'normal',
    ship_to: { name: `Customer ${n}`, street1: `${n} Harbour Road`, city: 'Hamburg', postal_code: '20457', country: 'DE' },
    carrier: 'DHL',
    service: 'Parcel',
    priority: 0,
    created_at: new Date(created.getTime() + n * 1000).toISOString(),
    lines: [{ line_id: 'L1', sku: product.sku, product_name: product.name, quantity, serialized: true, condition: 'used' }]
  }
}

export function makePlan(options: PlanOptions, now = new Date('2026-11-30T06:00:00Z')): Plan {
  const random = seeded(options.seed)
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!
  const serials = new Map(PRODUCTS.map((p) => [p.sku, 0]))
  const device = (sku: string) => {
    const n = serials.get(sku)! + 1
    serials.set(sku, n)
    return imeiOf(PRODUCTS.find((p) => p.sku === sku)!.tac, n)
  }

  const orders: PlannedOrder[] = []
  for (let n = 1; n <= options.orders; n++) {
    const product = pick(PRODUCTS)
    const quantity = 1 + Math.floor(random() * 4)
    const record = orderRecord(n, product, quantity, now)
    orders.push({ omsOrderId: String(record.oms_order_id), orderNumber: String(record.order_number), sku: product.sku, quantity, record })
  }

  // Every order has one station that packs it; its operator picks a device per unit.
  const jobs: Job[][] = Array.from({ length: options.stations }, () => [])
  orders.forEach((order, i) => {
    jobs[i % options.stations]!.push({
      omsOrderId: order.omsOrderId,
      orderNumber: order.orderNumber,
      sku: order.sku,
      imeis: Array.from({ length: order.quantity }, () => device(order.sku)),
      sameOrderAs: null,
      assigned: true,
      collidesWith: null,
      cue: null
    })
  })
  const stations = options.stations
  const touched = new Set<string>()

  /** Station b gets station a's job too, at `place` in its queue, with devices of its own (so only an order claim can tell). */
  const share = (a: number, job: Job, b: number, place: number, cue: (copy: Job) => Cue | null) => {
    touched.add(job.omsOrderId)
    const copy: Job = {
      ...job,
      imeis: job.imeis.map(() => device(job.sku)),
      sameOrderAs: a,
      assigned: false,
      collidesWith: null,
      cue: null
    }
    copy.cue = cue(copy)
    jobs[b]!.splice(Math.min(place, jobs[b]!.length), 0, copy)
    job.sameOrderAs = b
  }

  // The same order opened at two stations at once: the next station has it at the same place in its queue,
  // and each operator waits for the other there. The pairs of one round are disjoint ((0,1), (2,3)… shifted
  // by the round) and each round sits further down the queues, so no ring of stations waits on itself.
  let sameOrderPairs = 0
  const perRound = Math.max(1, Math.floor(stations / 2))
  for (let k = 0; k < options.sameOrderPairs && stations > 1; k++) {
    const round = Math.floor(k / perRound)
    const a = (round + 2 * (k % perRound)) % stations
    const b = (a + 1) % stations
    const place = Math.min(jobs[a]!.length - 1, 1 + round * 3)
    const job = jobs[a]![place]
    if (!job || touched.has(job.omsOrderId)) continue
    share(a, job, b, place, () => ({ kind: 'together', station: a, omsOrderId: job.omsOrderId }))
    job.cue = { kind: 'together', station: b, omsOrderId: job.omsOrderId }
    sameOrderPairs++
  }

  // An order opened at a second station after the first packed it: early in station a's queue, late in b's.
  let reopenedPacked = 0
  for (let k = 0; k < options.reopenPacked && stations > 1; k++) {
    const a = (k + 2) % stations
    const b = (a + 1) % stations
    const job = jobs[a]!.slice(0, Math.ceil(jobs[a]!.length / 2)).find((j) => !touched.has(j.omsOrderId))
    if (!job) continue
    share(a, job, b, Math.ceil(jobs[b]!.length / 2) + k, () => ({ kind: 'packed', station: a, omsOrderId: job.omsOrderId }))
    reopenedPacked++
  }

  // An IMEI another station packs first: a job late in station b's queue scans, first, a device that
  // station a packed early in its queue (same model, so only the serial ledger or the OMS can tell).
  let imeiCollisions = 0
  for (let k = 0; k < options.imeiCollisions && stations > 1; k++) {
    const a = (k + 1) % stations
    const b = (a + 1 + (k % (stations - 1))) % stations
    const early = jobs[a]!.slice(0, Math.ceil(jobs[a]!.length / 2)).filter((j) => !touched.has(j.omsOrderId))
    const late = jobs[b]!.slice(Math.ceil(jobs[b]!.length / 2)).filter((j) => !touched.has(j.omsOrderId))
    const pair = early.flatMap((v) => late.filter((c) => c.sku === v.sku).map((c) => [v, c] as const))[0]
    if (!pair) continue
    const [victim, collider] = pair
    touched.add(victim.omsOrderId)
    touched.add(collider.omsOrderId)
    collider.imeis[0] = victim.imeis[0]!
    collider.collidesWith = { station: a, omsOrderId: victim.omsOrderId, imei: victim.imeis[0]! }
    collider.cue = { kind: 'packed', station: a, omsOrderId: victim.omsOrderId }
    imeiCollisions++
  }

  // Spare devices: one per IMEI collision, a few more for safety.
  const spares = new Map(PRODUCTS.map((p) => [p.sku, Array.from({ length: imeiCollisions + 4 }, () => device(p.sku))]))

  // Trouble, placed by each station's own progress (its accepted scans), so it lands mid-run whatever the speed.
  const planned = (s: number) => jobs[s]!.reduce((sum, j) => sum + j.imeis.length, 0)
  const order = Array.from({ length: stations }, (_, s) => s)
  // Cuts from the first stations, restarts from the last, so one station rarely gets both.
  const cuts = order
    .slice(0, Math.min(options.cuts, stations))
    .map((s) => ({ station: s, afterScans: Math.max(1, Math.floor(planned(s) / 4)) }))
  const restarts = order
    .reverse()
    .slice(0, Math.min(options.restarts, stations))
    .map((s) => ({ station: s, afterScans: Math.max(1, Math.floor(planned(s) / 2)) }))

  return { products: PRODUCTS, orders, jobs, spares, cuts, restarts, sameOrderPairs, reopenedPacked, imeiCollisions }
}
