// OMS sync end to end, the way a shift lead and an operator work: the stand-in
// OMS runs on 127.0.0.1 (port 0) inside the test; the lead points the station
// at it on the Sync screen and pulls; the operator packs an order pulled from
// it; the stand-in receives the station's events exactly once.
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { resolve } from 'node:path'
import { startOmsDev, type OmsDev } from '../tools/oms-dev/server'
import { approveAsShiftLead, enterSignInPin, expect, imei, scan, startWithSampleData, test } from './fixtures'

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

/** Dana signs in on a station with the sample data and points it at the stand-in OMS (approved with her PIN). */
async function stationPointedAtOms(page: Page) {
  await startWithSampleData(page, 'Dana Whitfield')
  await page.getByRole('button', { name: 'Sync', exact: true }).click()
  await page.getByLabel('OMS address').fill(oms.url)
  await page.getByLabel('OMS token').fill('station-secret-1')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(page.getByRole('alert').filter({ hasText: 'Settings saved' })).toBeVisible()
}

/** Finds an order by its channel order id and opens Used Scan on it. */
async function openUsedScan(page: Page, channelOrderId: string) {
  await page.getByRole('button', { name: 'Orders', exact: true }).click()
  await page.getByLabel('Search').fill(channelOrderId)
  await page.getByLabel('Search').press('Enter')
  await page.getByRole('button', { name: 'Used Scan' }).click()
}

test('orders pulled from the OMS are packed and the OMS receives every event exactly once', async ({ page, db }) => {
  await page.getByLabel('Name').fill('Dana Whitfield')
  await page.getByLabel('Badge code').fill('OP-9001')
  await page.getByLabel('PIN').fill('1234')
  await page.getByRole('button', { name: 'Create shift lead' }).click()
  await page.getByLabel('Badge', { exact: true }).fill('OP-9001')
  await page.getByLabel('Badge', { exact: true }).press('Enter')
  await enterSignInPin(page, '1234')
  await expect(page.getByLabel('Signed in operator')).toHaveText('Dana Whitfield')
  await expect(page.getByRole('button', { name: 'Sync status' })).toContainText('offline station')

  // The shift lead points the station at the OMS, with its token, approves with badge and PIN, and pulls.
  await page.getByRole('button', { name: 'Sync', exact: true }).click()
  await page.getByLabel('OMS address').fill(oms.url)
  await page.getByLabel('OMS token').fill('station-secret-1')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByRole('dialog', { name: 'Approve: change the OMS settings' })).toBeVisible()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(page.getByRole('alert').filter({ hasText: 'Settings saved' })).toContainText(`syncs with ${oms.url}`)
  // Saving starts a pull by itself; Sync now does one more on demand. Both go through the import path.
  await page.getByRole('button', { name: 'Sync now' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Sync finished' })).toContainText('0 failed')
  await expect.poll(() => (db().prepare('select count(*) n from orders').get() as { n: number }).n).toBe(15)
  await expect(page.getByRole('button', { name: 'Sync status' })).toContainText('OMS: online')
  await page.screenshot({ path: '/tmp/sync-screen.png', fullPage: true })

  // The operator packs one of the pulled orders.
  await page.getByRole('button', { name: 'Orders', exact: true }).click()
  await page.getByLabel('Search').fill('404-7483840-3467836')
  await page.getByLabel('Search').press('Enter')
  await expect(page.getByRole('heading', { name: 'Order SO-10001' })).toBeVisible()
  await page.getByRole('button', { name: 'Used Scan' }).click()
  await scan(page, imei('35391611204481'))
  await expect(page.getByLabel('Scan result')).toContainText('OK')
  await scan(page, imei('35391611204482'))
  await expect(page.getByLabel('Pending Count')).toHaveText('0')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByLabel('Scan result')).toContainText('Box 1 saved')
  await page.keyboard.press('F8')
  await expect(page.getByLabel('Scan result')).toContainText('Box 1 confirmed')
  await page.getByRole('button', { name: 'Packing Confirmation' }).click()
  await page.getByRole('button', { name: 'Confirm' }).click()
  await expect(page.getByRole('alert')).toContainText('Order SO-10001 is packed.')

  // The station delivers by itself (a few seconds); the status bar counts down to nothing waiting.
  // Waits for the OMS first: a "0 waiting" sent before Confirm wrote order.packed may still be on screen.
  await expect.poll(() => oms.store.received.size, { timeout: 30_000 }).toBe(3)
  await expect(page.getByLabel('Events waiting')).toHaveText('0 waiting', { timeout: 30_000 })
  const written = db().prepare('select id, type from outbox order by created_at, id').all() as { id: string; type: string }[]
  expect(written.map((r) => r.type)).toEqual(['order.in_progress', 'box.confirmed', 'order.packed'])
  const received = [...oms.store.received.values()].map((r) => r.event)
  expect(received.map((e) => e.id)).toEqual(written.map((r) => r.id))
  expect(oms.store.tally).toEqual({ accepted: 3, duplicate: 0, rejected: 0 })
  const box = received.find((e) => e.type === 'box.confirmed')!
  expect(box).toMatchObject({ omsOrderId: 'OMS-700001', operator: { name: 'Dana Whitfield' } })
  expect(JSON.stringify(box.payload)).toContain(imei('35391611204481'))
  expect(db().prepare('select count(*) n from outbox where sent_at is null').get()).toEqual({ n: 0 })
  await page.getByRole('button', { name: 'Sync status' }).click()
  await page.screenshot({ path: '/tmp/sync-after.png', fullPage: true })
})

