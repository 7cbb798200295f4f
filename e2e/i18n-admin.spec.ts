// The station's admin screens in Polish (SPEC §10): the Settings panels (box presets, backups, diagnostics, the
// settings file), the Operators screen, the first-run guide, the recovery screen and a screen that stopped working.
// The language is switched the way e2e/i18n.spec.ts does it (a shift lead in Settings), or put into a fresh data
// folder where nobody can sign in yet. Each screen is photographed for a person to look at (test-results/…/pl-*.png).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { backupDatabase } from '../src/main/core/db/backup'
import { setSetting } from '../src/main/core/settings/settings'
import { openStation, type Station } from '../src/main/station'
import { damageTable } from '../test/db/dbHelpers'
import { electronBinary, expect, startWithSampleData, test } from './fixtures'
import { approvePl, shotPl, switchToPolish } from './polish'

/** A date and time the Polish way ("30.11.2026, 07:55"), not the English station's "2026-11-30 07:55". */
const POLISH_STAMP = /\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/

/**
 * The specs' test on a data folder prepared before the station starts, its language Polish: what the station opens on
 * before anyone can sign in.
 */
function onPolishStation(prepare?: (station: Station, dir: string) => Promise<void>, afterwards?: (dir: string) => void) {
  return test.extend<{ dataDir: string }>({
    dataDir: async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'ps-e2e-'))
      const station = openStation({ dataDir: dir })
      try {
        setSetting(station.connection.db, 'language', 'pl')
        await prepare?.(station, dir)
      } finally {
        station.close()
      }
      afterwards?.(dir)
      await use(dir)
      rmSync(dir, { recursive: true, force: true })
    }
  })
}

test.slow()

