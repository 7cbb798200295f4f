// A shift lead's approvals and the settings file in Polish (SPEC §10): the approval dialog's refusal names the action
// in Polish (an operator's badge cannot release a hold), its title keeps the order number on one line, and the
// Settings file panel lists each setting the import would change, and its notes, in Polish. Each screen is
// photographed for a person to look at (test-results/…/pl-*.png).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, startWithSampleData, test } from './fixtures'
import { approvePl, openOrderPl, shotPl, switchToPolish } from './polish'

test.slow()

test('releasing a hold: the refusal names the action in Polish, the order number stays whole', async ({ page }) => {
  await startWithSampleData(page, 'Dana Whitfield')
  await switchToPolish(page)
  await openOrderPl(page, 'SO-10007')

  await page.getByRole('button', { name: 'Zwolnij wstrzymanie' }).click()
  const dialog = page.getByRole('dialog', { name: 'Zatwierdź: zwolnienie zamówienia SO-10007' })
  await expect(dialog).toBeVisible()
  // The order number in the title is one unbreakable piece (the title's text, and so the dialog's name, unchanged).
  await expect(dialog.locator('span', { hasText: /^SO-10007$/ })).toHaveCSS('white-space', 'nowrap')

  // An operator's badge: refused, with what was to be approved in Polish.
  await dialog.getByLabel('Identyfikator', { exact: true }).fill('OP-1001')
  await dialog.getByLabel('Identyfikator', { exact: true }).press('Enter')
  await page.keyboard.type('1234')
  await dialog.getByLabel('Powód').fill('Klient prosi o wcześniejszą wysyłkę')
  await dialog.getByRole('button', { name: 'Zwolnij' }).click()
  await expect(dialog).toContainText(
    'Marek Nowak nie jest kierownikiem zmiany: aby zwolnić wstrzymane zamówienie, potrzebna jest zgoda kierownika zmiany.'
  )
  await shotPl(page, 'approval-release-refused')

  await dialog.getByLabel('Identyfikator', { exact: true }).fill('OP-9001')
  await dialog.getByLabel('Identyfikator', { exact: true }).press('Enter')
  await page.keyboard.type('1234')
  await dialog.getByRole('button', { name: 'Zwolnij' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('dialog')).toHaveCount(0)

  // Put it on hold again: the other approval, photographed before it is cancelled.
  await page.getByRole('button', { name: 'Wstrzymaj' }).click()
  const hold = page.getByRole('dialog', { name: 'Zatwierdź: wstrzymanie zamówienia SO-10007' })
  await expect(hold).toContainText('Wstrzymanego zamówienia nie można skanować')
  await shotPl(page, 'approval-hold')
  await hold.getByRole('button', { name: 'Anuluj' }).click()
  await expect(hold).toBeHidden()
})

test('the Settings file panel words what an import would change in Polish', async ({ page, dataDir }, testInfo) => {
  await startWithSampleData(page, 'Dana Whitfield')
  await switchToPolish(page)
  await page.getByRole('button', { name: 'Ustawienia', exact: true }).click()
  const panel = page.getByLabel('Plik ustawień', { exact: true })
  await panel.getByRole('button', { name: 'Eksportuj ustawienia' }).click()
  await approvePl(page)
  await expect(panel.getByRole('status')).toContainText('Ustawienia zapisane w')

  // The file as another station would have it: an OMS, hand entry refused, a box preset of its own.
  const exported = readdirSync(join(dataDir, 'settings-exports'))[0]!
  const file = JSON.parse(readFileSync(join(dataDir, 'settings-exports', exported), 'utf8'))
  file.station.id = 'HALL-2-BENCH-7'
  file.settings.oms.omsUrl = 'https://oms.example.com'
  file.settings.scanning.handEntryPolicy = 'refused'
  file.settings.labels.autoPrint.boxLabel = true
  file.settings.boxPresets.push({ name: 'Karton XL', lengthMm: 800, widthMm: 600, heightMm: 400, maxWeightG: 25000 })
  const other = testInfo.outputPath('settings-other-station.json')
  writeFileSync(other, JSON.stringify(file))
  await panel.locator('input[type=file]').setInputFiles(other)

  const changes = panel.getByRole('table', { name: 'Ustawienia, które się zmienią' })
  await expect(changes.getByRole('row', { name: /OMS · adres/ })).toContainText('brak (stanowisko bez OMS)')
  await expect(changes.getByRole('row', { name: /OMS · adres/ })).toContainText('https://oms.example.com')
  await expect(changes.getByRole('row', { name: /Skanowanie · numery wpisane ręcznie/ })).toContainText('Zabronione')
  await expect(changes.getByRole('row', { name: /Etykiety · drukuj etykietę kartonu po zatwierdzeniu/ })).toContainText('wyłączonewłączone')
  await expect(changes.getByRole('row', { name: /Szablon kartonu · Karton XL/ })).toContainText(/800×600×400 mm, do 25\s000 g/)
  await expect(panel.getByRole('table', { name: 'Ustawienia zachowane' })).toContainText('HALL-2-BENCH-7')
  await expect(panel).toContainText('Token OMS nigdy nie trafia do pliku ustawień: po imporcie wpisz go na ekranie Synchronizacja.')
  await expect(panel).not.toContainText('OMS · address')
  await panel.screenshot({ path: testInfo.outputPath('pl-settings-file.png') })
})