test('the Orders screen shows what a pull changed while it is open', async ({ page }) => {
  await stationPointedAtOms(page)
  await page.getByRole('button', { name: 'Orders', exact: true }).click()
  const shown = page.getByLabel('Orders shown')
  await expect(shown).toHaveText('Showing all 15 orders')
  const row = page.getByRole('row').filter({ hasText: 'SO-10002' })
  await expect(row).not.toContainText('cancelled')

  // In the OMS one order is cancelled and a new one comes in. The next pull answers slowly: it lands after
  // the operator is back on the Orders screen, which lists both changes without being opened again.
  oms.store.setStatus('OMS-700002', 'cancelled')
  oms.store.putOrder({ ...SAMPLE.orders[0], oms_order_id: 'OMS-709999', order_number: 'SO-19999', channel_order_id: 'CH-19999' } as never)
  oms.setFailure({ latencyMs: 1_500 })
  await page.getByRole('button', { name: 'Sync', exact: true }).click()
  await page.getByRole('button', { name: 'Sync now' }).click()
  await page.getByRole('button', { name: 'Orders', exact: true }).click()
  await expect(shown).toHaveText('Showing all 15 orders')
  await expect(shown).toHaveText('Showing all 16 orders', { timeout: 20_000 })
  await expect(page.getByRole('row').filter({ hasText: 'SO-19999' })).toBeVisible()
  await expect(row).toContainText('cancelled')
  await page.screenshot({ path: test.info().outputPath('orders-after-pull.png') })
})

test('an order cancelled in the OMS after scanning cannot be confirmed, and its units are unpacked one by one', async ({ page, db }) => {
  await stationPointedAtOms(page)

  await openUsedScan(page, '404-7483840-3467836')
  await scan(page, imei('35391611204491'))
  await scan(page, imei('35391611204492'))
  await expect(page.getByLabel('Pending Count')).toHaveText('0')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByLabel('Scan result')).toContainText('Box 1 saved')
  await page.keyboard.press('F8')
  await expect(page.getByLabel('Scan result')).toContainText('Box 1 confirmed')

  oms.store.setStatus('OMS-700001', 'cancelled')
  await page.getByRole('button', { name: 'Packing Confirmation' }).click()
  await page.getByRole('button', { name: 'Confirm' }).click()
  await expect(page.getByRole('alert')).toContainText('Order SO-10001 was cancelled in the OMS')

  // SPEC §1: the units already in boxes are listed for unpacking, and each unpacking is recorded.
  await page.getByRole('button', { name: '← Order' }).click()
  const unpack = page.getByLabel('Unpack cancelled order')
  await expect(unpack).toContainText('2 units still packed')
  const field = page.getByRole('textbox', { name: 'Unpacked serial' })
  await field.fill(imei('35391611204499'))
  await field.press('Enter')
  await expect(page.getByLabel('Scan result')).toContainText('is not packed in order SO-10001')
  expect(db().prepare('select count(*) n from scanned_units where removed_at is not null').get()).toEqual({ n: 0 })
  for (const body of ['35391611204491', '35391611204492']) {
    await field.fill(imei(body))
    await field.press('Enter')
    await expect(page.getByLabel('Scan result')).toContainText(`Unpacked ${imei(body)} from box 1`)
  }
  await expect(page.getByRole('alert', { name: 'Nothing to unpack' })).toBeVisible()
  expect(db().prepare("select count(*) n from scanned_units where removal = 'unpacked_after_cancel'").get()).toEqual({ n: 2 })
  expect(db().prepare("select count(*) n from outbox where type = 'order.unpacked_after_cancel'").get()).toEqual({ n: 2 })
})

