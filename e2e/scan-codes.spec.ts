// The codes printed on real phone boxes, typed by a keyboard-wedge scanner
// into the focused scan field (Enter ends the scan): a Samsung-style labelled
// QR into a dual-IMEI line, a GS1 DataMatrix string into Used Scan, their
// other parts in IMEI history, and the Scanners screen's Test scan showing
// what the station reads from a code.
import type { Page } from '@playwright/test'
import { expect, imei, scan, test } from './fixtures'
import { findOrder, scanResult, signInWithSampleData, snapshot, wedgeScan } from './packing-helpers'

const GS = '\u001d'
const GTIN = '09501101530003'

/** The IMEI history of a serial, searched the way an operator does. */
async function historyOf(page: Page, serial: string) {
  await page.getByRole('button', { name: 'IMEI history' }).click()
  const search = page.getByRole('textbox', { name: 'IMEI or serial' })
  await search.focus()
  await page.keyboard.type(serial, { delay: 5 })
  await page.keyboard.press('Enter')
  return page.getByRole('table', { name: 'IMEI history' }).getByRole('row')
}

test('SO-10004: a labelled box QR (IMEI1:…,IMEI2:…,S/N:…) is one dual-IMEI unit; its S/N shows in IMEI history', async ({
  page,
  db
}, testInfo) => {
  await signInWithSampleData(page)
  await findOrder(page, 'WEB-2026-118204', 'SO-10004')
  await page.getByRole('button', { name: 'Used Scan' }).click()

  const imei1 = imei('35262811000021')
  const imei2 = imei('35262811000022')
  const bad2 = imei2.slice(0, 14) + ((Number(imei2[14]) + 1) % 10)

  // A wrong check digit in IMEI 2 is refused by its name, and nothing is written.
  const before = snapshot(db(), 'SO-10004')
  await scan(page, `IMEI1:${imei1},IMEI2:${bad2},S/N:R58M12ABCDE`)
  await expect(scanResult(page)).toContainText('INVALID SERIAL')
  await expect(scanResult(page)).toContainText(`IMEI 2 ${bad2}: IMEI check digit is wrong (ends in ${bad2[14]}, should be ${imei2[14]})`)
  expect(snapshot(db(), 'SO-10004')).toEqual(before)

  await wedgeScan(page, `IMEI1:${imei1},IMEI2:${imei2},S/N:R58M12ABCDE`)
  await expect(scanResult(page)).toContainText(`OK ${imei1} + ${imei2}`)
  await expect(page.getByLabel('Scan Count')).toHaveText('1')
  await expect(page.getByLabel('Pending Count')).toHaveText('0')
  const loose = page.getByLabel('Scanned since the last box')
  await expect(loose).toContainText(`${imei1} / ${imei2}`)
  // The Remove button beside the two IMEIs keeps its whole width (it used to be clipped to "Remov").
  const remove = loose.getByRole('button', { name: 'Remove' })
  await expect(remove).toBeVisible()
  expect(await remove.evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true)
  await page.screenshot({ path: testInfo.outputPath('used-scan-labelled-qr.png'), fullPage: true })

  expect(db().prepare('select serial, serial2, entry_method, code_parts from scanned_units').all()).toEqual([
    { serial: imei1, serial2: imei2, entry_method: 'scanned', code_parts: JSON.stringify([{ name: 'S/N', value: 'R58M12ABCDE' }]) }
  ])

  const rows = await historyOf(page, imei2)
  await expect(rows.nth(1)).toContainText(`${imei1} / ${imei2} scanned into order SO-10004 (code also held S/N R58M12ABCDE)`)
  await page.screenshot({ path: testInfo.outputPath('history-code-parts.png'), fullPage: true })
})

test('SO-10001: a GS1 DataMatrix string (]d2 01 GTIN 21 IMEI GS 10 lot) is one unit; a bad GTIN is refused', async ({ page, db }) => {
  await signInWithSampleData(page)
  await findOrder(page, '404-7483840-3467836', 'SO-10001')
  await page.getByRole('button', { name: 'Used Scan' }).click()
  const unit = imei('35391611400001')

  const before = snapshot(db(), 'SO-10001')
  await scan(page, `]d2010950110153000421${unit}${GS}10LOT42`)
  await expect(scanResult(page)).toContainText('INVALID SERIAL')
  await expect(scanResult(page)).toContainText('GTIN 09501101530004: check digit should be 3')
  expect(snapshot(db(), 'SO-10001')).toEqual(before)

  // Typed as a scanner's keyboard emulation inserts it, the GS (FNC1) after the serial included.
  await scan(page, `]d201${GTIN}21${unit}${GS}10LOT42`)
  await expect(scanResult(page)).toContainText(`OK ${unit}`)
  await expect(page.getByLabel('Scan Count')).toHaveText('1')
  expect(db().prepare('select serial, code_parts from scanned_units').all()).toEqual([
    {
      serial: unit,
      code_parts: JSON.stringify([
        { name: 'GTIN', value: GTIN },
        { name: 'Lot (10)', value: 'LOT42' }
      ])
    }
  ])

  // The bracketed human-readable form, typed from the label, reads the same.
  const second = imei('35391611400002')
  await scan(page, `(01)${GTIN}(21)${second}`)
  await expect(scanResult(page)).toContainText(`OK ${second}`)
  await expect(page.getByLabel('Scan Count')).toHaveText('2')

  const rows = await historyOf(page, unit)
  await expect(rows.nth(1)).toContainText(`(code also held GTIN ${GTIN}, Lot (10) LOT42)`)
})

test('Scanners → Test scan shows what the station reads from a code: serials, GTIN and extra parts', async ({ page }, testInfo) => {
  await signInWithSampleData(page)
  await page.getByRole('button', { name: 'Scanners', exact: true }).click()
  const field = page.getByRole('textbox', { name: 'Keyboard-wedge test' })
  const a = imei('35262811000031')
  const b = imei('35262811000032')

  await field.focus()
  await page.keyboard.type(`IMEI1:${a},IMEI2:${b},S/N:R58M12ABCDE`, { delay: 5 })
  await page.keyboard.press('Enter')
  const read = page.getByLabel('Read as')
  await expect(read).toContainText('Read as a labelled box code: one device, two IMEIs')
  const parts = page.getByRole('table', { name: 'Code parts' }).getByRole('row')
  await expect(parts).toHaveCount(3)
  await expect(parts.nth(0)).toContainText(`IMEI 1checked as the serial${a}`)
  await expect(parts.nth(1)).toContainText(`IMEI 2checked as the serial${b}`)
  await expect(parts.nth(2)).toContainText('S/Nkept with the unitR58M12ABCDE')

  await field.focus()
  await page.keyboard.type(`]d201${GTIN}21${a}${GS}10LOT42`, { delay: 5 })
  await page.keyboard.press('Enter')
  await expect(read).toContainText('Read as a GS1 element string (]d2)')
  await expect(parts).toHaveCount(3)
  await expect(parts.nth(0)).toContainText(`Serial (21)checked as the serial${a}`)
  await expect(parts.nth(1)).toContainText(`GTINchecked, kept with the unit${GTIN}`)
  await expect(parts.nth(2)).toContainText('Lot (10)kept with the unitLOT42')
  await page.screenshot({ path: testInfo.outputPath('scanners-test-scan-gs1.png'), fullPage: true })

  await field.focus()
  await page.keyboard.type(`(01)09501101530004(21)${a}`, { delay: 5 })
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert', { name: 'Code refused' })).toHaveText(
    'GTIN 09501101530004: check digit should be 3; rescan the code'
  )
})
