// Dual-IMEI devices and multi-serial codes (SPEC §5), driven like an operator:
// IMEI 1 then IMEI 2 of a Samsung S21 make one unit; one 2D code holding two
// iPhone 13 IMEIs makes two units, or none when any part is wrong.
import { expect, imei, scan, test } from './fixtures'
import { findOrder, scanResult, signInWithSampleData, snapshot, wedgeScan } from './packing-helpers'

test('SO-10004: IMEI 1 waits for IMEI 2 without writing anything; IMEI 2 makes one unit with both', async ({ page, db }) => {
  await signInWithSampleData(page)
  await findOrder(page, 'WEB-2026-118204', 'SO-10004')
  await page.getByRole('button', { name: 'Used Scan' }).click()

  const imei1 = imei('35262811000011')
  const imei2 = imei('35262811000012')
  await scan(page, imei1)
  await expect(scanResult(page)).toContainText('NOW SCAN IMEI 2')
  await expect(scanResult(page)).toContainText('IMEI 1 OK: now scan IMEI 2 of this Samsung Galaxy S21')
  await expect(page.getByRole('textbox', { name: 'Serial (IMEI 2)' })).toBeFocused()
  await expect(page.getByLabel('Scan Count')).toHaveText('0')
  expect(db().prepare('select count(*) n from scanned_units').get()).toEqual({ n: 0 })
  expect(db().prepare("select status from orders where order_number = 'SO-10004'").get()).toEqual({ status: 'ready' })

  await scan(page, imei2)
  await expect(scanResult(page)).toContainText('OK')
  await expect(scanResult(page)).toContainText(`OK ${imei1} + ${imei2}`)
  await expect(page.getByRole('textbox', { name: 'Serial', exact: true })).toBeFocused()
  await expect(page.getByLabel('Scan Count')).toHaveText('1')
  await expect(page.getByLabel('Pending Count')).toHaveText('0')
  await expect(page.getByLabel('Scanned since the last box')).toContainText(`${imei1} / ${imei2}`)

  expect(db().prepare('select serial, serial2, box_id from scanned_units').all()).toEqual([{ serial: imei1, serial2: imei2, box_id: null }])
  expect(db().prepare("select status from orders where order_number = 'SO-10004'").get()).toEqual({ status: 'in_progress' })
})

// The refused code first, then the right one, on one station: the refusal must leave the order exactly as it was, and
// a station of its own would cost a start of the host and the page for nothing the check needs.
test('SO-10001: a two-IMEI code whose 2nd part has a wrong check digit is refused — INVALID SERIAL naming part 2, nothing written; one code with two IMEIs (comma-separated, sent at scanner speed + Enter) adds both units', async ({
  page,
  db
}) => {
  await signInWithSampleData(page)
  await findOrder(page, '404-7483840-3467836', 'SO-10001')
  await page.getByRole('button', { name: 'Used Scan' }).click()
  const before = snapshot(db(), 'SO-10001')

  const a = imei('35391611300001')
  const b = imei('35391611300002')
  const bad = b.slice(0, 14) + ((Number(b[14]) + 1) % 10)
  await scan(page, `${a},${bad}`)
  await expect(scanResult(page)).toContainText('INVALID SERIAL')
  await expect(scanResult(page)).toContainText('Code part 2 of 2')
  await expect(scanResult(page)).toContainText('check digit is wrong')
  await expect(page.getByLabel('Scan Count')).toHaveText('0')
  await expect(page.getByLabel('Pending Count')).toHaveText('2')

  expect(snapshot(db(), 'SO-10001')).toEqual(before)
  expect(db().prepare('select count(*) n from scanned_units').get()).toEqual({ n: 0 })

  await wedgeScan(page, `${a},${b}`)
  await expect(scanResult(page)).toContainText('OK')
  await expect(scanResult(page)).toContainText('OK: 2 units from one code')
  await expect(page.getByLabel('Scan Count')).toHaveText('2')
  await expect(page.getByLabel('Pending Count')).toHaveText('0')

  expect(db().prepare('select serial, serial2, entry_method from scanned_units order by serial').all()).toEqual([
    { serial: a, serial2: null, entry_method: 'scanned' },
    { serial: b, serial2: null, entry_method: 'scanned' }
  ])
})
