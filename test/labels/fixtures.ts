// A station with orders and confirmed boxes for the label tests, built with
// the core's own import and rows written directly for boxes and units.
import { savePrintSettings, getPrintSettings } from '../../src/main/core/labels/printSettings'
import { createOperators, imei, importRecords, openTestStation, orderIdOf, orderRecord, type TestStation } from '../core/helpers'

export const LONG_ADDRESS = {
  name: '王小明 (Wáng Xiǎomíng)',
  company: 'Østergaard & Łukasiewicz Müller Handelsgesellschaft mbH & Co. KG – Zweigniederlassung Süd',
  street1: 'Rue de l’Église Saint-Étienne-du-Mont 147, Bâtiment C, Escalier 4, Appartement 1204',
  street2: 'c/o Ærøskøbing Søndergade Logistikcenter, Tor 17',
  city: 'Saint-Rémy-de-Provence-sur-Durance',
  postal_code: '13210',
  region: 'Provence-Alpes-Côte d’Azur',
  country: 'FR'
}

export type LabelStation = TestStation & {
  orderId: number
  bigOrderId: number
  boxOne: string
  boxSixty: string
  serialsOne: string[]
  serialsSixty: string[]
  operatorId: number
}

let unitSeq = 0

/** Puts units with these serials into a new confirmed box of the order. */
export function addConfirmedBox(
  t: TestStation,
  orderId: number,
  serials: string[],
  operatorId: number,
  dims = { l: 400, w: 300, h: 200, g: 2350 }
): string {
  const line = t.sqlite.prepare('select id from order_lines where order_id = ? order by id limit 1').get(orderId) as { id: number }
  const number = (t.sqlite.prepare('select coalesce(max(number), 0) + 1 as n from boxes where order_id = ?').get(orderId) as { n: number })
    .n
  const boxId = `box-${orderId}-${number}`
  const at = '2026-11-21T09:30:00.000Z'
  t.sqlite
    .prepare(
      "insert into boxes (id, order_id, number, status, length_mm, width_mm, height_mm, weight_g, created_by, created_at, confirmed_by, confirmed_at) values (?, ?, ?, 'confirmed', ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    .run(boxId, orderId, number, dims.l, dims.w, dims.h, dims.g, operatorId, at, operatorId, at)
  const insert = t.sqlite.prepare(
    "insert into scanned_units (id, order_id, order_line_id, box_id, serial, entry_method, scanned_by, scanned_at) values (?, ?, ?, ?, ?, 'scanned', ?, ?)"
  )
  for (const serial of serials) insert.run(`unit-${String(++unitSeq).padStart(8, '0')}`, orderId, line.id, boxId, serial, operatorId, at)
  t.sqlite.prepare('update order_lines set scanned_quantity = scanned_quantity + ? where id = ?').run(serials.length, line.id)
  return boxId
}

export const serialRun = (count: number, start: number) =>
  Array.from({ length: count }, (_, i) => imei(`35391611${String(start + i).padStart(6, '0')}`))

export function labelStation(): LabelStation {
  const t = openTestStation()
  const { op } = createOperators(t)
  importRecords(t, [
    orderRecord(7001, [{ sku: 'PHONE-A', quantity: 1 }], { ship_to: LONG_ADDRESS, carrier: 'DHL Express', service: 'Worldwide' }),
    orderRecord(7002, [{ sku: 'PHONE-A', quantity: 60 }], { order_type: 'bulk', fulfilment_type: 'partial' })
  ])
  const orderId = orderIdOf(t, 'OMS-7001')
  const bigOrderId = orderIdOf(t, 'OMS-7002')
  const serialsOne = serialRun(1, 100)
  const serialsSixty = serialRun(60, 200)
  const boxOne = addConfirmedBox(t, orderId, serialsOne, op.id)
  const boxSixty = addConfirmedBox(t, bigOrderId, serialsSixty, op.id, { l: 600, w: 400, h: 400, g: 14250 })
  t.sqlite.prepare("update orders set tracking_number = 'JD014600006281230047' where id = ?").run(orderId)
  savePrintSettings(t.db, { ...getPrintSettings(t.db), gs1: { companyPrefix: '0614141', extensionDigit: 1 } })
  return { ...t, orderId, bigOrderId, boxOne, boxSixty, serialsOne, serialsSixty, operatorId: op.id }
}
