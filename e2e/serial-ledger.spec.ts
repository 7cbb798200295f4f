// The shared serial ledger end to end (SPEC §7, "Many stations, one
// warehouse"): the stand-in OMS runs on 127.0.0.1 inside the test; another
// station ("Station 3") reports a box holding an IMEI over the real HTTP
// path; this station pulls the ledger and refuses that IMEI at scan time,
// naming Station 3 and its order. And when both packed the same IMEI while
// this station could not reach the OMS, the shift lead sees the conflict on
// the Sync screen and unpacks it here.
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { CONTRACT_VERSION } from '../src/main/core/sync/omsWire'
import type { WireEvent } from '../src/main/core/sync/omsWire'
import { startOmsDev, type OmsDev } from '../tools/oms-dev/server'
import { approveAsShiftLead, expect, imei, scan, startWithSampleData, test } from './fixtures'

const SAMPLE = JSON.parse(readFileSync(resolve(import.meta.dirname, '../resources/sample-orders.json'), 'utf8')) as {
  orders: Record<string, unknown>[]
  products: Record<string, unknown>[]
}
const TOKEN = 'station-secret-1'
const STATION_3 = 'ST-0B7C1D2E'

let oms: OmsDev
test.beforeEach(async () => {
  oms = await startOmsDev({ port: 0, orders: SAMPLE.orders, products: SAMPLE.products, token: TOKEN })
})
test.afterEach(async () => {
  await oms.close()
})

/** Station 3's box.confirmed of order SO-10002 holding `serial`, as that station sends it. */
function station3Box(serial: string): WireEvent {
  const at = new Date().toISOString()
  return {
    id: randomUUID(),
    type: 'box.confirmed',
    stationId: STATION_3,
    operator: { id: 7, name: 'Aisha Rahman' },
    at,
    omsOrderId: 'OMS-700002',
    payload: {
      omsOrderId: 'OMS-700002',
      orderNumber: 'SO-10002',
      boxId: randomUUID(),
      boxNumber: 1,
      sscc: null,
      presetName: null,
      dimensionsMm: null,
      weightG: null,
      units: [{ unitId: randomUUID(), lineId: 'L1', sku: 'APL-IP12-64-WHT-U', serial, serial2: null, entryMethod: 'scanned' }]
    }
  }
}

/** Station 3 posts its box to the OMS over HTTP, naming itself. */
async function station3Packs(serial: string) {
  const response = await fetch(`${oms.url}/v1/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${TOKEN}`,
      'x-station-id': STATION_3,
      'x-station-name': encodeURIComponent('Station 3'),
      'x-contract-version': CONTRACT_VERSION
    },
    body: JSON.stringify({ stationId: STATION_3, events: [station3Box(serial)] })
  })
  expect(await response.json()).toMatchObject({ results: [{ status: 'accepted' }] })
}

/** Dana signs in on a station with the sample data and points it at the stand-in OMS (approved with her PIN). */
async function stationPointedAtOms(page: Page) {
  await startWithSampleData(page, 'Dana Whitfield')
  await page.getByRole('button', { name: 'Sync', exact: true }).click()
  await page.getByLabel('OMS address').fill(oms.url)
  await page.getByLabel('OMS token').fill(TOKEN)
  await page.getByRole('button', { name: 'Save settings' }).click()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(page.getByRole('alert').filter({ hasText: 'Settings saved' })).toBeVisible()
}

async function openUsedScan(page: Page, channelOrderId: string) {
  await page.getByRole('button', { name: 'Orders', exact: true }).click()
  await page.getByLabel('Search').fill(channelOrderId)
  await page.getByLabel('Search').press('Enter')
  await page.getByRole('button', { name: 'Used Scan' }).click()
}

test('an IMEI live at another station is refused at scan time, naming the station and its order', async ({ page, db }) => {
  const taken = imei('35391611204481')
  await station3Packs(taken)
  await stationPointedAtOms(page)
  await page.getByRole('button', { name: 'Sync now' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Sync finished' })).toBeVisible()
  await expect
    .poll(() => db().prepare('select station_name, order_number, live from serial_ledger where serial = ?').get(taken))
    .toEqual({ station_name: 'Station 3', order_number: 'SO-10002', live: 1 })

  await openUsedScan(page, '404-7483840-3467836')
  await scan(page, taken)
  const result = page.getByLabel('Scan result')
  await expect(result).toContainText(`Duplicate: ${taken} is in order SO-10002 at Station 3`)
  await page.screenshot({ path: '/tmp/pw-serial-ledger-refusal.png', fullPage: true })
  // The refusal changed nothing: no unit, no event for the OMS, the order still ready.
  expect(db().prepare('select count(*) n from scanned_units').get()).toEqual({ n: 0 })
  expect(db().prepare("select status from orders where order_number = 'SO-10001'").get()).toEqual({ status: 'ready' })
  await expect(page.getByLabel('Pending Count')).toHaveText('2')

  // Another IMEI scans as usual.
  await scan(page, imei('35391611204482'))
  await expect(result).toContainText('OK')
})

test('both packed the same IMEI while this station was cut off: the shift lead sees the conflict and unpacks it here', async ({
  page,
  db
}) => {
  const both = imei('35391611204491')
  await stationPointedAtOms(page)
  // The order is opened (and claimed for this station) while the OMS answers…
  await openUsedScan(page, '404-7483840-3467836')
  await expect.poll(() => db().prepare('select state from order_claims').all()).toEqual([{ state: 'held' }])
  // …then the OMS cannot be reached from here for a while: the box waits in the outbox.
  oms.setFailure({ errorRate: 1 })
  await scan(page, both)
  await expect(page.getByLabel('Scan result')).toContainText('OK')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByLabel('Scan result')).toContainText('Box 1 saved')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByLabel('Scan result')).toContainText('Box 1 confirmed')
  // Meanwhile Station 3 packed the same IMEI, and the OMS took its box first.
  oms.setFailure({ errorRate: 0 })
  await station3Packs(both)

  await page.getByRole('button', { name: 'Sync', exact: true }).click()
  await page.getByRole('button', { name: 'Sync now' }).click()
  const conflicts = page.getByRole('table', { name: 'Serial conflicts' })
  await expect(conflicts).toContainText(both)
  await expect(conflicts).toContainText('Order SO-10001, box 1')
  await expect(conflicts).toContainText('Station 3, order SO-10002')
  await expect(conflicts).toContainText('Unpack it here, or ask Station 3 to unpack it from order SO-10002, then re-send.')
  await page.screenshot({ path: '/tmp/pw-serial-ledger-conflict.png', fullPage: true })

  await conflicts.getByRole('button', { name: 'Unpack here' }).click()
  await expect(page.getByRole('dialog', { name: `Approve: unpack ${both} from order SO-10001 (serial conflict)` })).toBeVisible()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(page.getByRole('alert').filter({ hasText: 'Unpacked' })).toContainText('box 1 is open again')
  await expect(page.getByText('None: no serial of this station is live at another station.')).toBeVisible()
  await expect(page.getByText('None: the OMS accepted everything it was sent.')).toBeVisible()
  expect(db().prepare('select count(*) n from scanned_units where removed_at is null').get()).toEqual({ n: 0 })
})
