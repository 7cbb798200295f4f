// The station in Polish (SPEC §10), walked the way a shift lead and an operator work: the shift lead sets the
// station's language in Settings, then sign-in, the orders list, Used Scan with an accepted and a refused scan
// (worded from the core's code), Packing Confirmation and the shift board all speak Polish. Each screen is
// photographed for a person to look at (test-results/…/pl-*.png).
import type { Page } from '@playwright/test'
import { enterSignInPin, expect, imei, startWithSampleData, test } from './fixtures'
import { shotPl, switchToPolish } from './polish'

/** A keyboard-wedge scan into the Polish serial field. */
async function scanPl(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Numer seryjny' }).focus()
  await page.keyboard.type(text, { delay: 5 })
  await page.keyboard.press('Enter')
}

test.slow()

test('a shift lead switches the station to Polish; sign-in, orders, Used Scan, Packing Confirmation and the shift board speak it', async ({
  page
}) => {
  await startWithSampleData(page, 'Dana Whitfield')
  await switchToPolish(page)
  await expect(page.getByRole('button', { name: 'Zamówienia', exact: true })).toBeVisible()
  await shotPl(page, 'settings')

  // Signing out: the shift-end summary, then the sign-in screen, in Polish.
  await page.getByRole('button', { name: 'Wyloguj' }).click()
  await page.getByRole('dialog', { name: 'Podsumowanie zmiany' }).getByRole('button', { name: 'Wyloguj' }).click()
  await expect(page.getByLabel('Identyfikator', { exact: true })).toBeFocused()
  await expect(page.getByText('Albo wybierz swoje nazwisko')).toBeVisible()
  await shotPl(page, 'sign-in')

  await page.getByRole('button', { name: 'Marek Nowak' }).click()
  await expect(page.getByLabel('Zalogowany operator')).toHaveText('Marek Nowak')
  await expect(page.getByRole('heading', { name: 'Zamówienia' })).toBeVisible()
  await expect(page.getByLabel('Wyświetlane zamówienia')).toContainText('Wszystkie zamówienia: 15')
  await shotPl(page, 'orders')

  await page.getByLabel('Szukaj').fill('SO-10001')
  await page.getByLabel('Szukaj').press('Enter')
  await expect(page.getByRole('heading', { name: 'Zamówienie SO-10001' })).toBeVisible()
  await shotPl(page, 'order')

  await page.getByRole('button', { name: 'Skanowanie używanych' }).click()
  await expect(page.getByRole('textbox', { name: 'Numer seryjny' })).toBeFocused()
  await expect(page.getByLabel('Wynik skanu')).toContainText('GOTOWY DO SKANOWANIA')
  const first = imei('35391611204481')
  await scanPl(page, first)
  await expect(page.getByLabel('Wynik skanu')).toContainText(`OK ${first}`)
  await expect(page.getByLabel('Zeskanowano', { exact: true })).toHaveText('1')
  // A wrong check digit and a duplicate: refused, worded in Polish from the core's code and values.
  await scanPl(page, `${first.slice(0, 14)}${(Number(first[14]) + 1) % 10}`)
  await expect(page.getByLabel('Wynik skanu')).toContainText('BŁĘDNY NUMER')
  await expect(page.getByLabel('Wynik skanu')).toContainText('Błędna cyfra kontrolna IMEI')
  await scanPl(page, first)
  await expect(page.getByLabel('Wynik skanu')).toContainText('DUPLIKAT')
  await expect(page.getByLabel('Wynik skanu')).toContainText(`Już zeskanowany: ${first} jest w tym zamówieniu, jeszcze nie w kartonie`)
  await expect(page.getByLabel('Zeskanowano', { exact: true })).toHaveText('1')
  await shotPl(page, 'used-scan-refused')
  await scanPl(page, imei('35391611204482'))
  await expect(page.getByLabel('Pozostało', { exact: true })).toHaveText('0')
  await page.getByRole('button', { name: 'Zapisz', exact: true }).click()
  await expect(page.getByLabel('Wynik skanu')).toContainText('GOTOWE')
  // The station's answers to Save are worded from their catalogue words, plurals included.
  await expect(page.getByLabel('Wynik skanu')).toContainText('Karton 1 zapisany z 2 sztukami')
  await page.getByRole('button', { name: 'Zapisz', exact: true }).click()
  await expect(page.getByText('potwierdzony', { exact: true })).toBeVisible()
  await expect(page.getByLabel('Wynik skanu')).toContainText('Karton 1 zatwierdzony (2 sztuki)')
  await shotPl(page, 'used-scan')

  await page.getByRole('button', { name: 'Potwierdzenie pakowania' }).click()
  await expect(page.getByRole('heading', { name: 'Potwierdzenie pakowania · SO-10001' })).toBeVisible()
  await shotPl(page, 'packing-confirmation')
  await page.getByRole('button', { name: 'Potwierdź', exact: true }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Zamówienie SO-10001 jest spakowane.' })).toBeVisible()
  await expect(page.locator('[data-status]').first()).toHaveText('spakowane')

  // The shift lead's board, in Polish too.
  await page.getByRole('button', { name: 'Wyloguj' }).click()
  await page.getByRole('button', { name: 'Dana Whitfield' }).click()
  await enterSignInPin(page, '1234')
  await page.getByRole('button', { name: 'Tablica zmiany' }).click()
  await expect(page.getByRole('heading', { name: 'Tablica zmiany' })).toBeVisible()
  await expect(page.getByLabel('Sztuki zeskanowane dziś', { exact: true })).toContainText('2')
  await expect(page.getByText('Błędny numer').first()).toBeVisible()
  await shotPl(page, 'shift-board')
})
