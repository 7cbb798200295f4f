// What the station stores as sentences reads in Polish after a restart (SPEC §10): a print job's error, a failed
// import's reason, the reasons in an order's history and a return's flag are made while the station speaks English,
// the station process is stopped and started again on the same data folder, and then a shift lead switches it to
// Polish. The browser host is started here twice (this spec needs the restart the fixture's one station cannot
// give). Each screen is photographed for a person to look at (test-results/…/pl-stored-*.png).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test, expect, type Page } from '@playwright/test'
import {
  approveAsShiftLead,
  imei,
  openOrder,
  packWithUsedScan,
  scan,
  shipPackedOrder,
  signInByBadge,
  startWithSampleData
} from './fixtures'
import { hostArgs } from './hostBuild'
import { waitForUrl } from './hostProcess'
import { approve } from './packing-helpers'
import { openOrderPl, shotPl, switchToPolish } from './polish'

const root = resolve(import.meta.dirname, '..')
const children: ChildProcess[] = []
let dataDir = ''

test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'ps-e2e-'))
})

test.afterEach(async () => {
  await Promise.all(children.splice(0).map(stop))
  rmSync(dataDir, { recursive: true, force: true })
})

/** Starts the station on the data folder and opens it in the page. */
async function start(page: Page): Promise<ChildProcess> {
  const child = spawn(process.execPath, hostArgs(dataDir), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  await page.goto(await waitForUrl(child, 30_000))
  return child
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  await exited
}

/** Print settings: the shipping label goes to a network printer where nothing listens (port 1 on this PC). */
async function deadShippingPrinter(page: Page) {
  await page.getByRole('button', { name: 'Printing', exact: true }).click()
  await page.getByRole('button', { name: 'Print settings' }).click()
  await page.getByRole('combobox', { name: 'Shipping label', exact: true }).click()
  await page.getByRole('option', { name: 'Network label printer (ZPL, port 9100)' }).click()
  const printer = page.getByLabel('Shipping label printer')
  await printer.getByLabel('Printer address').fill('127.0.0.1')
  await printer.getByLabel('Port').fill('1')
  await page.getByRole('button', { name: 'Save print settings' }).click()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(page.getByRole('alert')).toHaveText('Print settings saved.')
}

// Two starts of the station and seven screens: longer than the usual slow test.
test.setTimeout(480_000)

test('a print failure, a failed import, hold reasons and a return flag, stored in English, read in Polish after a restart', async ({
  page
}) => {
  const own = [imei('35391611204481'), imei('35391611204482')]
  const stranger = imei('35302611773010') // never scanned at this station
  const first = await start(page)
  await startWithSampleData(page, 'Dana Whitfield')

  // Packed, shipped and returned with a unit that was never shipped (flagged).
  await openOrder(page, 'SO-10001', 'SO-10001')
  await packWithUsedScan(page, own)
  await shipPackedOrder(page, 'JJD000390007827')
  await page.getByRole('alert', { name: 'Shipped' }).getByRole('button', { name: 'Returns of this order' }).click()
  await scan(page, own[0])
  await expect(page.getByLabel('Scan result')).toContainText('OK')
  await scan(page, stranger)
  await expect(page.getByLabel('Scan result')).toContainText('UNKNOWN SERIAL')
  await page.getByRole('button', { name: 'Record return' }).click()
  await expect(page.getByRole('alert', { name: 'Return recorded' })).toBeVisible()

  // Held and released by the shift lead, each with a reason typed in Polish (it stays as typed).
  await openOrder(page, 'SO-10002', 'SO-10002')
  await page.getByRole('button', { name: 'Put on hold' }).click()
  await approve(page, { reason: 'Adres do sprawdzenia', button: 'Hold' })
  await expect(page.getByRole('button', { name: 'Release hold' })).toBeVisible()
  await page.getByRole('button', { name: 'Release hold' }).click()
  await approve(page, { reason: 'Klient potwierdził adres', button: 'Release' })
  await expect(page.getByRole('button', { name: 'Put on hold' })).toBeVisible()

  // The shipping label fails to print.
  await deadShippingPrinter(page)
  await openOrder(page, 'SO-10001', 'SO-10001')
  await page.getByLabel('Labels', { exact: true }).getByRole('button', { name: 'Shipping label' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('button', { name: 'Print', exact: true }).click()
  await expect(dialog.getByRole('alert', { name: 'Printing failed' })).toContainText('127.0.0.1:1')
  await dialog.getByRole('button', { name: 'Close' }).click()

  // An order file with an order of an unknown SKU.
  const file = join(dataDir, 'orders-bad.json')
  const order = {
    oms_order_id: 'OMS-990001',
    order_number: 'SO-99001',
    channel: 'Web shop',
    channel_order_id: 'WEB-99001',
    order_type: 'normal',
    ship_to: { name: 'Anna Kowalska', street1: 'ul. Długa 5', city: 'Kraków', postal_code: '31-147', country: 'PL' },
    carrier: 'DHL',
    service: 'Parcel',
    priority: 0,
    created_at: '2026-11-20T08:15:00Z',
    lines: [{ line_id: 'L1', sku: 'NOPE-1', product_name: 'Nobody knows', quantity: 1, serialized: true, condition: 'used' }]
  }
  // And 100 more of another unknown SKU: the list shows a page of 100, the first order of the file (the oldest
  // entry, the same time as the others) on the next page.
  const more = Array.from({ length: 100 }, (_, i) => ({
    ...order,
    oms_order_id: `OMS-99${1001 + i}`,
    order_number: `SO-9${9101 + i}`,
    lines: [{ ...order.lines[0], sku: 'NOPE-2' }]
  }))
  writeFileSync(file, JSON.stringify({ products: [], orders: [order, ...more] }))
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await page.locator('input[type=file]').setInputFiles(file)
  await page.getByRole('button', { name: 'Import', exact: true }).last().click()
  await expect(page.getByText('Showing 100 of 101, the most recently tried first.')).toBeVisible()
  await expect(page.getByRole('table', { name: 'Failed imports' })).not.toContainText('unknown SKU NOPE-1')
  await page.getByRole('button', { name: 'Show more' }).click()
  await expect(page.getByRole('table', { name: 'Failed imports' })).toContainText('unknown SKU NOPE-1')
  await expect(page.getByRole('button', { name: 'Show more' })).toHaveCount(0)

  // The station restarts: the words come back from the database.
  await stop(first)
  await start(page)
  await signInByBadge(page, 'OP-9001')
  await expect(page.getByLabel('Signed in operator')).toHaveText('Dana Whitfield')
  await switchToPolish(page)

  await page.getByRole('button', { name: 'Wydruki', exact: true }).click()
  const job = page.getByRole('table', { name: 'Zadania drukowania' }).locator('[data-job-status=failed]')
  await expect(job).toContainText('Drukarka 127.0.0.1:1')
  await expect(job).not.toContainText('The printer')
  await shotPl(page, 'stored-print-jobs')

  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const failed = page.getByRole('table', { name: 'Nieudane importy' })
  await expect(page.getByText('Pokazano 100 z 101, od ostatnio próbowanych.')).toBeVisible()
  await shotPl(page, 'stored-failed-imports-first-page')
  await page.getByRole('button', { name: 'Pokaż więcej' }).click()
  await expect(failed).toContainText('pozycja L1: nieznany SKU NOPE-1 (brak mapowania produktu); dodaj produkt, potem ponów')
  await shotPl(page, 'stored-failed-imports')

  await openOrderPl(page, 'SO-10002')
  const history = page.getByRole('table', { name: 'Historia' })
  await expect(history).toContainText('wstrzymane przez: Dana Whitfield; powód: Adres do sprawdzenia')
  await expect(history).toContainText('zwolnione przez: Dana Whitfield; powód: Klient potwierdził adres')
  await shotPl(page, 'stored-order-history')

  // The order screen's label dialog words a new failure in Polish, and the order's history its return.
  await openOrderPl(page, 'SO-10001')
  await expect(page.getByRole('table', { name: 'Historia' })).toContainText('zwrócono 2 sztuki, oznaczone: 1')
  await page.getByLabel('Etykiety', { exact: true }).getByRole('button', { name: 'Etykieta wysyłkowa' }).click()
  const labelDialog = page.getByRole('dialog')
  await labelDialog.getByRole('button', { name: 'Drukuj ponownie', exact: true }).click()
  const alert = labelDialog.getByRole('alert', { name: 'Błąd drukowania' })
  await expect(alert).toContainText('Drukarka 127.0.0.1:1')
  await expect(alert).not.toContainText('The printer')
  await shotPl(page, 'stored-label-failed')
  await labelDialog.getByRole('button', { name: 'Zamknij' }).click()

  // The returns recorded for the order, and the stranger's IMEI history with its flag.
  await page.getByRole('button', { name: 'Zwroty', exact: true }).first().click()
  await page.getByLabel('Zamówienie lub IMEI').fill('SO-10001')
  await page.getByLabel('Zamówienie lub IMEI').press('Enter')
  await expect(page.getByText(`${stranger} — Nieznany numer`)).toBeVisible()
  await shotPl(page, 'stored-returns')

  await page.getByRole('button', { name: 'Historia IMEI', exact: true }).click()
  await page.getByLabel('IMEI lub numer seryjny').fill(stranger)
  await page.getByLabel('IMEI lub numer seryjny').press('Enter')
  await expect(page.getByText('Zwrócono do zamówienia SO-10001 — oznaczono: Nieznany numer')).toBeVisible()
  await shotPl(page, 'stored-imei-history')
})
