// Shipping, returns and printing in Polish (SPEC §10): an order is packed in English, then a shift lead switches the
// station to Polish; the Ship screen, Returns (parcel and search), the print settings, the label dialog and the print
// jobs all speak it, with Polish plurals and dates. Each screen is photographed for a person to
// look at (test-results/…/pl-*.png).
import type { Page } from '@playwright/test'
import { expect, imei, openOrder, packWithUsedScan, startWithSampleData, test } from './fixtures'
import { approvePl, openOrderPl, shotPl, switchToPolish } from './polish'

/** A Polish date and time to the minute, "30.11.2026, 07:46". */
const PL_STAMP = /\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/

/** A keyboard-wedge scan into the Polish serial field. */
async function scanPl(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Numer seryjny' }).focus()
  await page.keyboard.type(text, { delay: 5 })
  await page.keyboard.press('Enter')
}

test.slow()

test('shipping, returns, labels and printing speak Polish, with Polish plurals and dates', async ({ page }) => {
  await startWithSampleData(page, 'Dana Whitfield')
  const own = [imei('35391611204481'), imei('35391611204482')]
  const stranger = imei('35302611773010') // never scanned at this station
  await openOrder(page, 'SO-10001', 'SO-10001')
  await packWithUsedScan(page, own)

  await switchToPolish(page)

  // Ship: the form, the parcel's summary (one box, two units), then the shipment with its Polish date.
  await openOrderPl(page, 'SO-10001')
  await page.getByRole('button', { name: 'Wyślij', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Wysyłka · SO-10001' })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Numer przesyłki' })).toBeFocused()
  await expect(page.getByText('1 karton, 2 sztuki')).toBeVisible()
  await page.getByRole('textbox', { name: 'Przewoźnik' }).fill('')
  await page.getByRole('button', { name: 'Wyślij', exact: true }).click()
  await expect(page.getByText('Podaj przewoźnika')).toBeVisible()
  await shotPl(page, 'shipping')
  await page.getByRole('textbox', { name: 'Przewoźnik' }).fill('UPS')
  // A tracking number and URL that cannot be right are explained in Polish before anything is sent.
  await page.getByRole('textbox', { name: 'Numer przesyłki' }).fill('ABC12')
  await page.getByRole('textbox', { name: 'Link do śledzenia (opcjonalnie)' }).fill('ftp://ftp.dhl.com/track')
  await page.getByRole('button', { name: 'Wyślij', exact: true }).click()
  await expect(page.getByText('Numer przesyłki musi mieć od 6 do 40 znaków, a ten ma 5.')).toBeVisible()
  await expect(
    page.getByText('Link do śledzenia musi być adresem strony zaczynającym się od https:// lub http://, a nie ftp:.')
  ).toBeVisible()
  await page.getByRole('textbox', { name: 'Link do śledzenia (opcjonalnie)' }).fill('')
  await page.getByRole('textbox', { name: 'Numer przesyłki' }).fill('JJD000390007827')
  await page.getByRole('button', { name: 'Wyślij', exact: true }).click()
  const shipped = page.getByRole('alert', { name: 'Wysłane' })
  await expect(shipped.getByRole('table', { name: 'Przesyłka' })).toContainText('JJD000390007827')
  await expect(shipped.getByRole('row', { name: /Wysłano/ })).toHaveText(PL_STAMP)
  await shotPl(page, 'shipped')

  // A return of that order: its own unit, a stranger (flagged), the own unit again (not added).
  await shipped.getByRole('button', { name: 'Zwroty tego zamówienia' }).click()
  await expect(page.getByRole('heading', { name: 'Zwrot · SO-10001' })).toBeVisible()
  const result = page.getByLabel('Wynik skanu')
  await expect(result).toContainText('GOTOWY DO SKANOWANIA')
  await scanPl(page, own[0])
  await expect(result).toContainText('OK')
  await scanPl(page, stranger)
  await expect(result).toContainText('NIEZNANY NUMER')
  await expect(result).toContainText(`Nieznany: ${stranger} nigdy nie był skanowany na tym stanowisku`)
  await scanPl(page, own[0])
  await expect(result).toContainText('NIE DODANO')
  await expect(page.getByText('2 sztuki, oznaczonych: 1')).toBeVisible()
  await expect(page.getByRole('table', { name: 'Zwrócone sztuki' })).toContainText('Nieznany numer')
  await shotPl(page, 'return-parcel')
  await page.getByRole('button', { name: 'Zapisz zwrot' }).click()
  await expect(page.getByRole('alert', { name: 'Zwrot zapisany' })).toHaveText(/Przyjęto 2 sztuki z zamówienia SO-10001, oznaczonych: 1\./)
  await expect(page.getByText('Jeszcze nic nie zeskanowano.')).toBeVisible()
  await expect(page.getByText('Zapisane zwroty')).toBeVisible()
  await expect(page.getByText(new RegExp(`${PL_STAMP.source} · Dana Whitfield`))).toBeVisible()
  await shotPl(page, 'return')

  await page.getByRole('button', { name: 'Zwroty', exact: true }).first().click()
  await expect(page.getByRole('heading', { name: 'Zwroty' })).toBeVisible()
  await page.getByLabel('Zamówienie lub IMEI').fill('SO-10002')
  await page.getByLabel('Zamówienie lub IMEI').press('Enter')
  await expect(page.getByRole('alert', { name: 'Nie znaleziono wysłanego zamówienia' })).toContainText(
    'Żadne wysłane zamówienie nie pasuje do SO-10002.'
  )
  await shotPl(page, 'returns')

  // Print settings: the shipping label goes to a network printer that is not there (nothing listens on port 1).
  await page.getByRole('button', { name: 'Wydruki', exact: true }).click()
  await page.getByRole('button', { name: 'Ustawienia drukowania' }).click()
  await expect(page.getByRole('heading', { name: 'Ustawienia drukowania' })).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Rozmiar etykiety' })).toHaveValue('4 × 6 cali')
  await page.getByRole('combobox', { name: 'Etykieta wysyłkowa', exact: true }).click()
  await page.getByRole('option', { name: 'Sieciowa drukarka etykiet (ZPL, port 9100)' }).click()
  const printer = page.getByLabel('Drukarka: Etykieta wysyłkowa')
  await printer.getByLabel('Adres drukarki').fill('127.0.0.1')
  await printer.getByLabel('Port').fill('1')
  await page.getByRole('button', { name: 'Zapisz ustawienia drukowania' }).click()
  await expect(await approvePl(page, { title: 'Zatwierdź: zmiana ustawień drukowania' })).toBeHidden()
  await expect(page.getByRole('alert')).toHaveText('Ustawienia drukowania zapisane.')
  await page.evaluate(() => window.scrollTo(0, 0))
  await shotPl(page, 'print-settings')

  // The labels of the shipped order: a box of two units; the shipping label's dialog, printed and failed.
  await openOrderPl(page, 'SO-10001')
  const labels = page.getByLabel('Etykiety', { exact: true })
  await expect(labels).toContainText('Karton 1 z 1 · 2 sztuki')
  await labels.getByRole('button', { name: 'Etykieta wysyłkowa' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('img', { name: /, strona 1 z 1$/ })).toBeVisible({ timeout: 30_000 })
  await dialog.getByRole('button', { name: 'Drukuj', exact: true }).click()
  await expect(dialog.getByRole('alert', { name: 'Błąd drukowania' })).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Drukuj ponownie', exact: true })).toBeVisible()
  await shotPl(page, 'label')
  await dialog.getByRole('button', { name: 'Zamknij' }).click()

  await page.getByRole('button', { name: 'Wydruki', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Zadania drukowania' })).toBeVisible()
  const job = page.getByRole('table', { name: 'Zadania drukowania' }).locator('[data-job-status=failed]')
  await expect(job).toContainText('Etykieta wysyłkowa')
  await expect(job).toContainText('błąd')
  await expect(job.getByRole('cell').first()).toHaveText(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}$/)
  await expect(job.getByRole('button', { name: 'Ponów' })).toBeVisible()
  await shotPl(page, 'print-jobs')

  // The order's history: what happened, in words, and a hold's dispatch time in the station's format, not UTC.
  await openOrderPl(page, 'SO-10001')
  const history = page.getByRole('table', { name: 'Historia' })
  await expect(history.getByRole('row').first()).toContainText('Zamówienie zaimportowane')
  await expect(history).toContainText('Karton zatwierdzony')
  await expect(history).toContainText('Wysłane')
  await expect(history).not.toContainText('order.')
  await openOrderPl(page, 'SO-10007')
  const held = page.getByRole('table', { name: 'Historia' }).getByRole('row').first()
  await expect(held).toContainText('Zamówienie zaimportowane')
  await expect(held).toContainText(/wysyłka nie wcześniej niż \d{1,2}\.\d{2}\.\d{4}, \d{2}:\d{2}/)
  await expect(held).not.toContainText('2030-01-01T')
  await shotPl(page, 'order-history')
})
