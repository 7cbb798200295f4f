// Non-Serialized Used Scan (SPEC §3), driven like an operator: SO-10003 is a
// Pixel 7 (by IMEI) and a charger (by its product barcode, one unit a scan).
// A second charger scan is an over-scan and a barcode of another product is
// the wrong item: both refused by name, nothing written.
import type { Page } from '@playwright/test'
import { expect, imei, scan, test } from './fixtures'
import { findOrder, scanInto, scanResult, signInWithSampleData, snapshot } from './packing-helpers'

const CHARGER = '0194252156947'
const CHARGER_NAME = '20W USB-C charger, EU plug'

async function openNonSerialized(page: Page) {
  await page.getByText('Non-Serialized', { exact: true }).click()
  await expect(page.getByRole('radio', { name: 'Non-Serialized' })).toBeChecked()
  await expect(page.getByRole('textbox', { name: 'Product barcode' })).toBeVisible()
}

// The refusal first, then the whole order, on one station: the wrong item must leave the order exactly as it was
// (still ready), and a station of its own would cost a start of the host and the page for nothing the check needs.
test('refused: a barcode of another product (the USB-C cable) in SO-10003 — WRONG ITEM, nothing written; then Pixel 7 by IMEI, the charger by barcode (a second scan is an over-scan), Save twice, Confirm', async ({
  page,
  db
}) => {
  await signInWithSampleData(page)
  await findOrder(page, '17-11893-55231', 'SO-10003')
  await page.getByRole('button', { name: 'Used Scan' }).click()
  const serialized = page.getByRole('radio', { name: 'Serialized', exact: true })
  await expect(serialized).toBeChecked()

  await openNonSerialized(page)
  const untouched = snapshot(db(), 'SO-10003')
  await scanInto(page, page.getByRole('textbox', { name: 'Product barcode' }), '4006381333931')
  await expect(scanResult(page)).toContainText('WRONG ITEM')
  await expect(scanResult(page)).toContainText('Wrong item: barcode 4006381333931 is not a product of order SO-10003')
  await expect(page.getByLabel('Scan Count')).toHaveText('0')
  await expect(page.getByLabel('Pending Count')).toHaveText('1')
  expect(snapshot(db(), 'SO-10003')).toEqual(untouched)
  expect(untouched.order.status).toBe('ready')

  // Back to serialized scanning for the phone. Google Pixel 7 has no TACs in the catalogue: any valid IMEI is taken.
  await page.getByText('Serialized', { exact: true }).click()
  await expect(serialized).toBeChecked()
  const pixel = imei('35869309000001')
  await scan(page, pixel)
  await expect(scanResult(page)).toContainText(`OK ${pixel}`)

  await openNonSerialized(page)
  const barcode = page.getByRole('textbox', { name: 'Product barcode' })
  await scanInto(page, barcode, CHARGER)
  await expect(scanResult(page)).toContainText('OK')
  await expect(scanResult(page)).toContainText(`OK ${CHARGER_NAME} +1 (1 of 1)`)
  await expect(page.getByLabel('Scan Count')).toHaveText('1')
  await expect(page.getByLabel('Pending Count')).toHaveText('0')
  expect(
    db().prepare('select serial, entry_method from scanned_units u join order_lines l on l.id = u.order_line_id order by l.id').all()
  ).toEqual([
    { serial: pixel, entry_method: expect.stringMatching(/^(scanned|typed)$/) },
    { serial: null, entry_method: 'scanned' }
  ])

  // The same barcode again: the line is complete.
  const before = snapshot(db(), 'SO-10003')
  await scanInto(page, barcode, CHARGER)
  await expect(scanResult(page)).toContainText('OVER-SCAN')
  await expect(scanResult(page)).toContainText(`Over-scan: ${CHARGER_NAME} is complete (1 of 1)`)
  await expect(page.getByLabel('Scan Count')).toHaveText('1')
  expect(snapshot(db(), 'SO-10003')).toEqual(before)

  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(scanResult(page)).toContainText('Box 1 saved with 2 units')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(scanResult(page)).toContainText('Box 1 confirmed (2 units)')
  await expect(page.getByLabel('Box 1', { exact: true })).toContainText('non-serialized unit')

  await page.getByRole('button', { name: 'Packing Confirmation' }).click()
  await page.getByRole('button', { name: 'Confirm', exact: true }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Order SO-10003 is packed.' })).toBeVisible()
  await expect(page.locator('[data-status]').first()).toHaveText('packed')

  const stored = db()
  expect(stored.prepare("select status from orders where order_number = 'SO-10003'").get()).toEqual({ status: 'packed' })
  expect(stored.prepare('select number, status from boxes').all()).toEqual([{ number: 1, status: 'confirmed' }])
  expect(
    stored
      .prepare(
        'select l.sku, u.serial from scanned_units u join order_lines l on l.id = u.order_line_id join boxes b on b.id = u.box_id where u.removed_at is null order by l.id'
      )
      .all()
  ).toEqual([
    { sku: 'GOO-PX7-128-OBS-U', serial: pixel },
    { sku: 'ACC-CHG-20W-EU', serial: null }
  ])
})
