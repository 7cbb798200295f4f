// The scanning and data screens in Polish (SPEC §10): Import, Scanners with a test scan, Sync, Distribution Scan with
// its box dimensions, Assign operator and a held order's release. The shift lead switches the station to Polish in
// Settings (as in i18n.spec.ts); each screen is photographed for a person to look at (test-results/…/pl-*.png).
import { expect, imei, startWithSampleData, test } from './fixtures'
import { scanInto } from './packing-helpers'
import { openOrderPl, shotPl, switchToPolish } from './polish'

test.slow()

test('in Polish: Import, Scanners, Sync, Distribution Scan, Assign operator and a held order speak it', async ({ page }) => {
  await startWithSampleData(page, 'Dana Whitfield')
  await switchToPolish(page)

  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Import zamówień' })).toBeVisible()
  await page.getByRole('button', { name: 'Wczytaj dane przykładowe' }).click()
  await expect(page.getByRole('alert', { name: 'Import zakończony' })).toContainText(
    'Zaimportowane: 0, już obecne: 15, nieudane: 0, zaktualizowane produkty: 9.'
  )
  await expect(page.getByRole('heading', { name: 'Nieudane importy' })).toBeVisible()
  await expect(page.getByText('Brak.', { exact: true })).toBeVisible()
  await shotPl(page, 'import')

  await page.getByRole('button', { name: 'Skanery', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Skaner jako klawiatura' })).toBeVisible()
  // The scanners' state comes from the main process as words: the status bar and Connection speak Polish.
  await expect(page.getByLabel('Stan skanerów')).toContainText('Skaner jako klawiatura: połączony')
  const connection = page.getByLabel('Połączenie', { exact: true })
  await expect(connection).toContainText('Gotowy: skany wpisują się w aktywne pole skanowania')
  await expect(connection).toContainText('Brak skonfigurowanego skanera szeregowego')
  await expect(connection).toContainText('Brak skonfigurowanego skanera HID')
  await expect(connection).not.toContainText('configured')
  const code = imei('35391611204481')
  await scanInto(page, page.getByRole('textbox', { name: 'Test skanera-klawiatury' }), code)
  const last = page.getByLabel('Ostatni skan')
  // The time of the scan in Polish: 24-hour, no AM/PM.
  await expect(last.locator('p').first()).toHaveText(/^Źródło: skaner jako klawiatura \(klawiatura\) · \d{1,2}:\d{2}:\d{2}$/)
  await expect(page.getByLabel('Odczytano jako', { exact: true })).toContainText('Odczytano jako zwykły kod')
  await expect(page.getByLabel('Części kodu')).toContainText('sprawdzany jako numer seryjny')
  await page.getByLabel('Użyj skanera szeregowego').check()
  await page.getByRole('button', { name: 'Zapisz', exact: true }).click()
  await expect(page.getByRole('alert', { name: 'Nie zapisano' })).toHaveText(
    'Wybierz port szeregowy albo wpisz jego ścieżkę, potem Zapisz.'
  )
  await shotPl(page, 'scanners')

  await page.getByRole('button', { name: 'Synchronizacja', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Synchronizacja z OMS' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Synchronizuj teraz' })).toBeVisible()
  await expect(page.getByLabel('Ostatnia udana synchronizacja', { exact: true })).toHaveText('nigdy')
  await expect(page.getByText('Brak: OMS przyjął wszystko, co do niego wysłano.')).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Adres OMS' })).toBeVisible()
  await shotPl(page, 'sync')

  // Distribution Scan of SO-10013: the phone by IMEI, the cable by its barcode, Save, then the box's dimensions.
  await openOrderPl(page, 'WEB-2026-118455', 'SO-10013')
  await page.getByRole('button', { name: 'Skanowanie dystrybucyjne' }).click()
  const phoneLine = page.getByRole('button', { name: /^Pozycja \S+ Apple iPhone 15 128GB Blue/ })
  await expect(phoneLine).toContainText('0 z 1 · pozostało 1')
  await scanInto(page, page.getByRole('textbox', { name: 'Numer seryjny' }), imei('35467213000101'))
  await expect(phoneLine).toContainText('1 z 1 · pozostało 0')
  const cableLine = page.getByRole('button', { name: /^Pozycja \S+ USB-C to USB-C cable 1 m$/ })
  await cableLine.click()
  await scanInto(page, page.getByRole('textbox', { name: 'Kod kreskowy produktu' }), '4006381333931')
  await expect(cableLine).toContainText('1 z 1 · pozostało 0')
  await page.getByRole('button', { name: 'Zapisz', exact: true }).click()
  const dimensions = page.getByLabel('Wymiary kartonu', { exact: true })
  await expect(dimensions.getByRole('heading', { name: 'Karton 1: wymiary' })).toBeVisible()
  await page.getByRole('button', { name: 'Zapisz', exact: true }).click()
  await expect(page.getByLabel('Wynik skanu')).toContainText('Najpierw wybierz wymiary kartonu 1')
  await expect(dimensions).toContainText('200×150×100 mm · maks. 2 kg')
  await dimensions.getByRole('radio', { name: /Phone S/ }).click()
  // A Polish weight is typed with a decimal comma.
  await dimensions.getByLabel('Waga (kg, opcjonalnie)').fill('2,5')
  await expect(dimensions).toContainText('Przekracza limit 2 kg dla Phone S')
  await shotPl(page, 'distribution-scan')

  // Assign operator for three orders: a Polish plural ("3 zamówienia").
  await page.getByRole('button', { name: 'Zamówienia', exact: true }).click()
  await page.getByLabel('Szukaj').fill('')
  for (const n of ['SO-10001', 'SO-10002', 'SO-10003']) await page.getByRole('checkbox', { name: `Zaznacz ${n}` }).check()
  await page.getByRole('button', { name: 'Przydziel operatora (3)' }).click()
  const assign = page.getByRole('dialog', { name: 'Przydziel operatora' })
  await expect(assign).toContainText('3 zamówienia')
  await expect(assign.getByRole('combobox', { name: 'Kompletacja' })).toHaveValue('Bez zmian')
  await shotPl(page, 'assign')
  await assign.getByRole('button', { name: 'Anuluj' }).click()

  // SO-10007 is on hold until 2030: releasing it early names the date in Polish.
  await openOrderPl(page, 'WEB-2026-118377', 'SO-10007')
  await page.getByRole('button', { name: 'Zwolnij wstrzymanie' }).click()
  const release = page.getByRole('dialog', { name: 'Zatwierdź: zwolnienie zamówienia SO-10007' })
  await expect(release).toContainText(/Zwolni się samo po \d{1,2}\.\d{2}\.2030, \d{2}:\d{2}\./)
  await shotPl(page, 'hold')
})
