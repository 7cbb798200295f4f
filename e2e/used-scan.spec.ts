// The first slice, end to end, driven like an operator: create the first
// shift lead, import the sample order file, find an order by its channel
// order id, Used Scan it with typed IMEIs, save and confirm the box, confirm packing.
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { enterSignInPin, expect, imei, scan, test } from './fixtures'

const SAMPLE = resolve(import.meta.dirname, '../resources/sample-orders.json')

test('import the sample orders, Used Scan an order completely and confirm packing', async ({ page, db }) => {
  await page.getByLabel('Name').fill('Dana Whitfield')
  await page.getByLabel('Badge code').fill('OP-9001')
  await page.getByLabel('PIN').fill('1234')
  await page.getByRole('button', { name: 'Create shift lead' }).click()

  // Sign in by scanning the badge; a shift lead then gives the PIN.
  await page.getByLabel('Badge', { exact: true }).fill('OP-9001')
  await page.getByLabel('Badge', { exact: true }).press('Enter')
  await enterSignInPin(page, '1234')
  await expect(page.getByLabel('Signed in operator')).toHaveText('Dana Whitfield')
  await expect(page.getByRole('alert', { name: 'No orders yet' })).toBeVisible()

  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await page.getByLabel('Order file').click()
  await page.locator('input[type=file]').setInputFiles(SAMPLE)
  await page.getByRole('button', { name: 'Import', exact: true }).last().click()
  await expect(page.getByRole('alert', { name: 'Import finished' })).toContainText('15 imported, 0 already here, 0 failed')

  // Find the order by its marketplace id: type it and Enter, as a scanner would.
  await page.getByRole('button', { name: 'Orders', exact: true }).click()
  await page.getByLabel('Search').fill('404-7483840-3467836')
  await page.getByLabel('Search').press('Enter')
  await expect(page.getByRole('heading', { name: 'Order SO-10001' })).toBeVisible()

  await page.getByRole('button', { name: 'Used Scan' }).click()
  await expect(page.getByRole('textbox', { name: 'Serial' })).toBeFocused()
  await expect(page.getByLabel('Scan Count')).toHaveText('0')
  await expect(page.getByLabel('Pending Count')).toHaveText('2')

  const first = imei('35391611204481')
  const second = imei('35391611204482')
  await scan(page, first)
  await expect(page.getByLabel('Scan result')).toContainText('OK')
  await expect(page.getByLabel('Scan Count')).toHaveText('1')
  await expect(page.getByLabel('Pending Count')).toHaveText('1')
  await expect(page.getByRole('textbox', { name: 'Serial' })).toBeFocused()

  // A wrong check digit is refused by name, and nothing changes.
  const bad = first.slice(0, 14) + ((Number(first[14]) + 1) % 10)
  await scan(page, bad)
  await expect(page.getByLabel('Scan result')).toContainText('INVALID SERIAL')
  await expect(page.getByLabel('Scan result')).toContainText('check digit is wrong')
  await expect(page.getByLabel('Scan Count')).toHaveText('1')

  // The same IMEI again: a duplicate, and the message says where it is.
  await scan(page, first)
  await expect(page.getByLabel('Scan result')).toContainText('DUPLICATE')
  await expect(page.getByLabel('Scan result')).toContainText('in this order, not yet in a box')
  await expect(page.getByLabel('Scan Count')).toHaveText('1')

  await scan(page, second)
  await expect(page.getByLabel('Scan result')).toContainText('OK')
  await expect(page.getByLabel('Scan Count')).toHaveText('2')
  await expect(page.getByLabel('Pending Count')).toHaveText('0')

  // Committed before the screen said OK: the database already holds both units.
  const units = db().prepare('select serial, box_id from scanned_units order by scanned_at').all()
  expect(units).toEqual([
    { serial: first, box_id: null },
    { serial: second, box_id: null }
  ])

  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByLabel('Scan result')).toContainText('Box 1 saved with 2 units')
  await page.keyboard.press('F8')
  await expect(page.getByLabel('Scan result')).toContainText('Box 1 confirmed')

  await page.getByRole('button', { name: 'Packing Confirmation' }).click()
  await page.getByRole('button', { name: 'Confirm' }).click()
  await expect(page.getByRole('alert')).toContainText('Order SO-10001 is packed.')
  await expect(page.locator('[data-status]').first()).toHaveText('packed')

  const stored = db()
  expect(stored.prepare("select status from orders where order_number = 'SO-10001'").get()).toEqual({ status: 'packed' })
  expect(stored.prepare('select number, status from boxes').all()).toEqual([{ number: 1, status: 'confirmed' }])
  expect(stored.prepare('select count(*) n from scanned_units where box_id is not null').get()).toEqual({ n: 2 })
  expect(
    stored
      .prepare('select type from outbox order by created_at, rowid')
      .all()
      .map((r) => (r as { type: string }).type)
  ).toEqual(['order.in_progress', 'box.confirmed', 'order.packed'])
})

