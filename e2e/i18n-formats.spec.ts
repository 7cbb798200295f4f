// Numbers typed and shown the station language's way (issue 16): in Polish the Sync screen's pull interval takes
// the decimal comma ("0,5" minutes is stored as 30 seconds), says at the field what it refuses and saves nothing
// then; the scan screen's counts stay plain digits for small counts. Each screen is photographed for a person to
// look at (test-results/…/pl-*.png). Sync now's problems read in Polish too.
import type Database from 'better-sqlite3'
import { expect, startWithSampleData, test } from './fixtures'
import { approvePl, openOrderPl, shotPl, switchToPolish } from './polish'

test.slow()

/** The stored pull interval in seconds (settings key sync.oms); null while none was ever saved. */
function pullSeconds(db: () => Database.Database): number | null {
  const row = db().prepare("select value from settings where key = 'sync.oms'").get() as { value: string } | undefined
  return row ? (JSON.parse(row.value) as { pullIntervalSeconds: number }).pullIntervalSeconds : null
}

test('in Polish: the pull interval takes a decimal comma, and a refused one is said at the field', async ({ page, db }) => {
  await startWithSampleData(page, 'Dana Whitfield')
  await switchToPolish(page)

  await page.getByRole('button', { name: 'Synchronizacja', exact: true }).click()
  const interval = page.getByRole('textbox', { name: 'Pobieraj zamówienia co (minuty)' })
  await expect(interval).toHaveValue('5')

  // Below the station's shortest interval: the field takes the shortest (Mantine's clamp, when it loses focus).
  await interval.fill('0,1')
  await interval.blur()
  await expect(interval).toHaveValue('0,5')
  // An empty field: said at the field in Polish, no approval is asked, nothing changes.
  const before = pullSeconds(db)
  await interval.fill('')
  await page.getByRole('button', { name: 'Zapisz ustawienia' }).click()
  await expect(page.getByText('Liczba minut od 0,5 do 1440, np. 5 albo 0,5')).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  expect(pullSeconds(db)).toBe(before)
  await shotPl(page, 'sync-interval-refused')

  // Half a minute, typed with the comma: saved with the shift lead's approval, shown back with the comma.
  await interval.fill('0,5')
  await expect(page.getByText('Liczba minut od 0,5 do 1440, np. 5 albo 0,5')).toHaveCount(0)
  await page.getByRole('button', { name: 'Zapisz ustawienia' }).click()
  await approvePl(page)
  await expect(page.getByRole('alert').filter({ hasText: 'Brak adresu OMS: stanowisko pracuje bez OMS.' })).toBeVisible()
  expect(pullSeconds(db)).toBe(30)
  await page.getByRole('button', { name: 'Zamówienia', exact: true }).click()
  await page.getByRole('button', { name: 'Synchronizacja', exact: true }).click()
  await expect(interval).toHaveValue('0,5')
  await shotPl(page, 'sync-interval')

  // A point typed on the keypad is taken as the decimal sign too: 2.5 minutes.
  await interval.fill('')
  await interval.pressSequentially('2.5')
  await expect(interval).toHaveValue('2,5')
  await page.getByRole('button', { name: 'Zapisz ustawienia' }).click()
  await approvePl(page)
  await expect.poll(() => pullSeconds(db)).toBe(150)

  // Sync now on a station with no OMS address: what did not work reads in Polish.
  await page.getByRole('button', { name: 'Synchronizuj teraz' }).click()
  await expect(page.getByText('Nie ustawiono adresu OMS: stanowisko pracuje offline (tylko eksport do plików).')).toBeVisible()
  await shotPl(page, 'sync-now-offline')

  // The scan screen's counts in Polish.
  await openOrderPl(page, '404-7483840-3467836', 'SO-10001')
  await page.getByRole('button', { name: 'Skanowanie używanych' }).click()
  await expect(page.locator('#pending-count')).toHaveText('2')
  await expect(page.locator('#scan-count')).toHaveText('0')
  // The counts as the operator sees them (the viewport: a full-page photo draws the fixed status bar over them).
  await page.locator('#scan-count').scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('pl-used-scan-counts.png') })
})