test("rejected events are re-sent and acknowledged with a shift lead's PIN; a new OMS address asks for its token", async ({ page, db }) => {
  test.setTimeout(120_000)
  const blocked = imei('35391611204481')
  oms.store.blockSerials([blocked], `IMEI ${blocked} is reported stolen`)
  await stationPointedAtOms(page)

  // A box with the blocked IMEI: the OMS rejects its box.confirmed event.
  await openUsedScan(page, '404-7483840-3467836')
  await scan(page, blocked)
  await scan(page, imei('35391611204482'))
  await expect(page.getByLabel('Pending Count')).toHaveText('0')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByLabel('Scan result')).toContainText('Box 1 saved')
  await page.keyboard.press('F8')
  await expect(page.getByLabel('Scan result')).toContainText('Box 1 confirmed')

  await page.getByRole('button', { name: 'Sync', exact: true }).click()
  await page.getByRole('button', { name: 'Sync now' }).click()
  const rejected = page.getByRole('table', { name: 'Rejected events' })
  await expect(rejected).toContainText(`IMEI ${blocked} is reported stolen`)
  // What a shift lead did about it, in the event log: re-sent and acknowledged, each by who approved.
  const settled = () =>
    db()
      .prepare(
        "select e.type, o.name from events e join operators o on o.id = e.operator_id where e.type like 'sync.rejection_%' order by e.rowid"
      )
      .all()
  expect(settled()).toEqual([])

  // Acknowledge with a wrong PIN: refused in the dialog, the rejection stays.
  await rejected.getByRole('button', { name: 'Acknowledge' }).click()
  const acknowledge = page.getByRole('dialog', { name: 'Approve: acknowledge the rejected box.confirmed event' })
  await approveAsShiftLead(page, 'OP-9001', '9999')
  await expect(acknowledge.getByRole('alert', { name: 'Not approved' })).toContainText('Wrong PIN for Dana Whitfield (4 tries left).')
  await acknowledge.getByRole('button', { name: 'Cancel' }).click()
  expect(settled()).toEqual([])

  // Re-send, approved: queued again; the OMS refuses it again, and the shift lead acknowledges it.
  await rejected.getByRole('button', { name: 'Re-send' }).click()
  await expect(page.getByRole('dialog', { name: 'Approve: re-send the rejected box.confirmed event' })).toBeVisible()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(page.getByRole('alert').filter({ hasText: 'Re-sent' })).toContainText('1 event queued again.')
  await page.getByRole('button', { name: 'Sync now' }).click()
  await expect(rejected.getByRole('button', { name: 'Acknowledge' })).toBeVisible()
  await rejected.getByRole('button', { name: 'Acknowledge' }).click()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(page.getByRole('alert').filter({ hasText: 'Acknowledged' })).toContainText('1 rejection acknowledged.')
  await expect(page.getByText('None: the OMS accepted everything it was sent.')).toBeVisible()
  expect(settled()).toEqual([
    { type: 'sync.rejection_resent', name: 'Dana Whitfield' },
    { type: 'sync.rejection_acknowledged', name: 'Dana Whitfield' }
  ])

  // Another address (another origin) without a token: the stored token is not sent there, and the screen asks for one.
  await page.getByLabel('OMS address').fill(oms.url.replace('127.0.0.1', 'localhost'))
  await page.getByRole('button', { name: 'Save settings' }).click()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(page.getByRole('alert').filter({ hasText: 'Settings saved' })).toContainText('Enter the OMS token for the new address')
  await expect(page.getByText('Enter the OMS token for the new address', { exact: true })).toBeVisible()
  await page.screenshot({ path: '/tmp/pw-sync-token-needed.png', fullPage: true })
})
