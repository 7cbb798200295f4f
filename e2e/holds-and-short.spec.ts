// Holds (SPEC §1) and shipping short (SPEC §6), driven like an operator with a
// shift lead: release a held order early, hold an order while it is being
// scanned, ship a bulk `partial` order short with the rest kept open, and see
// that a `block_complete` order cannot be confirmed short.
import type { Page } from '@playwright/test'
import { expect, imei, scan, test } from './fixtures'
import { approvalDialog, approve, DANA, findOrder, scanResult, signInWithSampleData, snapshot } from './packing-helpers'

const status = (page: Page) => page.locator('[data-status]').first()

/** Distribution Scan the given iPhone 15 IMEIs into one box (preset Carton M) and confirm the box. */
async function boxIphones(page: Page, serials: string[]) {
  await page.getByRole('button', { name: 'Distribution Scan' }).click()
  await expect(page.getByRole('button', { name: /^Line \S+ Apple iPhone 15 128GB Blue/ })).toHaveAttribute('aria-pressed', 'true')
  for (const serial of serials) {
    await scan(page, serial)
    await expect(scanResult(page)).toContainText(`OK ${serial}`)
  }
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(scanResult(page)).toContainText(`Box 1 saved with ${serials.length} unit`)
  await page.getByRole('radio', { name: /Carton M \(10 phones\)/ }).click()
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(scanResult(page)).toContainText(`Box 1 confirmed (${serials.length} unit`)
  await page.getByRole('button', { name: 'Packing Confirmation' }).click()
}

test('SO-10007 (on hold until 2030): a shift lead releases it early with a reason — ready on screen and in the database; refused: SO-10009 put on hold (from a second window) while its Used Scan is open — the scan shows ORDER NOT OPEN and writes nothing', async ({
  page,
  db
}) => {
  await signInWithSampleData(page)
  await findOrder(page, 'WEB-2026-118377', 'SO-10007')
  await expect(status(page)).toHaveText('on hold')
  await expect(page.getByRole('button', { name: 'Used Scan' })).toBeDisabled()

  await page.getByRole('button', { name: 'Release hold' }).click()
  await expect(approvalDialog(page)).toHaveAccessibleName('Approve: release order SO-10007')
  await expect(approvalDialog(page)).toContainText('It would release by itself after 2030-01-01 06:00.')
  await approve(page, { reason: 'Customer asked for early dispatch', button: 'Release' })
  await expect(approvalDialog(page)).toBeHidden()
  await expect(status(page)).toHaveText('ready')
  await expect(page.getByRole('button', { name: 'Used Scan' })).toBeEnabled()
  await expect(page.getByRole('button', { name: 'Put on hold' })).toBeVisible()

  const stored = db()
  expect(stored.prepare("select status, held_by from orders where order_number = 'SO-10007'").get()).toEqual({
    status: 'ready',
    held_by: null
  })
  const event = stored
    .prepare(
      "select e.from_status, e.to_status, e.reason from events e join orders o on o.id = e.order_id where o.order_number = 'SO-10007' and e.to_status = 'ready'"
    )
    .get()
  expect(event).toEqual({
    from_status: 'on_hold',
    to_status: 'ready',
    reason: `released by ${DANA.name}: Customer asked for early dispatch`
  })

  // Refused, on the same station (SO-10009 is untouched above; a station of its own would cost a start of the host
  // and the page): SO-10009 put on hold from a second window while its Used Scan is open.
  await findOrder(page, 'POS-AMS-0042-7781', 'SO-10009')
  await page.getByRole('button', { name: 'Used Scan' }).click()
  await expect(page.getByRole('textbox', { name: 'Serial' })).toBeFocused()

  // The shift lead holds the order from another window on the same station (the browser host serves both).
  const lead = await page.context().newPage()
  await lead.goto(page.url())
  await findOrder(lead, 'POS-AMS-0042-7781', 'SO-10009')
  await lead.getByRole('button', { name: 'Put on hold' }).click()
  await expect(approvalDialog(lead)).toHaveAccessibleName('Approve: hold order SO-10009')
  await approve(lead, { reason: 'Address being checked', button: 'Hold' })
  await expect(approvalDialog(lead)).toBeHidden()
  await expect(status(lead)).toHaveText('on hold')
  await expect(lead.getByRole('button', { name: 'Used Scan' })).toBeDisabled()
  await expect(lead.getByRole('button', { name: 'Release hold' })).toBeVisible()
  await lead.close()
  expect(db().prepare("select status, held_by is not null held from orders where order_number = 'SO-10009'").get()).toEqual({
    status: 'on_hold',
    held: 1
  })

  const before = snapshot(db(), 'SO-10009')
  await scan(page, imei('35391611600001'))
  await expect(scanResult(page)).toContainText('ORDER NOT OPEN')
  await expect(scanResult(page)).toContainText('Order SO-10009 is on hold: no scanning')
  await expect(page.getByRole('alert', { name: 'Read-only' })).toContainText('The order is on hold')
  await expect(page.getByLabel('Scan Count')).toHaveText('0')
  expect(snapshot(db(), 'SO-10009')).toEqual(before)
  expect(db().prepare('select count(*) n from scanned_units').get()).toEqual({ n: 0 })
})

