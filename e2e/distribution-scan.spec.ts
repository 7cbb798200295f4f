// Distribution Scan (SPEC §4), driven like an operator: a new iPhone 15 by
// IMEI and a non-serialized cable by its barcode, Save, the box's dimensions
// from a preset and its weight, Save again to confirm, Packing Confirmation.
import type { Page } from '@playwright/test'
import { expect, imei, scan, test } from './fixtures'
import { findOrder, scanInto, scanResult, signInWithSampleData, snapshot } from './packing-helpers'

const IPHONE_15 = imei('35467213000101')
const CABLE_BARCODE = '4006381333931'

/** SO-10013: the iPhone 15 and the cable scanned, and Save: box 1 saved, waiting for its dimensions. */
async function scanAndSaveSO10013(page: Page) {
  await signInWithSampleData(page)
  await findOrder(page, 'WEB-2026-118455', 'SO-10013')
  await page.getByRole('button', { name: 'Distribution Scan' }).click()

  const phoneLine = page.getByRole('button', { name: /^Line \S+ Apple iPhone 15 128GB Blue/ })
  await expect(phoneLine).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByRole('textbox', { name: 'Serial' })).toBeFocused()
  await scan(page, IPHONE_15)
  await expect(scanResult(page)).toContainText('OK')
  await expect(scanResult(page)).toContainText(IPHONE_15)
  await expect(phoneLine).toContainText('1 of 1 · 0 pending')

  const cableLine = page.getByRole('button', { name: /^Line \S+ USB-C to USB-C cable 1 m$/ })
  await cableLine.click()
  await expect(cableLine).toHaveAttribute('aria-pressed', 'true')
  await scanInto(page, page.getByRole('textbox', { name: 'Product barcode' }), CABLE_BARCODE)
  await expect(scanResult(page)).toContainText('OK USB-C to USB-C cable 1 m +1 (1 of 1)')
  await expect(cableLine).toContainText('1 of 1 · 0 pending')

  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(scanResult(page)).toContainText('Box 1 saved with 2 units')
  await expect(page.getByLabel('Box dimensions', { exact: true })).toBeVisible()
}

// The refusal first, then the box confirmed and the order packed, on one station: the refused weight must leave the
// saved box exactly as it was, and a station of its own would cost a start of the host and the page for nothing.
test('SO-10013: IMEI and cable barcode, Save; refused: 3 kg in a Phone S box (max 2 kg) changes nothing; Phone S at 0.45 kg, Save confirms the box, Confirm packs the order', async ({
  page,
  db
}) => {
  await scanAndSaveSO10013(page)
  expect(db().prepare('select number, status, preset_id from boxes').all()).toEqual([{ number: 1, status: 'saved', preset_id: null }])

  const before = snapshot(db(), 'SO-10013')
  expect(before.boxes).toMatchObject([{ number: 1, status: 'saved', weight_g: null }])
  await page.getByRole('radio', { name: /Phone S/ }).click()
  await page.getByLabel('Weight (kg, optional)').fill('3')
  await expect(page.getByText('Over the Phone S limit of 2 kg')).toBeVisible()
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(scanResult(page)).toContainText('NOT DONE')
  await expect(scanResult(page)).toContainText('3 kg is over the Phone S limit of 2 kg: use a bigger box or split it.')
  await expect(page.getByLabel('Box 1')).toContainText('open')
  expect(snapshot(db(), 'SO-10013')).toEqual(before)
  expect(db().prepare("select count(*) n from outbox where type = 'box.confirmed'").get()).toEqual({ n: 0 })

  await page.getByRole('radio', { name: /Phone S/ }).click()
  await page.getByLabel('Weight (kg, optional)').fill('0.45')
  await page.screenshot({ path: '/tmp/pw-distribution-dimensions.png', fullPage: true })
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(scanResult(page)).toContainText('Box 1 confirmed (2 units)')
  const box1 = page.getByLabel('Box 1')
  await expect(box1).toContainText('confirmed')
  await expect(box1).toContainText('Phone S · 200×150×100 mm · 0.45 kg')

  const stored = db()
  expect(
    stored
      .prepare(
        'select b.number, b.status, p.name preset, b.length_mm, b.width_mm, b.height_mm, b.weight_g from boxes b join box_presets p on p.id = b.preset_id'
      )
      .all()
  ).toEqual([{ number: 1, status: 'confirmed', preset: 'Phone S', length_mm: 200, width_mm: 150, height_mm: 100, weight_g: 450 }])
  const units = stored
    .prepare(
      'select u.serial, l.sku from scanned_units u join order_lines l on l.id = u.order_line_id join boxes b on b.id = u.box_id where u.removed_at is null order by l.id'
    )
    .all()
  expect(units).toEqual([
    { serial: IPHONE_15, sku: 'APL-IP15-128-BLU-N' },
    { serial: null, sku: 'ACC-USBC-CBL-1M' }
  ])

  await page.getByRole('button', { name: 'Packing Confirmation' }).click()
  await page.getByRole('button', { name: 'Confirm', exact: true }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Order SO-10013 is packed.' })).toBeVisible()
  await expect(page.locator('[data-status]').first()).toHaveText('packed')
  expect(db().prepare("select status from orders where order_number = 'SO-10013'").get()).toEqual({ status: 'packed' })
  const packed = db().prepare("select payload from outbox where type = 'box.confirmed'").get() as { payload: string }
  expect(JSON.parse(packed.payload)).toMatchObject({
    orderNumber: 'SO-10013',
    presetName: 'Phone S',
    dimensionsMm: { length: 200, width: 150, height: 100 },
    weightG: 450
  })
})
