// The station in Polish, for the specs that walk it (i18n*.spec.ts): a shift lead switches the station's language in
// Settings (that dialog still speaks English), then orders are found and changes approved the Polish way.
import type { Page } from '@playwright/test'
import { approveAsShiftLead, expect, test } from './fixtures'

/** Settings → Language → Polski, saved with the sample shift lead's approval: the page speaks Polish. */
export async function switchToPolish(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await page.getByRole('combobox', { name: 'Language' }).click()
  await page.getByRole('option', { name: 'Polski' }).click()
  await page.getByRole('button', { name: 'Save settings' }).click()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(page.getByRole('alert').filter({ hasText: 'Ustawienia zapisane.' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl')
}

/** Zamówienia → Szukaj → Enter: the order opens when exactly one matches. */
export async function openOrderPl(page: Page, search: string, orderNumber = search) {
  await page.getByRole('button', { name: 'Zamówienia', exact: true }).click()
  await page.getByLabel('Szukaj').fill(search)
  await page.getByLabel('Szukaj').press('Enter')
  await expect(page.getByRole('heading', { name: `Zamówienie ${orderNumber}` })).toBeVisible()
}

/** The Polish approval dialog ("Zatwierdź: …"): the shift lead's badge (its Enter moves on to the PIN), the PIN, Zatwierdź. */
export async function approvePl(page: Page, { title = /^Zatwierdź: /, pin = '1234' }: { title?: string | RegExp; pin?: string } = {}) {
  const dialog = page.getByRole('dialog', { name: title })
  await dialog.getByLabel('Identyfikator', { exact: true }).focus()
  await page.keyboard.type('OP-9001', { delay: 5 })
  await page.keyboard.press('Enter')
  await page.keyboard.type(pin)
  await dialog.getByRole('button', { name: 'Zatwierdź' }).click()
  return dialog
}

/** A full-page photograph of the Polish screen for a person to look at (test-results/…/pl-<name>.png). */
export const shotPl = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`pl-${name}.png`), fullPage: true })