test('refused: SO-10011 (bulk, block complete) with 1 of 25 boxed — no "Ship short…", the block-complete sentence, Confirm disabled; SO-10010 (bulk, partial): 2 of 40 iPhones boxed, shipped short with the rest kept open', async ({
  page,
  db
}) => {
  await signInWithSampleData(page)
  await findOrder(page, 'SO-10011', 'SO-10011')
  await boxIphones(page, [imei('35467213800001')])

  await expect(page.getByRole('heading', { name: 'Packing Confirmation · SO-10011' })).toBeVisible()
  await expect(page.getByRole('alert', { name: 'Not ready to confirm' })).toContainText(
    'Apple iPhone 15 128GB Blue (new, sealed): 1 of 25 scanned.'
  )
  await expect(page.getByText('This bulk order is block complete: it never ships short.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Confirm', exact: true })).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Ship short…' })).toHaveCount(0)
  expect(db().prepare("select status from orders where order_number = 'SO-10011'").get()).toEqual({ status: 'in_progress' })
  expect(db().prepare("select count(*) n from outbox where type = 'order.packed'").get()).toEqual({ n: 0 })

  // On the same station (a station of its own would cost a start of the host and the page): a partial bulk order
  // ships short, the only order.packed event of the station.
  await findOrder(page, 'PO-ACME-2026-0311', 'SO-10010')
  await boxIphones(page, [imei('35467213700001'), imei('35467213700002')])

  await expect(page.getByRole('heading', { name: 'Packing Confirmation · SO-10010' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Confirm', exact: true })).toBeDisabled()
  await page.getByRole('button', { name: 'Ship short…' }).click()
  const dialog = approvalDialog(page)
  await expect(dialog).toHaveAccessibleName('Approve: ship SO-10010 short')
  await expect(dialog).toContainText('Apple iPhone 15 128GB Blue (new, sealed): 2 of 40')
  await expect(dialog).toContainText('Samsung Galaxy A55 5G 128GB Navy (new): 0 of 20')
  await expect(dialog.getByRole('radio', { name: 'stays open (ships later)' })).toBeChecked()
  await page.screenshot({ path: '/tmp/pw-ship-short.png' })
  await approve(page, { button: 'Confirm short' })
  await expect(dialog).toBeHidden()
  await expect(
    page.getByRole('alert').filter({ hasText: 'Order SO-10010 is packed short; the rest is kept open in the OMS.' })
  ).toBeVisible()
  await expect(status(page)).toHaveText('packed')

  const stored = db()
  expect(stored.prepare("select status from orders where order_number = 'SO-10010'").get()).toEqual({ status: 'packed' })
  const packed = stored.prepare("select payload from outbox where type = 'order.packed'").all() as { payload: string }[]
  expect(packed).toHaveLength(1)
  expect(JSON.parse(packed[0].payload)).toMatchObject({
    orderNumber: 'SO-10010',
    from: 'in_progress',
    to: 'packed',
    short: {
      remainder: 'open',
      approvedBy: { name: DANA.name },
      lines: [
        { sku: 'APL-IP15-128-BLU-N', ordered: 40, packed: 2 },
        { sku: 'SAM-A55-128-NAV-N', ordered: 20, packed: 0 }
      ]
    }
  })
})
