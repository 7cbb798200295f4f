// Shipping, driven like an operator: pack an order, then Ship from Packing
// Confirmation with the tracking number scanned from the carrier label and a
// tracking URL. A URL that is not http(s) is refused and nothing changes.
import { expect, imei, openOrder, packWithUsedScan, startWithSampleData, test } from './fixtures'

test('ship a packed order with a tracking number and URL; a bad URL is refused first and changes nothing', async ({ page, db }) => {
  await startWithSampleData(page)
  await openOrder(page, '404-7483840-3467836', 'SO-10001')
  await packWithUsedScan(page, [imei('35391611204481'), imei('35391611204482')])

  await page.getByRole('button', { name: 'Ship', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Ship · SO-10001' })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Carrier' })).toHaveValue('DHL')
  await expect(page.getByRole('textbox', { name: 'Service' })).toHaveValue('Parcel')
  await expect(page.getByRole('textbox', { name: 'Tracking number' })).toBeFocused()

  // The scanner types the tracking number and Enter: the cursor moves on to the URL, nothing ships yet.
  await page.keyboard.type('JJD000390007827', { delay: 5 })
  await page.keyboard.press('Enter')
  const url = page.getByRole('textbox', { name: 'Tracking URL (optional)' })
  await expect(url).toBeFocused()
  await page.keyboard.type('javascript:alert(1)')
  await page.getByRole('button', { name: 'Ship', exact: true }).click()
  await expect(page.getByText('The tracking URL must be a web address starting with https:// or http://, not javascript:')).toBeVisible()
  const stored = db()
  const order = () =>
    stored.prepare("select status, tracking_number, tracking_url, shipped_at from orders where order_number = 'SO-10001'").get()
  expect(order()).toEqual({ status: 'packed', tracking_number: null, tracking_url: null, shipped_at: null })
  expect(stored.prepare("select count(*) n from outbox where type = 'order.shipped'").get()).toEqual({ n: 0 })

  await url.fill('https://www.dhl.com/de-en/home/tracking.html?tracking-id=JJD000390007827')
  await page.getByRole('button', { name: 'Ship', exact: true }).click()
  await expect(page.getByRole('alert', { name: 'Shipped' })).toContainText('JJD000390007827')
  await expect(page.locator('[data-status]').first()).toHaveText('shipped')

  expect(order()).toEqual({
    status: 'shipped',
    tracking_number: 'JJD000390007827',
    tracking_url: 'https://www.dhl.com/de-en/home/tracking.html?tracking-id=JJD000390007827',
    shipped_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/)
  })
  const outbox = stored.prepare("select payload from outbox where type = 'order.shipped'").all() as { payload: string }[]
  expect(outbox).toHaveLength(1)
  expect(JSON.parse(outbox[0].payload)).toMatchObject({
    orderNumber: 'SO-10001',
    from: 'packed',
    to: 'shipped',
    carrier: 'DHL',
    service: 'Parcel',
    trackingNumber: 'JJD000390007827',
    trackingUrl: 'https://www.dhl.com/de-en/home/tracking.html?tracking-id=JJD000390007827'
  })

  // The order screen now offers the shipment, not shipping again.
  await page.getByRole('button', { name: '← Order' }).click()
  await expect(page.getByRole('button', { name: 'Shipment' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Ship', exact: true })).toHaveCount(0)
})
