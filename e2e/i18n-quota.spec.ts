// Two packing-evidence screens in English and in Polish (issue 16): the status bar's disk-quota warning (at 90 % of
// the quota, and when what is kept is over it) and the order screen's Packing evidence panel with a recording kept
// for a dispute. The data folder starts with a sparse filler counted as evidence (the disk a station has recorded
// before), so that a 100 MB quota is nearly full or over; Chromium's fake camera records the packing. Each screen is
// photographed for a person to look at (test-results/…/en-*.png, pl-*.png).
import { closeSync, mkdirSync, openSync, truncateSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { fakeCamera } from './evidence'
import { approveAsShiftLead, expect, imei, openOrder, scan, startWithSampleData, test as base } from './fixtures'
import { approvePl, openOrderPl, shotPl, switchToPolish } from './polish'

/** A station whose evidence folder already holds `mb` MB (one sparse file: counted at its size, costing no disk). */
const withEvidenceOf = (mb: number) =>
  base.extend({
    dataDir: async ({ dataDir }, use) => {
      const folder = join(dataDir, 'evidence', 'SO-10015', 'earlier-recording')
      mkdirSync(folder, { recursive: true })
      closeSync(openSync(join(folder, 'video.webm'), 'w'))
      truncateSync(join(folder, 'video.webm'), mb * 1_000_000)
      await use(dataDir)
    }
  })

/** Nothing of the element's text is cut off (no "…", no clamped line). */
const readsWhole = (element: Locator) => element.evaluate((e) => e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight <= e.clientHeight + 1)

const shotEn = (page: Page, name: string) => page.screenshot({ path: base.info().outputPath(`en-${name}.png`), fullPage: true })

/** Settings → Packing evidence: recording on with a 100 MB quota, approved by the sample shift lead. */
async function evidenceOnWithSmallQuota(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const panel = page
    .getByRole('heading', { name: 'Packing evidence' })
    .locator('xpath=ancestor::div[contains(@class,"mantine-Paper-root")]')
  await panel.getByLabel("Record each order's packing with the camera over the bench").check()
  await panel.getByRole('textbox', { name: 'Disk quota (MB)' }).fill('100')
  await panel.getByRole('button', { name: 'Save packing evidence settings' }).click()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(panel.getByRole('alert').filter({ hasText: 'Packing evidence settings saved.' })).toBeVisible()
  // The status bar checks the disk once a minute: a fresh page checks at once (the sign-in stays).
  await page.reload()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
}

const near = withEvidenceOf(95)
near.use(fakeCamera)
near.slow()

near('the quota warning and the Packing evidence panel read whole, in English and in Polish', async ({ page }) => {
  await startWithSampleData(page, 'Dana Whitfield')
  await evidenceOnWithSmallQuota(page)
  const warning = page.getByRole('status', { name: 'Packing evidence disk' })
  await expect(warning).toHaveText('Evidence disk 95 of 100 MB: the oldest recordings go soon')
  await expect(warning).toHaveAttribute('title', 'Packing evidence: 95 of 100 MB used; the oldest recordings will be deleted soon')
  expect(await readsWhole(warning)).toBe(true)
  await shotEn(page, 'quota-near')

  // One order packed with the camera on: sealed at the confirmation.
  await openOrder(page, '404-7483840-3467836', 'SO-10001')
  await page.getByRole('button', { name: 'Used Scan' }).click()
  await expect(page.getByTestId('evidence-rec')).toHaveText('● REC')
  await scan(page, imei('35391611204481'))
  await expect(page.getByLabel('Scan result')).toContainText('OK')
  await scan(page, imei('35391611204482'))
  await expect(page.getByLabel('Scan result')).toContainText('OK')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByLabel('Scan result')).toContainText('saved')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByLabel('Scan result')).toContainText('confirmed')
  await page.getByRole('button', { name: 'Packing Confirmation' }).click()
  await page.getByRole('button', { name: 'Confirm', exact: true }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'is packed' })).toBeVisible()
  await expect(page.getByTestId('evidence-rec')).toHaveCount(0)

  await openOrder(page, '404-7483840-3467836', 'SO-10001')
  const panel = page.getByRole('region', { name: 'Packing evidence of order SO-10001' })
  await expect(panel.getByText('Sealed')).toBeVisible({ timeout: 15_000 })
  await panel.getByRole('button', { name: 'Keep for a dispute' }).click()
  await approveAsShiftLead(page, 'OP-9001', '1234', 'Back Market claim 4411')
  await expect(
    panel.getByText(/^Kept for a dispute by Dana Whitfield since \d{4}-\d{2}-\d{2} \d{2}:\d{2}: Back Market claim 4411$/)
  ).toBeVisible()
  await panel.scrollIntoViewIfNeeded()
  await shotEn(page, 'evidence-panel')

  await switchToPolish(page)
  const warningPl = page.getByRole('status', { name: 'Dysk nagrań z pakowania' })
  await expect(warningPl).toHaveText('Dysk nagrań: 95 z 100 MB, najstarsze wkrótce znikną')
  expect(await readsWhole(warningPl)).toBe(true)
  await shotPl(page, 'quota-near')

  await openOrderPl(page, 'SO-10001')
  const panelPl = page.getByRole('region', { name: 'Nagrania z pakowania zamówienia SO-10001' })
  await expect(panelPl.getByRole('heading', { name: 'Nagrania z pakowania' })).toBeVisible()
  await expect(
    panelPl.getByText(/^Zachowane na czas reklamacji przez Dana Whitfield od \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}: Back Market claim 4411$/)
  ).toBeVisible()
  await expect(panelPl.getByRole('button', { name: 'Zwolnij' })).toBeVisible()
  await expect(panelPl).not.toContainText(/Sealed|Watch|Recording|Chapters|Scanned/)
  await panelPl.scrollIntoViewIfNeeded()
  await shotPl(page, 'evidence-panel')
  await panelPl.getByRole('button', { name: 'Zwolnij' }).click()
  await approvePl(page)
  await expect(panelPl.getByRole('button', { name: 'Zachowaj na czas reklamacji' })).toBeVisible()
})

const over = withEvidenceOf(120)
over.use(fakeCamera)
over.slow()

over('over the quota, the warning says what to do, in English and in Polish', async ({ page }) => {
  await startWithSampleData(page, 'Dana Whitfield')
  await evidenceOnWithSmallQuota(page)
  const warning = page.getByRole('status', { name: 'Packing evidence disk' })
  await expect(warning).toHaveText('Evidence disk over quota (120 of 100 MB), all kept: release some or raise the quota')
  expect(await readsWhole(warning)).toBe(true)
  await shotEn(page, 'quota-over')
  await switchToPolish(page)
  const warningPl = page.getByRole('status', { name: 'Dysk nagrań z pakowania' })
  await expect(warningPl).toHaveText('Nagrania ponad limit dysku (120 z 100 MB): zwolnij zachowane lub zwiększ limit')
  expect(await readsWhole(warningPl)).toBe(true)
  // The scanner's and the OMS's states beside it keep their whole words at the station's 1400 px.
  const footer = page.locator('footer')
  for (const badge of await footer.locator('.mantine-Badge-label').all())
    expect(await readsWhole(badge), await badge.innerText()).toBe(true)
  await expect(footer.locator('.mantine-Badge-label')).toHaveCount(2)
  await shotPl(page, 'quota-over')
})
