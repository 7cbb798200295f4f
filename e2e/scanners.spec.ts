// A serial scanner end to end: a real pseudo-terminal pair (socat) stands in
// for the scanner. The operator configures it on the Scanners screen, tests
// a scan, sees a scan ignored while no scan screen is open, then Used Scans
// an order with it — each scan committed exactly as a typed one — and
// confirms packing. Unplugging (socat killed) and replugging shows in the status bar.
import { approveAsShiftLead, expect, imei, test as base } from './fixtures'
import { ptyPair, type PtyPair } from '../test/devices/ptyPair'

const test = base.extend<{ scanner: PtyPair }>({
  scanner: async ({}, use) => {
    const pair = ptyPair()
    await pair.start()
    try {
      await use(pair)
    } finally {
      await pair.dispose()
    }
  }
})

test('a serial scanner drives a full Used Scan of an order, configured from the Scanners screen', async ({ page, db, scanner }) => {
  await page.getByRole('button', { name: 'Load sample data' }).click()
  await page.getByRole('button', { name: 'Marek Nowak' }).click()
  await expect(page.getByLabel('Signed in operator')).toHaveText('Marek Nowak')

  // Configure the scanner like an operator: Scanners → serial port by path, 9600 baud, CR; the shift lead approves.
  await page.getByRole('button', { name: 'Scanners', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Scanners', level: 1 })).toBeVisible()
  await expect(page.getByLabel('Scanner status')).toContainText('Keyboard wedge: connected')
  await page.getByLabel('Use a serial scanner').check()
  await page.getByRole('combobox', { name: 'Port', exact: true }).click()
  await page.getByRole('option', { name: 'Other port: type its path' }).click()
  await page.getByLabel('Port path').fill(scanner.a)
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('dialog', { name: 'Approve: change the scanner settings' })).toBeVisible()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(page.getByRole('alert', { name: 'Saved' })).toContainText('Scanner settings saved.')
  await expect(page.getByLabel('Connection').locator('[data-scanner=serial]')).toHaveAttribute('data-state', 'connected')
  await expect(page.getByLabel('Connection')).toContainText(`Connected: ${scanner.a}`)
  await expect(page.getByLabel('Scanner status')).toContainText('Serial scanner: connected')

  // Test scan: the last scan raw and decoded.
  const first = imei('35391611204481')
  const second = imei('35391611204482')
  scanner.write(`\x00${first}\r`)
  await expect(page.getByLabel('Raw')).toHaveText(`<NUL>${first}<CR>`)
  await expect(page.getByLabel('Decoded')).toHaveText(first)
  await expect(page.getByLabel('Last scan')).toContainText('(serial)')

  // No scan screen open: the scan is applied to nothing, and the operator is told.
  await page.getByRole('button', { name: 'Orders', exact: true }).click()
  scanner.write(`${first}\r`)
  await expect(page.getByRole('alert', { name: /^Scan from .* ignored/ })).toContainText(
    `Scan from serial scanner ${scanner.a} ignored: open an order's scan screen first`
  )
  expect(db().prepare('select count(*) n from scanned_units').get()).toEqual({ n: 0 })
  await page
    .getByRole('alert', { name: /^Scan from .* ignored/ })
    .getByRole('button')
    .click()
  await expect(page.getByRole('alert', { name: /^Scan from .* ignored/ })).toHaveCount(0)

  // Used Scan with the serial scanner: the same screen, the same checks, the same commit as a typed scan.
  await page.getByLabel('Search').fill('404-7483840-3467836')
  await page.getByLabel('Search').press('Enter')
  await expect(page.getByRole('heading', { name: 'Order SO-10001' })).toBeVisible()
  await page.getByRole('button', { name: 'Used Scan' }).click()
  await expect(page.getByLabel('Pending Count')).toHaveText('2')

  scanner.write(`${first}\r`)
  await expect(page.getByLabel('Scan result')).toContainText('OK')
  await expect(page.getByLabel('Scan Count')).toHaveText('1')
  await expect(page.getByLabel('Pending Count')).toHaveText('1')

  // Refusals come back exactly as for a typed scan, and change nothing.
  scanner.write(`${first}\r`)
  await expect(page.getByLabel('Scan result')).toContainText('DUPLICATE')
  scanner.write(`${'7'.repeat(70)}\r`)
  await expect(page.getByLabel('Scan result')).toContainText('Scan too long (70 characters, at most 64)')
  await expect(page.getByLabel('Scan Count')).toHaveText('1')

  scanner.write(`${second}\r`)
  await expect(page.getByLabel('Scan Count')).toHaveText('2')
  await expect(page.getByLabel('Pending Count')).toHaveText('0')
  expect(db().prepare('select serial, entry_method from scanned_units order by scanned_at').all()).toEqual([
    { serial: first, entry_method: 'scanned' },
    { serial: second, entry_method: 'scanned' }
  ])

  // Unplug and replug: the status bar follows, and it reconnects by itself.
  await scanner.stop()
  await expect(page.getByLabel('Scanner status')).toContainText('Serial scanner: waiting for device')
  await scanner.start()
  await expect(page.getByLabel('Scanner status')).toContainText('Serial scanner: connected')

  await page.getByRole('button', { name: 'Save' }).first().click()
  await expect(page.getByLabel('Scan result')).toContainText('Box 1 saved with 2 units')
  await page.keyboard.press('F8')
  await expect(page.getByLabel('Scan result')).toContainText('Box 1 confirmed')
  await page.getByRole('button', { name: 'Packing Confirmation' }).click()
  await page.getByRole('button', { name: 'Confirm' }).click()
  await expect(page.locator('[data-status]').first()).toHaveText('packed')
  expect(db().prepare("select status from orders where order_number = 'SO-10001'").get()).toEqual({ status: 'packed' })
})
