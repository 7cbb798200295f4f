// Order claims, the way the floor meets them (SPEC §7): the stand-in OMS runs
// on 127.0.0.1 inside the test, and "Station 3" (another station) has claimed
// SO-10001 there. Opening it for Used Scan here shows who packs it and since
// when, and the scan field stays out of reach; a shift lead takes it over with
// badge and PIN, and scanning goes on here.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { startOmsDev, type OmsDev } from '../tools/oms-dev/server'
import { approveAsShiftLead, expect, imei, scan, startWithSampleData, test } from './fixtures'

const SAMPLE = JSON.parse(readFileSync(resolve(import.meta.dirname, '../resources/sample-orders.json'), 'utf8')) as {
  orders: Record<string, unknown>[]
  products: Record<string, unknown>[]
}

let oms: OmsDev
test.beforeEach(async () => {
  oms = await startOmsDev({ port: 0, orders: SAMPLE.orders, products: SAMPLE.products, token: 'station-secret-1' })
})
test.afterEach(async () => {
  await oms.close()
})

test('an order packed at another station is refused by name, and a shift lead takes it over', async ({ page, db }) => {
  await startWithSampleData(page, 'Dana Whitfield')
  await page.getByRole('button', { name: 'Sync', exact: true }).click()
  await page.getByLabel('OMS address').fill(oms.url)
  await page.getByLabel('OMS token').fill('station-secret-1')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(page.getByRole('alert').filter({ hasText: 'Settings saved' })).toBeVisible()

  // Station 3 is packing SO-10001.
  const other = oms.claims.claim('OMS-700001', 'ST-0B7C1D2E', { stationName: 'Station 3', leaseSeconds: 3_600, takeover: false })
  expect(other.status).toBe(200)

  await page.getByRole('button', { name: 'Orders', exact: true }).click()
  await page.getByLabel('Search').fill('404-7483840-3467836')
  await page.getByLabel('Search').press('Enter')
  await page.getByRole('button', { name: 'Used Scan' }).click()

  const refusal = page.getByRole('dialog', { name: 'Being packed at another station' })
  await expect(refusal).toBeVisible()
  await expect(refusal.getByTestId('claim-holder')).toHaveText(/^Order SO-10001 is being packed at Station 3 since \d{1,2}:\d{2}/)
  await page.screenshot({ path: 'test-results/order-claims-refused.png', fullPage: true })
  const orderId = (db().prepare("select id from orders where oms_order_id = 'OMS-700001'").get() as { id: number }).id
  expect(db().prepare('select count(*) n from order_claims').get()).toEqual({ n: 0 })
  expect(db().prepare('select count(*) n from scanned_units where order_id = ?').get(orderId)).toEqual({ n: 0 })

  // The shift lead takes it over: badge and PIN.
  await refusal.getByRole('button', { name: 'Take over' }).click()
  await expect(page.getByRole('dialog', { name: 'Approve: take over order SO-10001 from Station 3' })).toBeVisible()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(refusal).toBeHidden()
  await expect(page.getByRole('alert').filter({ hasText: 'Taken over from Station 3' })).toBeVisible()
  expect(oms.claims.list()).toMatchObject([{ omsOrderId: 'OMS-700001', stationName: null }])
  expect(db().prepare("select count(*) n from events where type = 'order.claim_taken_over'").get()).toEqual({ n: 1 })

  await scan(page, imei('35391611204481'))
  await expect(page.getByLabel('Scan result')).toContainText('OK')
  await page.screenshot({ path: 'test-results/order-claims-taken-over.png', fullPage: true })
})

test('an order the OMS has as packed at another station is refused for good, without a takeover', async ({ page, db }) => {
  await startWithSampleData(page, 'Dana Whitfield')
  await page.getByRole('button', { name: 'Sync', exact: true }).click()
  await page.getByLabel('OMS address').fill(oms.url)
  await page.getByLabel('OMS token').fill('station-secret-1')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(page.getByRole('alert').filter({ hasText: 'Settings saved' })).toBeVisible()

  // Station 3 claimed SO-10001, packed it, and the OMS accepted its packing.
  const other = 'ST-0B7C1D2E'
  expect(oms.claims.claim('OMS-700001', other, { stationName: 'Station 3', leaseSeconds: 3_600, takeover: false }).status).toBe(200)
  const packedAt = new Date().toISOString()
  const event = {
    id: `${other}-1`,
    type: 'order.packed',
    stationId: other,
    operator: null,
    at: packedAt,
    omsOrderId: 'OMS-700001',
    payload: {}
  }
  expect(oms.store.receive([event])).toEqual([{ id: event.id, status: 'accepted' }])
  expect(oms.claims.release('OMS-700001', other)).toBe(true)

  await page.getByRole('button', { name: 'Orders', exact: true }).click()
  await page.getByLabel('Search').fill('404-7483840-3467836')
  await page.getByLabel('Search').press('Enter')
  await page.getByRole('button', { name: 'Used Scan' }).click()

  const refusal = page.getByRole('dialog', { name: 'Already packed at another station' })
  await expect(refusal).toBeVisible()
  await expect(refusal.getByTestId('claim-holder')).toHaveText(/^Order SO-10001 was already packed at Station 3 at \d{1,2}:\d{2}/)
  await expect(refusal.getByRole('button', { name: 'Take over' })).toHaveCount(0)
  await page.screenshot({ path: 'test-results/order-claims-already-packed.png', fullPage: true })
  const orderId = (db().prepare("select id from orders where oms_order_id = 'OMS-700001'").get() as { id: number }).id
  expect(db().prepare('select count(*) n from order_claims').get()).toEqual({ n: 0 })
  expect(db().prepare('select count(*) n from scanned_units where order_id = ?').get(orderId)).toEqual({ n: 0 })
  expect(oms.claims.list()).toEqual([])

  await refusal.getByRole('button', { name: 'Back to the order' }).click()
  await expect(refusal).toBeHidden()
})

test('a shift lead chooses which orders may start while the OMS does not answer', async ({ page, db }) => {
  await startWithSampleData(page, 'Dana Whitfield')
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const group = page.getByRole('radiogroup', { name: 'Which orders may start offline' })
  await expect(group.getByRole('radio', { name: /Only orders assigned to this station/ })).toBeChecked()
  await group.getByRole('radio', { name: /Any order/ }).check()
  await page.getByRole('button', { name: 'Save', exact: true }).last().click()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible()
  expect(db().prepare("select value from settings where key = 'claims.settings'").get()).toEqual({ value: '{"offlineStart":"any"}' })
})
