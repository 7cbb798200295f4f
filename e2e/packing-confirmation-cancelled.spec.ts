// An order the OMS cancels after it was scanned and boxed: Packing
// Confirmation asks the OMS, refuses, and from then on shows the order
// cancelled (Confirm off) with its units listed for unpacking right on that
// screen; each unit is scanned out there. The stand-in OMS runs on 127.0.0.1.
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

test('Packing Confirmation shows an order cancelled in the OMS and unpacks it in place', async ({ page, db }) => {
  await startWithSampleData(page, 'Dana Whitfield')
  await page.getByRole('button', { name: 'Sync', exact: true }).click()
  await page.getByLabel('OMS address').fill(oms.url)
  await page.getByLabel('OMS token').fill('station-secret-1')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(page.getByRole('alert').filter({ hasText: 'Settings saved' })).toBeVisible()

  // Two units scanned and boxed; the box confirmed.
  await page.getByRole('button', { name: 'Orders', exact: true }).click()
  await page.getByLabel('Search').fill('404-7483840-3467836')
  await page.getByLabel('Search').press('Enter')
  await page.getByRole('button', { name: 'Used Scan' }).click()
  const units = [imei('35391611204471'), imei('35391611204472')]
  for (const serial of units) await scan(page, serial)
  await expect(page.getByLabel('Pending Count')).toHaveText('0')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByLabel('Scan result')).toContainText('Box 1 saved')
  await page.keyboard.press('F8')
  await expect(page.getByLabel('Scan result')).toContainText('Box 1 confirmed')

  // Meanwhile the OMS cancels the order. Packing Confirmation still looks ready until it asks.
  oms.store.setStatus('OMS-700001', 'cancelled')
  await page.getByRole('button', { name: 'Packing Confirmation' }).click()
  const confirm = page.getByRole('button', { name: 'Confirm', exact: true })
  await expect(page.locator('[data-status]').first()).toHaveAttribute('data-status', 'in_progress')
  await expect(confirm).toBeEnabled()
  await confirm.click()

  // Refused; the screen now shows the cancellation, Confirm is off, and the unpacking is right here.
  const cancelled = page.getByRole('alert', { name: 'Cancelled' })
  await expect(cancelled).toContainText('Order SO-10001 was cancelled in the OMS: it cannot be confirmed.')
  await expect(page.locator('[data-status]').first()).toHaveAttribute('data-status', 'cancelled')
  await expect(page.locator('[data-status]').first()).toHaveText('cancelled')
  await expect(confirm).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Back to scanning' })).toHaveCount(0)
  const unpack = page.getByLabel('Unpack cancelled order')
  await expect(unpack).toContainText('2 units still packed')
  await expect(unpack).toContainText(units[0]!)
  expect(db().prepare("select status from orders where oms_order_id = 'OMS-700001'").get()).toEqual({ status: 'cancelled' })
  expect(db().prepare("select count(*) n from outbox where type = 'order.packed'").get()).toEqual({ n: 0 })
  await page.screenshot({ path: '/tmp/pw-confirmation-cancelled.png', fullPage: true })

  // Each unit scanned out of its box, on this screen.
  const field = page.getByRole('textbox', { name: 'Unpacked serial' })
  await expect(field).toBeVisible()
  await field.fill(units[0]!)
  await field.press('Enter')
  await expect(page.getByLabel('Scan result')).toContainText(`Unpacked ${units[0]} from box 1`)
  await expect(unpack).toContainText('1 unit still packed')
  await field.fill(units[1]!)
  await field.press('Enter')
  await expect(page.getByRole('alert', { name: 'Nothing to unpack' })).toBeVisible()
  await expect(confirm).toBeDisabled()
  expect(db().prepare("select count(*) n from scanned_units where removal = 'unpacked_after_cancel'").get()).toEqual({ n: 2 })
  await page.screenshot({ path: '/tmp/pw-confirmation-unpacked.png', fullPage: true })

  // The OMS hears of the cancellation and both unpackings, and never of a packing.
  await page.getByRole('button', { name: 'Sync', exact: true }).click()
  await page.getByRole('button', { name: 'Sync now' }).click()
  await expect
    .poll(() => [...oms.store.received.values()].map((r) => r.event.type).filter((type) => type.startsWith('order.')), { timeout: 30_000 })
    .toEqual(['order.in_progress', 'order.cancelled', 'order.unpacked_after_cancel', 'order.unpacked_after_cancel'])
})
