// Support at the station, driven like a shift lead: times on screen in the
// PC's zone (the browser runs in Auckland here, far from UTC), the notice that
// boxes get no SSCC without a GS1 prefix, and Export diagnostics from Settings
// — one zip in the data folder, unzipped and read back, with no PIN in it.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { formatLocalTime } from '../src/shared/localTime'
import { approveAsShiftLead, expect, openOrder, startWithSampleData, test } from './fixtures'

test.use({ timezoneId: 'Pacific/Auckland' })

test('local times, the no-SSCC notice, and Export diagnostics', async ({ page, db, dataDir }) => {
  await startWithSampleData(page, 'Dana Whitfield')

  // The orders list shows each order's created time in the browser's zone, not the stored UTC text.
  const row = db().prepare("select order_number, oms_created_at as created_at from orders where order_number = 'SO-10001'").get() as {
    order_number: string
    created_at: string
  }
  const local = formatLocalTime(row.created_at, { timeZone: 'Pacific/Auckland' })
  expect(local).not.toBe(row.created_at.slice(0, 16).replace('T', ' '))
  await expect(page.getByRole('row').filter({ hasText: 'SO-10001' })).toContainText(local)
  await page.screenshot({ path: 'test-results/diagnostics-orders-local-time.png' })

  // No GS1 prefix in the sample station: Used Scan and Packing Confirmation say boxes get no SSCC.
  await openOrder(page, 'SO-10001', 'SO-10001')
  await page.getByRole('button', { name: 'Used Scan' }).click()
  await expect(page.getByRole('note').filter({ hasText: 'Boxes get no SSCC' })).toContainText('get no SSCC')
  await page.screenshot({ path: 'test-results/diagnostics-used-scan-no-sscc.png' })
  await page.getByRole('button', { name: 'Packing Confirmation' }).click()
  await expect(page.getByRole('note').filter({ hasText: 'Boxes get no SSCC' })).toBeVisible()

  // Export diagnostics: approved with badge and PIN, the zip lands in the data folder's diagnostics/.
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await page.getByRole('button', { name: 'Export diagnostics' }).click()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  const done = page.getByRole('status').filter({ hasText: 'Diagnostics written to' })
  await expect(done).toBeVisible()
  await page.screenshot({ path: 'test-results/diagnostics-settings-export.png', fullPage: true })
  const zips = readdirSync(join(dataDir, 'diagnostics'))
  expect(zips).toHaveLength(1)
  await expect(done).toContainText(zips[0]!)
  const files = unzipSync(readFileSync(join(dataDir, 'diagnostics', zips[0]!)))
  expect(Object.keys(files)).toEqual(
    expect.arrayContaining(['integrity.json', 'settings.json', 'versions.json', 'recent-events.json', 'logs/station.log'])
  )
  expect(JSON.parse(strFromU8(files['integrity.json']!))).toMatchObject({ ok: true })
  const log = strFromU8(files['logs/station.log']!)
  expect(log).toContain('"event":"sign_in"')
  expect(log).not.toMatch(/"pin":"1234"/)
})