test('a held order cannot be scanned; an order is found again by a scanned IMEI', async ({ page, db }) => {
  await page.getByRole('button', { name: 'Load sample data' }).click()
  await page.getByRole('button', { name: 'Marek Nowak' }).click()

  await page.getByLabel('Search').fill('RF-5521-0098')
  await page.getByLabel('Search').press('Enter')
  await expect(page.getByRole('heading', { name: 'Order SO-10008' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Used Scan' })).toBeDisabled()

  await page.getByRole('button', { name: '← Orders' }).click()
  await page.getByLabel('Search').fill('BM-99812734')
  await page.getByLabel('Search').press('Enter')
  await page.getByRole('button', { name: 'Used Scan' }).click()

  await scan(page, '35302611773010')
  await expect(page.getByLabel('Scan result')).toContainText('14-digit IMEI without check digit')
  const iphone12 = imei('35302611773010')
  await scan(page, iphone12)
  await expect(page.getByLabel('Scan result')).toContainText('OK')
  await expect(page.getByRole('table', { name: 'Lines' }).getByRole('row').filter({ hasText: 'iPhone 12' })).toContainText('1')
  expect(db().prepare('select count(*) n from scanned_units').get()).toEqual({ n: 1 })

  await page.getByRole('button', { name: 'Orders', exact: true }).click()
  await page.getByLabel('Search').fill(iphone12)
  await expect(page.getByRole('table', { name: 'Orders' })).toContainText('SO-10005')
  await expect(page.getByRole('table', { name: 'Orders' })).toContainText(`IMEI ${iphone12}`)
  await expect(page.getByRole('table', { name: 'Orders' }).getByRole('row')).toHaveCount(2)
})

/**
 * Holds the station's answers to scans at the browser host's WebSocket (Playwright's routeWebSocket) while `holding`
 * is on, and notes the serial of every scan the screen sends. Only answers to scans are held (the screen asks other
 * things meanwhile). In the Electron app (no WebSocket, `stationUrl` null) nothing is held and nothing noted.
 */
async function scanAnswers(page: Page, stationUrl: string | null) {
  const answers = { holding: false, held: [] as (() => void)[], sent: [] as string[], routed: stationUrl !== null }
  if (!answers.routed) return answers
  const scans = new Set<unknown>()
  await page.routeWebSocket(/\/station\?/, (client) => {
    const server = client.connectToServer()
    client.onMessage((message) => {
      const request = JSON.parse(String(message)) as { id: unknown; channel: string; args?: { input?: string } }
      if (request.channel === 'scanning:scan') {
        scans.add(request.id)
        answers.sent.push(String(request.args?.input))
      }
      server.send(message)
    })
    server.onMessage((message) => {
      const answer = JSON.parse(String(message)) as { id?: unknown }
      if (answers.holding && scans.has(answer.id)) answers.held.push(() => client.send(message))
      else client.send(message)
    })
  })
  await page.reload()
  return answers
}

/** Signs in the sample operator and opens Used Scan on SO-10005 (an iPhone 13 and an iPhone 12, one each). */
async function usedScanOnSampleOrder(page: Page) {
  await page.getByRole('button', { name: 'Load sample data' }).click()
  await page.getByRole('button', { name: 'Marek Nowak' }).click()
  await page.getByLabel('Search').fill('BM-99812734')
  await page.getByLabel('Search').press('Enter')
  await page.getByRole('button', { name: 'Used Scan' }).click()
  await expect(page.getByLabel('Scan Count')).toHaveText('0')
}

// Issue 10: Enter makes no frame of its own — the serial stays in the field until the station's answer is drawn and
// leaves with it, and what the scanner types meanwhile is kept for the next scan. The answers are held at the
// browser host's WebSocket, so the check needs the browser host: in the Electron app the same steps run with the
// answers not held, and only what follows them is checked.
test('the serial stays in the field until its answer is drawn; what is typed meanwhile is the next scan', async ({ page, stationUrl }) => {
  const answers = await scanAnswers(page, stationUrl)
  await usedScanOnSampleOrder(page)
  const field = page.getByRole('textbox', { name: 'Serial' })

  const iphone12 = imei('35302611773010')
  answers.holding = answers.routed
  await scan(page, iphone12)
  // The next scan's first characters, typed while the answer is on its way.
  await page.keyboard.type(iphone12.slice(0, 6), { delay: 5 })
  if (answers.holding) {
    await expect.poll(() => answers.held.length).toBe(1)
    await expect(field).toHaveValue(iphone12 + iphone12.slice(0, 6))
    await expect(page.getByLabel('Scan Count')).toHaveText('0')
    answers.holding = false
    for (const answer of answers.held.splice(0)) answer()
  }
  await expect(page.getByLabel('Scan result')).toContainText('OK')
  await expect(page.getByLabel('Scan Count')).toHaveText('1')
  await expect(field).toHaveValue(iphone12.slice(0, 6))

  // The rest, then Enter: the field sends only this scan's serial (the same IMEI again, refused as a duplicate).
  await page.keyboard.type(iphone12.slice(6), { delay: 5 })
  await page.keyboard.press('Enter')
  await expect(page.getByLabel('Scan result')).toContainText('DUPLICATE')
  await expect(field).toHaveValue('')
  await expect(page.getByLabel('Scan Count')).toHaveText('1')
})

// A fast scanner can end a scan before the station has answered the one before: that scan waits its turn and is
// counted, not dropped. The first answer is held while the second scan is entered; in the Electron app the two scans
// run as fast as the keyboard sends them.
test('a scan ended before the last one was answered is sent after it, not dropped', async ({ page, stationUrl, db }) => {
  const answers = await scanAnswers(page, stationUrl)
  await usedScanOnSampleOrder(page)

  const iphone12 = imei('35302611773010')
  const iphone13 = imei('35391611204481')
  answers.holding = answers.routed
  await scan(page, iphone12)
  if (answers.holding) await expect.poll(() => answers.held.length).toBe(1)
  await page.keyboard.type(iphone13, { delay: 5 })
  await page.keyboard.press('Enter')
  if (answers.holding) {
    // The second scan waits for the first one's answer: only the first has gone to the station.
    await expect(page.getByLabel('Scan Count')).toHaveText('0')
    expect(answers.sent).toEqual([iphone12])
    answers.holding = false
    for (const answer of answers.held.splice(0)) answer()
    await expect.poll(() => answers.sent).toEqual([iphone12, iphone13])
  }
  await expect(page.getByLabel('Scan Count')).toHaveText('2')
  await expect(page.getByLabel('Scan result')).toContainText('OK')
  await expect(page.getByRole('textbox', { name: 'Serial' })).toHaveValue('')
  const stored = db().prepare('select serial from scanned_units order by scanned_at, rowid').all()
  expect(stored).toEqual([{ serial: iphone12 }, { serial: iphone13 }])
})