test('a shift lead on a Polish station: the Settings panels and the Operators screen speak Polish', async ({ page }, info) => {
  await startWithSampleData(page, 'Dana Whitfield')
  await switchToPolish(page)

  // A shift lead's ten screens, with their Polish names (the longest), fit a 1280-pixel window: no screen is
  // hidden behind a scroll of the menu.
  await page.setViewportSize({ width: 1280, height: 900 })
  await expect(page.getByRole('button', { name: 'Tablica zmiany', exact: true })).toBeInViewport({ ratio: 1 })
  expect(await page.locator('.main-nav').evaluate((nav) => nav.scrollWidth - nav.clientWidth)).toBeLessThanOrEqual(0)
  await page.setViewportSize({ width: 1400, height: 900 })

  // The settings file, exported before the backups change: its preview then has one change to offer.
  const file = page.getByLabel('Plik ustawień', { exact: true })
  await file.getByRole('button', { name: 'Eksportuj ustawienia' }).click()
  const downloading = page.waitForEvent('download')
  await approvePl(page)
  const download = await downloading
  const exported = info.outputPath(download.suggestedFilename())
  await download.saveAs(exported)
  await expect(file.getByRole('status')).toContainText('Ustawienia zapisane w')

  // Box presets: a new one, its weight and size in Polish numbers.
  await expect(page.getByRole('heading', { name: 'Szablony kartonów' })).toBeVisible()
  await page.getByLabel('Nazwa szablonu').fill('Paleta')
  await page.getByLabel('Długość (mm)').fill('1200')
  await page.getByLabel('Szerokość (mm)').fill('800')
  await page.getByLabel('Wysokość (mm)').fill('150')
  await page.getByLabel('Maks. waga (kg)').fill('2.5')
  await page.getByRole('button', { name: 'Dodaj szablon' }).click()
  await expect(page.getByRole('dialog', { name: 'Zatwierdź: dodanie szablonu kartonu Paleta' })).toBeVisible()
  await approvePl(page)
  const paleta = page.getByRole('table', { name: 'Szablony kartonów' }).getByRole('row', { name: /Paleta/ })
  // Polish groups digits from five on: 1200, but 12 000.
  await expect(paleta).toContainText('1200 × 800 × 150')
  await expect(paleta).toContainText('2,5 kg')
  await expect(page.getByRole('columnheader', { name: 'D × S × W (mm)' })).toBeVisible()
  // The station's header covers the form in a full-page photograph: the panel on its own.
  await page
    .getByRole('heading', { name: 'Szablony kartonów' })
    .locator('xpath=..')
    .screenshot({ path: info.outputPath('pl-box-presets.png') })

  // Backups: more of them kept (a change the exported file does not have).
  await expect(page.getByRole('heading', { name: 'Kopie zapasowe' })).toBeVisible()
  await expect(page.getByTestId('backups-in-use')).toContainText('Nie ma tam jeszcze żadnej kopii.')
  await page.getByLabel('Zachowane kopie').fill('20')
  await page.getByRole('button', { name: 'Zapisz ustawienia kopii' }).click()
  await approvePl(page)
  await expect(page.getByRole('status').filter({ hasText: 'Zapisano ustawienia kopii zapasowych.' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Eksportuj diagnostykę' })).toBeVisible()

  // The exported file, picked again: the preview in Polish, with its date and a plural.
  await file.locator('input[type=file]').setInputFiles(exported)
  await expect(file.getByLabel('Co zmieni import')).toContainText(POLISH_STAMP)
  await expect(file.getByRole('table', { name: 'Ustawienia, które się zmienią' })).toBeVisible()
  await expect(file.getByRole('button', { name: 'Importuj 1 zmianę' })).toBeVisible()
  await shotPl(page, 'settings')

  // Operators: a wrong PIN counted on the shift lead (until her next approval), then an operator deactivated.
  await page.getByRole('button', { name: 'Operatorzy', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Operatorzy' })).toBeVisible()
  await page.getByRole('button', { name: 'Dodaj operatora' }).click()
  const form = page.getByRole('dialog', { name: 'Dodaj operatora' })
  await form.getByLabel('Imię i nazwisko').fill('Ewa Kowalska')
  await form.getByLabel('Kod identyfikatora').fill('OP-1077')
  await form.getByRole('button', { name: 'Zapisz' }).click()
  const approval = await approvePl(page, { pin: '9999' })
  await expect(approval).toHaveAccessibleName('Zatwierdź: dodanie operatora Ewa Kowalska')
  await expect(approval.getByRole('alert', { name: 'Nie zatwierdzono' })).toBeVisible()
  await shotPl(page, 'operators-approval')
  await approval.getByRole('button', { name: 'Anuluj' }).click()
  await form.getByRole('button', { name: 'Anuluj' }).click()
  const dana = page.getByRole('row', { name: /Dana Whitfield/ })
  await expect(dana).toContainText('1 błędny PIN')
  await expect(dana).toContainText('Kierownik zmiany')
  await expect(page.getByRole('columnheader', { name: 'Imię i nazwisko' })).toBeVisible()
  await shotPl(page, 'operators')
  await expect(dana.getByRole('button', { name: 'Odblokuj' })).toBeVisible()
  const aisha = page.getByRole('row', { name: /Aisha Rahman/ })
  await aisha.getByRole('button', { name: 'Dezaktywuj' }).click()
  await approvePl(page)
  await expect(page.getByRole('alert').filter({ hasText: 'Dezaktywowano: Aisha Rahman — bez logowania' })).toBeVisible()
  await expect(aisha).toContainText('Nieaktywny')
  await expect(aisha.getByRole('button', { name: 'Aktywuj ponownie' })).toBeVisible()
  await page
    .getByRole('row', { name: /Marek Nowak/ })
    .getByRole('button', { name: 'Edytuj' })
    .click()
  const edit = page.getByRole('dialog', { name: 'Edytuj: Marek Nowak' })
  await expect(edit.getByText('Kierownik zmiany')).toBeVisible()
  await shotPl(page, 'operators-edit')
})

onPolishStation()('the first-run guide on a Polish station; a screen that stopped working says so in Polish', async ({ page }) => {
  await expect(page.getByText('To stanowisko nie ma jeszcze operatorów ani zamówień.')).toBeVisible()
  await page.getByRole('button', { name: 'Skonfiguruj stanowisko krok po kroku' }).click()
  await expect(page.getByRole('heading', { name: 'Konfiguracja stanowiska' })).toBeVisible()
  await expect(page.getByLabel('Krok: Stanowisko')).toBeVisible()
  await page.getByLabel('Nazwa stanowiska').fill('Hala 2, stół 3')
  await shotPl(page, 'first-run-station')
  await page.getByRole('button', { name: 'Zapisz i dalej' }).click()

  await page.getByLabel('Prefiks firmy GS1').fill('40123A5')
  await page.getByRole('button', { name: 'Zapisz i dalej' }).click()
  await expect(page.getByRole('alert', { name: 'Nie zapisano' })).toContainText('Prefiks firmy GS1 ma od 7 do 10 cyfr')
  await shotPl(page, 'first-run-gs1')
  await page.getByRole('button', { name: 'Pomiń: tu bez SSCC' }).click()

  await expect(page.getByText('Skąd to stanowisko dostaje zamówienia?')).toBeVisible()
  await page.getByRole('button', { name: 'Pomiń', exact: true }).click()

  await expect(page.getByLabel('Krok: Kierownik zmiany')).toContainText('Tego kroku nie można pominąć.')
  await page.getByLabel('Imię i nazwisko').fill('Dana Whitfield')
  await page.getByLabel('Kod identyfikatora').fill('OP-9001')
  await page.getByRole('textbox', { name: 'PIN' }).fill('1234')
  await shotPl(page, 'first-run-shift-lead')
  await page.getByRole('button', { name: 'Utwórz kierownika zmiany i zaloguj' }).click()
  await expect(page.getByText('Zalogowano: Dana Whitfield.')).toBeVisible()

  // Import, printers and the test scan are other screens' own; straight on to the sample data.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Następny krok' }).click()
  await expect(page.getByLabel('Krok: Dane demo')).toBeVisible()
  await page.getByRole('button', { name: 'Wczytaj dane przykładowe' }).click()
  await expect(page.getByRole('alert', { name: 'Dane przykładowe' })).toHaveText(/Zaimportowano 15 zamówień; już na stanowisku: 0\./)
  await shotPl(page, 'first-run-sample')
  await page.getByRole('button', { name: 'Zakończ', exact: true }).click()
  await expect(page.getByLabel('Zalogowany operator')).toHaveText('Dana Whitfield')

  // The same Polish station, signed in with the sample data: a screen that stopped working says so in Polish. It needs
  // the browser host's WebSocket (the reason error-boundary.spec.ts is in BROWSER_HOST_ONLY, e2e/electronBinary.ts):
  // against Electron this part is left out, as the test of its own it was before was not collected there.
  if (!electronBinary()) {
    // The order screen is fed lines it cannot draw (as in e2e/error-boundary.spec.ts).
    await page.routeWebSocket(/\/station\?token=/, (ws) => {
      const server = ws.connectToServer()
      ws.onMessage((message) => server.send(message))
      server.onMessage((message) => {
        const answer = JSON.parse(String(message)) as { envelope?: { ok: boolean; value?: { orderNumber?: string; lines?: unknown } } }
        if (answer.envelope?.ok && answer.envelope.value?.orderNumber === 'SO-10001' && answer.envelope.value.lines)
          answer.envelope.value.lines = 42
        ws.send(JSON.stringify(answer))
      })
    })
    await page.reload()
    await page.getByRole('button', { name: 'Zamówienia', exact: true }).click()
    await page.getByLabel('Szukaj').fill('SO-10001')
    await page.getByLabel('Szukaj').press('Enter')
    const failed = page.getByRole('alert', { name: 'Błąd ekranu' })
    await expect(failed).toContainText('Ten ekran przestał działać')
    await expect(failed.getByRole('button', { name: 'Spróbuj ponownie' })).toBeVisible()
    await shotPl(page, 'screen-error')
    await failed.getByRole('button', { name: 'Wróć do zamówień' }).click()
    await expect(page.getByRole('heading', { name: 'Zamówienia' })).toBeVisible()
  }
})

// The screen below needs the browser host's WebSocket (BROWSER_HOST_ONLY in e2e/electronBinary.ts).
// Sample data, a backup stamped two hours ago, then a failing disk's garbage over the order lines (e2e/recovery.spec.ts).
const onDamagedPolishStation = onPolishStation(
  async (station, dir) => {
    await station.handlers['app:loadSampleData']({})
    await backupDatabase(station.connection.sqlite, join(dir, 'backups'), new Date(Date.now() - 2 * 3600_000))
  },
  (dir) => damageTable(join(dir, 'station.db'), 'order_lines')
)

if (!electronBinary())
  onDamagedPolishStation('the recovery screen in Polish', async ({ page }) => {
    // A damaged station cannot read its settings, so app:info fails and the screen stays English: the answer a
    // station that knew its language would give stands in for it here.
    await page.routeWebSocket(/\/station\?token=/, (ws) => {
      const server = ws.connectToServer()
      ws.onMessage((message) => {
        const request = JSON.parse(String(message)) as { id: number; channel: string }
        if (request.channel === 'app:info') ws.send(JSON.stringify({ id: request.id, envelope: { ok: true, value: { language: 'pl' } } }))
        else server.send(message)
      })
    })
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Baza danych stanowiska jest uszkodzona' })).toBeVisible()
    const backup = page.getByLabel('Najnowsza poprawna kopia zapasowa')
    await expect(backup).toContainText(POLISH_STAMP)
    await expect(backup).toContainText(/Przepadn(ie|ą) \d+ zdarze(ń|nia|nie) zapisan(ych|e) po niej, najnowsze:/)
    await expect(page.getByRole('list', { name: 'Zdarzenia, które przepadną' }).getByRole('listitem')).toHaveCount(10)
    await shotPl(page, 'recovery')
    await backup.getByRole('button', { name: 'Przywróć tę kopię…' }).click()
    await expect(page.getByRole('dialog', { name: 'Zatwierdź: przywrócenie kopii zapasowej' })).toContainText('Stanowisko wróci do stanu z')
    await shotPl(page, 'recovery-approval')
  })
