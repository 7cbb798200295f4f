// Packing evidence after the packing (issue 17), as a shift lead uses it when a
// marketplace claim comes in: the order screen plays the sealed recording and
// its chapters jump to their second; the dispute pack is exported and the
// evidence kept for the dispute; IMEI history opens the recording at the
// moment that IMEI was scanned. The status bar warns near the disk quota.
import { execFileSync } from 'node:child_process'
import { approveAsShiftLead, expect, imei, openOrder, scan, startWithSampleData, test } from './fixtures'
import { fakeCamera, turnEvidenceOn } from './evidence'

test.use(fakeCamera)
test.slow()

test('a shift lead watches a packing, jumps to a scan, exports the dispute pack and keeps it; IMEI history opens at the scan', async ({
  page
}) => {
  await startWithSampleData(page, 'Dana Whitfield')
  await turnEvidenceOn(page)

  const first = imei('35391611204481')
  const second = imei('35391611204482')
  await openOrder(page, '404-7483840-3467836', 'SO-10001')
  await page.getByRole('button', { name: 'Used Scan' }).click()
  await expect(page.getByTestId('evidence-rec')).toHaveText('● REC')
  // Seconds apart, as a person scans: the second IMEI's chapter is a few seconds into the video.
  await scan(page, first)
  await expect(page.getByLabel('Scan result')).toContainText('OK')
  await page.waitForTimeout(2500)
  await scan(page, second)
  await expect(page.getByLabel('Scan result')).toContainText('OK')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByLabel('Scan result')).toContainText('saved')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByLabel('Scan result')).toContainText('confirmed')
  await page.waitForTimeout(1000)
  await page.getByRole('button', { name: 'Packing Confirmation' }).click()
  await page.getByRole('button', { name: 'Confirm', exact: true }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'is packed' })).toBeVisible()
  // The confirmation sealed the recording: the camera stops and REC goes, with no fault shown.
  await expect(page.getByTestId('evidence-rec')).toHaveCount(0)

  // The order screen: the sealed recording and its chapters.
  await openOrder(page, '404-7483840-3467836', 'SO-10001')
  const panel = page.getByRole('region', { name: 'Packing evidence of order SO-10001' })
  await expect(panel.getByText('Sealed')).toBeVisible({ timeout: 15_000 })
  const chapters = panel.getByRole('table', { name: 'Chapters of recording 1' })
  await expect(chapters.getByRole('row').filter({ hasText: first })).toContainText('Scanned')
  await expect(chapters.locator('tr[data-kind="packing_confirmed"]')).toContainText('Packing confirmed')

  await panel.getByRole('button', { name: 'Watch', exact: true }).click()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  const video = panel.getByLabel('Recording 1', { exact: true })
  await expect(video).toBeVisible()
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.duration), { timeout: 15_000 }).toBeGreaterThan(1)
  // A chapter: the second IMEI's scan. The player seeks there (byte ranges over the station's own origin).
  const row = chapters.locator('tr[data-kind="scan_accepted"]').filter({ hasText: second })
  const at = await row.getByRole('button').innerText()
  const [m, s] = at.split(':').map(Number)
  await row.getByRole('button').click()
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThanOrEqual(m! * 60 + s!)
  await page.screenshot({ path: test.info().outputPath('evidence-order-player.png'), fullPage: true })

  // The dispute pack, then keeping the evidence for the dispute.
  await panel.getByRole('button', { name: 'Export dispute pack' }).click()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  const written = panel.getByRole('status').filter({ hasText: 'dispute-pack' })
  await expect(written).toContainText('1 recording')
  const path = /(\/\S+\.zip)/.exec(await written.innerText())![1]!
  const names = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' })
  expect(names).toContain('summary.pdf')
  expect(names).toContain('video-1.webm')
  await panel.getByRole('button', { name: 'Keep for a dispute' }).click()
  await approveAsShiftLead(page, 'OP-9001', '1234', 'Back Market claim 4411')
  await expect(panel.getByText(/Kept for a dispute by Dana Whitfield since .*: Back Market claim 4411/)).toBeVisible()
  await expect(panel.getByRole('button', { name: 'Release' })).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('evidence-order-kept.png'), fullPage: true })

  // IMEI history: the recording of the order it went into, opening at its scan.
  await page.getByRole('button', { name: 'IMEI history' }).click()
  await page.getByLabel('IMEI or serial').fill(second)
  await page.getByLabel('IMEI or serial').press('Enter')
  const history = page.getByRole('region', { name: 'Packing evidence of order SO-10001' })
  await history.getByRole('button', { name: `Watch from ${at}` }).click()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  const fromScan = history.getByLabel('Recording 1', { exact: true })
  await expect
    .poll(() => fromScan.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 })
    .toBeGreaterThanOrEqual(m! * 60 + s!)
  // Only that IMEI's moments (and the boxes): the other IMEI's scan is not a chapter here.
  await expect(history.getByRole('table', { name: 'Chapters of recording 1' })).not.toContainText(first)
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await page.screenshot({ path: test.info().outputPath('evidence-history.png'), fullPage: true })
})
