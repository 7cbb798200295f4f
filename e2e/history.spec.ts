// IMEI history, driven like an operator: a unit packed, shipped and
// returned; scanning its IMEI into the history search shows all of it.
import { expect, imei, openOrder, packWithUsedScan, shipPackedOrder, startWithSampleData, test } from './fixtures'

test('the history of an IMEI: its order, box, operator, shipment and return', async ({ page }) => {
  await startWithSampleData(page)
  const unit = imei('35391611204481')
  await openOrder(page, '404-7483840-3467836', 'SO-10001')
  await packWithUsedScan(page, [unit, imei('35391611204482')])
  await shipPackedOrder(page, 'JJD000390007827', 'https://www.dhl.com/t/JJD000390007827')

  await page.getByRole('button', { name: 'Returns', exact: true }).click()
  await page.getByLabel('Order or IMEI').fill('SO-10001')
  await page.getByLabel('Order or IMEI').press('Enter')
  const serial = page.getByRole('textbox', { name: 'Serial' })
  await serial.focus()
  await page.keyboard.type(unit, { delay: 5 })
  await page.keyboard.press('Enter')
  await expect(page.getByLabel('Scan result')).toContainText('shipped in this order')
  await page.getByRole('button', { name: 'Record return' }).click()
  await expect(page.getByRole('alert', { name: 'Return recorded' })).toBeVisible()

  await page.getByRole('button', { name: 'IMEI history' }).click()
  const search = page.getByRole('textbox', { name: 'IMEI or serial' })
  await expect(search).toBeFocused()
  await page.keyboard.type(unit, { delay: 5 })
  await page.keyboard.press('Enter')

  const history = page.getByRole('table', { name: 'IMEI history' })
  const rows = history.getByRole('row')
  await expect(rows).toHaveCount(1 + 6)
  await expect(rows.nth(1)).toContainText('Scanned')
  await expect(rows.nth(1)).toContainText('SO-10001')
  await expect(rows.nth(1)).toContainText('Marek Nowak')
  await expect(rows.nth(1)).toContainText(`${unit}`)
  await expect(rows.nth(1)).toContainText('into order SO-10001')
  await expect(rows.nth(2)).toContainText('In box')
  await expect(rows.nth(2)).toContainText('Put in box 1 of order SO-10001')
  await expect(rows.nth(3)).toContainText('Box confirmed')
  await expect(rows.nth(4)).toContainText('Packed')
  await expect(rows.nth(5)).toContainText('Shipped with DHL Parcel, tracking JJD000390007827')
  await expect(rows.nth(5)).toContainText('https://www.dhl.com/t/JJD000390007827')
  await expect(rows.nth(6)).toContainText('Returned')
  await expect(rows.nth(6)).toContainText('Returned against order SO-10001')

  // The order number leads to the order.
  await rows.nth(1).getByRole('button', { name: 'SO-10001' }).click()
  await expect(page.getByRole('heading', { name: 'Order SO-10001' })).toBeVisible()

  // A serial never seen here says so.
  await page.getByRole('button', { name: 'IMEI history' }).click()
  await page.keyboard.type(imei('35391611999999'), { delay: 5 })
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert', { name: 'Never seen here' })).toBeVisible()
})
