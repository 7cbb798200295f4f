// The Orders screen on a station with a few hundred orders: the first page
// when the screen opens, the next ones as the operator scrolls to the end of
// the table, and a search that lists its best matches first.
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Page } from '@playwright/test'
import { expect, startWithSampleData, test } from './fixtures'

const ADDED = 435

/** Copies of sample order SO-10001 (with its lines) as SO-20001…, written straight into the station's file. */
function addOrders(dataDir: string) {
  const db = new Database(join(dataDir, 'station.db'))
  try {
    db.transaction(() => {
      const first = db.prepare("select id from orders where order_number = 'SO-10001'").get() as { id: number }
      const order = db.prepare(
        `insert into orders (oms_order_id, order_number, channel, channel_order_id, order_type, ship_to, carrier, service, priority,
           oms_created_at, status, content_hash, imported_at, updated_at)
         select 'OMS-2' || ?, 'SO-2' || ?, channel, 'CH-2' || ?, order_type, ship_to, carrier, service, 0, ?, 'ready', 'copy', imported_at, updated_at
         from orders where id = ?`
      )
      const lines = db.prepare(
        `insert into order_lines (order_id, line_id, sku, product_name, quantity, serialized, condition)
         select ?, line_id, sku, product_name, quantity, serialized, condition from order_lines where order_id = ?`
      )
      for (let n = 1; n <= ADDED; n++) {
        const suffix = String(n).padStart(4, '0')
        const created = new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString()
        lines.run(order.run(suffix, suffix, suffix, created, first.id).lastInsertRowid, first.id)
      }
    })()
  } finally {
    db.close()
  }
}

const shown = (page: Page) => page.getByLabel('Orders shown')
const scrollToEnd = (page: Page) =>
  page
    .getByRole('table', { name: 'Orders' })
    .locator('xpath=..')
    .evaluate((el) => el.scrollTo(0, el.scrollHeight))

test('a few hundred orders: the first page on open, the next as the operator scrolls, a search best match first', async ({
  page,
  dataDir
}, testInfo) => {
  await startWithSampleData(page)
  addOrders(dataDir)
  // Away and back: the screen lists what the station holds when it opens.
  await page.getByRole('button', { name: 'IMEI history' }).click()
  await page.getByRole('button', { name: 'Orders', exact: true }).click()
  await expect(shown(page)).toHaveText('Showing 200 orders — more load as you scroll')
  await page.screenshot({ path: testInfo.outputPath('orders-list.png') })

  await scrollToEnd(page)
  await expect(shown(page)).toHaveText('Showing 400 orders — more load as you scroll')
  await scrollToEnd(page)
  await expect(shown(page)).toHaveText(`Showing all ${15 + ADDED} orders`)
  // The last rows drawn are the newest orders (the list runs oldest first within a priority).
  await expect(page.getByRole('table', { name: 'Orders' }).locator('tr[data-order]').last()).toHaveAttribute('data-order', /^SO-2/)

  // A search (typed in lower case): its matches by order number, in order.
  await page.getByLabel('Search').fill('so-2000')
  await expect(shown(page)).toHaveText('9 matches, best first')
  const numbers = await page
    .getByRole('table', { name: 'Orders' })
    .locator('tr[data-order]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-order')))
  expect(numbers).toEqual(Array.from({ length: 9 }, (_, i) => `SO-2000${i + 1}`))
})
