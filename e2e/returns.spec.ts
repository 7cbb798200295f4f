// Returns, driven like an operator: two orders shipped; a parcel for the
// first comes back holding one of its IMEIs and one that shipped in the
// other order. The foreign one is flagged loudly, both are recorded.
import { expect, imei, openOrder, packWithUsedScan, scan, shipPackedOrder, startWithSampleData, test } from './fixtures'

test('scan a returned parcel against its order: a foreign IMEI is flagged, the return is recorded whole', async ({ page, db }) => {
  await startWithSampleData(page)
  const own = imei('35391611204481')
  const foreign = imei('35302611773010')
  await openOrder(page, '404-7483840-3467836', 'SO-10001')
  await packWithUsedScan(page, [own, imei('35391611204482')])
  await shipPackedOrder(page, 'JJD000390007827')
  await openOrder(page, 'OD5763245723423', 'SO-10002')
  await packWithUsedScan(page, [foreign])
  await shipPackedOrder(page, '1Z999AA10123456784')

  // Find the order by an IMEI of the parcel: exactly one shipped order, so it opens.
  await page.getByRole('button', { name: 'Returns', exact: true }).click()
  await page.getByLabel('Order or IMEI').fill(own)
  await page.getByLabel('Order or IMEI').press('Enter')
  await expect(page.getByRole('heading', { name: 'Return · SO-10001' })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Serial' })).toBeFocused()

  await scan(page, own)
  await expect(page.getByLabel('Scan result')).toContainText('OK')
  await expect(page.getByLabel('Scan result')).toContainText(`${own} shipped in this order`)

  await scan(page, foreign)
  const result = page.getByLabel('Scan result')
  await expect(result).toContainText('NOT IN THIS ORDER')
  await expect(result).toContainText(`${foreign} shipped in order SO-10002`)
  await expect(result).toHaveAttribute('data-outcome', 'wrong_item')

  // The same unit twice is not added.
  await scan(page, own)
  await expect(result).toContainText('NOT ADDED')
  await expect(result).toContainText('already in this parcel')

  const parcel = page.getByRole('table', { name: 'Returned units' })
  await expect(parcel.getByRole('row')).toHaveCount(3)
  await expect(parcel.getByRole('row').filter({ hasText: foreign })).toContainText('Not in this order')
  // Nothing is written while the parcel is being scanned.
  expect(db().prepare('select count(*) n from returns').get()).toEqual({ n: 0 })

  await page.getByLabel('Note (optional)').fill('Customer says: wrong phone in the box')
  await page.getByRole('button', { name: 'Record return' }).click()
  await expect(page.getByRole('alert', { name: 'Return recorded' })).toContainText('2 units received from order SO-10001, 1 flagged')
  await expect(page.getByText('Nothing scanned yet.')).toBeVisible()

  const stored = db()
  expect(stored.prepare('select r.note, o.order_number from returns r join orders o on o.id = r.order_id').all()).toEqual([
    { note: 'Customer says: wrong phone in the box', order_number: 'SO-10001' }
  ])
  expect(stored.prepare('select serial, flag, unit_id is not null as known from return_units order by id').all()).toEqual([
    { serial: own, flag: null, known: 1 },
    { serial: foreign, flag: 'not_in_order', known: 0 }
  ])
  const event = stored.prepare("select payload from outbox where type = 'return.received'").get() as { payload: string }
  expect(JSON.parse(event.payload)).toMatchObject({
    orderNumber: 'SO-10001',
    units: [
      { serial: own, flag: null },
      { serial: foreign, flag: 'not_in_order' }
    ]
  })
})
