// The import benchmark's files (bench/paths/import.ts): 100,000 realistic
// orders (1–3 lines, about 2% bulk orders of 20–200 units, some chargers that
// are not serialized) over the benchmark catalogue, deterministic, written as
// JSON (products first, then orders) and as CSV (one row per line).
import { createWriteStream, renameSync } from 'node:fs'
import { once } from 'node:events'
import { IMEI_PRODUCTS, OTHER_PRODUCTS, TACS_PER_PRODUCT, rng, tacOf } from '../catalogue'

export type Line = { line_id: string; sku: string; product_name: string; quantity: number; serialized: boolean; condition: 'used' | 'new' }
export type Order = Record<string, unknown> & { oms_order_id: string; lines: Line[] }

const NAMES = ['Anna Müller', 'Ben Schmidt', 'Clara Weber', 'David Fischer', 'Eva Wagner', 'Felix Becker', 'Greta Koch', 'Jonas Richter']
const STREETS = ['Hauptstraße 12', 'Bahnhofstraße 3', 'Gartenweg 7', 'Lindenallee 21', 'Schulstraße 5', 'Am Markt 1']
const CITIES = [
  ['Berlin', '10115', 'DE'],
  ['Hamburg', '20095', 'DE'],
  ['München', '80331', 'DE'],
  ['Wien', '1010', 'AT'],
  ['Zürich', '8001', 'CH'],
  ['Paris', '75001', 'FR']
] as const
const CARRIERS = [
  ['DHL', 'Parcel'],
  ['UPS', 'Standard'],
  ['DPD', 'Classic']
] as const
const CHANNELS = ['Amazon', 'eBay', 'Back Market', 'Shopify', 'B2B portal']

export const benchProducts = () => [
  ...IMEI_PRODUCTS.map((p, i) => ({
    sku: p.sku,
    name: p.name,
    serialized: true,
    condition: p.condition,
    serial_kind: 'imei',
    tacs: Array.from({ length: TACS_PER_PRODUCT }, (_, t) => tacOf(i, t))
  })),
  {
    sku: OTHER_PRODUCTS[1].sku,
    name: OTHER_PRODUCTS[1].name,
    serialized: false,
    condition: 'new',
    serial_kind: 'none',
    barcode: OTHER_PRODUCTS[1].barcode
  }
]

export function* benchOrders(count: number): Generator<Order> {
  const rand = rng(20_261_130)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]
  const start = Date.parse('2026-11-01T00:00:00Z')
  for (let n = 1; n <= count; n++) {
    const bulk = rand() < 0.02
    const lines: Line[] = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, i) => {
      const charger = !bulk && rand() < 0.15
      const phone = pick(IMEI_PRODUCTS)
      return {
        line_id: `L${i + 1}`,
        sku: charger ? OTHER_PRODUCTS[1].sku : phone.sku,
        product_name: charger ? OTHER_PRODUCTS[1].name : phone.name,
        quantity: bulk ? 20 + Math.floor(rand() * 180) : 1 + Math.floor(rand() * 2),
        serialized: !charger,
        condition: charger ? 'new' : phone.condition
      }
    })
    const [city, postal, country] = pick(CITIES)
    const [carrier, service] = pick(CARRIERS)
    yield {
      oms_order_id: `OMS-B${String(n).padStart(7, '0')}`,
      order_number: `SO-B${n}`,
      channel: bulk ? 'B2B portal' : pick(CHANNELS),
      channel_order_id: `404-${String(Math.floor(rand() * 1e7)).padStart(7, '0')}-${String(n).padStart(7, '0')}`,
      order_type: bulk ? 'bulk' : 'normal',
      ...(bulk ? { fulfilment_type: rand() < 0.5 ? 'partial' : 'block_complete' } : {}),
      ship_to: { name: pick(NAMES), street1: pick(STREETS), city, postal_code: postal, country, phone: '+49 30 1234567' },
      carrier,
      service,
      priority: bulk ? 1 : 0,
      created_at: new Date(start + n * 20_000).toISOString(),
      lines
    }
  }
}

const CSV_HEADER = [
  'oms_order_id',
  'order_number',
  'channel',
  'channel_order_id',
  'order_type',
  'fulfilment_type',
  'carrier',
  'service',
  'priority',
  'created_at',
  'ship_to_name',
  'ship_to_street1',
  'ship_to_city',
  'ship_to_postal_code',
  'ship_to_country',
  'ship_to_phone',
  'line_id',
  'sku',
  'product_name',
  'quantity',
  'serialized',
  'condition'
]
const csvCell = (v: unknown) => {
  const s = v === undefined || v === null ? '' : String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** Writes the file (to a temporary name first: a half-written file is never reused). */
export async function writeOrderFile(file: string, format: 'json' | 'csv', count: number): Promise<void> {
  const partial = `${file}.partial`
  const out = createWriteStream(partial)
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain')
  }
  if (format === 'json') {
    await write(`{"products":${JSON.stringify(benchProducts())},\n"orders":[\n`)
    let first = true
    for (const order of benchOrders(count)) {
      await write((first ? '' : ',\n') + JSON.stringify(order))
      first = false
    }
    await write('\n]}\n')
  } else {
    await write(CSV_HEADER.join(',') + '\n')
    for (const order of benchOrders(count)) {
      const shipTo = order.ship_to as Record<string, string>
      const flat: Record<string, unknown> = { ...order, ...Object.fromEntries(Object.entries(shipTo).map(([k, v]) => [`ship_to_${k}`, v])) }
      for (const line of order.lines)
        await write(CSV_HEADER.map((h) => csvCell(h in line ? line[h as keyof Line] : flat[h])).join(',') + '\n')
    }
  }
  out.end()
  await once(out, 'finish')
  renameSync(partial, file)
}
