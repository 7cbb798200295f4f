// Packing evidence (issue 17), recorded once and then used, the way the bench and a shift lead meet it. A shift lead
// turns recording on for this station; the operator opens an order for Used Scan and REC shows; every scan, the boxes
// and the Packing Confirmation go into the recording as it runs, and the confirmation seals it (REC goes). Chromium's
// fake camera stands in for the one over the bench; ffprobe (Debian's ffmpeg) reads the sealed video's duration (its
// head and the clip, put together as a player gets them), and the seal verifies.
// Then, as when a marketplace claim comes in: the order screen plays the sealed recording and its chapters jump to
// their second; the dispute pack is exported and the evidence kept for the dispute; IMEI history opens the recording
// at the moment that IMEI was scanned. (One packing for both halves: recording a second order would only repeat the
// first half's steps and waits.)
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { playableParts } from '../src/main/core/evidence/playable'
import { verifyEvidence } from '../src/main/core/evidence/verify'
import { fakeCamera, turnEvidenceOn } from './evidence'
import { approveAsShiftLead, expect, imei, openOrder, scan, startWithSampleData, test } from './fixtures'

test.use(fakeCamera)
test.slow()

test('an order packed with recording on is sealed with its scans as chapters; a shift lead watches it, jumps to a scan, exports the dispute pack and keeps it; IMEI history opens at the scan', async ({
  page,
  dataDir
}) => {
  await startWithSampleData(page, 'Dana Whitfield')
  await turnEvidenceOn(page)
  await page.screenshot({ path: test.info().outputPath('evidence-settings.png'), fullPage: true })

  await openOrder(page, '404-7483840-3467836', 'SO-10001')
  await page.getByRole('button', { name: 'Used Scan' }).click()
  await expect(page.getByTestId('evidence-rec')).toHaveText('● REC')
  const started = Date.now()
  const first = imei('35391611204481')
  const second = imei('35391611204482')
  await scan(page, first)
  await expect(page.getByLabel('Scan result')).toContainText('OK')
  await page.waitForTimeout(1200)
  await scan(page, first)
  await expect(page.getByLabel('Scan result')).toContainText('DUPLICATE')
  // Seconds apart, as a person scans: the second IMEI's chapter is a few seconds into the video.
  await page.waitForTimeout(1300)
  await scan(page, second)
  await expect(page.getByLabel('Scan result')).toContainText('OK')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByLabel('Scan result')).toContainText('saved')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByLabel('Scan result')).toContainText('confirmed')
  await page.screenshot({ path: test.info().outputPath('evidence-recording.png'), fullPage: true })
  await page.waitForTimeout(1200)
  await page.getByRole('button', { name: 'Packing Confirmation' }).click()
  await expect(page.getByTestId('evidence-rec')).toBeVisible()
  await page.getByRole('button', { name: 'Confirm', exact: true }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'is packed' })).toBeVisible()
  const seconds = (Date.now() - started) / 1000
  // The confirmation sealed the recording: the camera stops and REC goes, with no fault shown.
  await expect(page.getByTestId('evidence-rec')).toHaveCount(0)

  // Sealed in the data folder: the markers in the order they happened, the still of the box, the video.
  const orderFolder = join(dataDir, 'evidence', 'SO-10001')
  await expect
    .poll(() => readdirSync(orderFolder).some((s) => readdirSync(join(orderFolder, s)).includes('manifest.json')), { timeout: 15_000 })
    .toBe(true)
  const [session] = readdirSync(orderFolder)
  const folder = join(orderFolder, session!)
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'))
  expect(manifest.stopReason).toBe('packing confirmed')
  expect(manifest.markers.map((m: { kind: string; serial: string | null }) => [m.kind, m.serial])).toEqual([
    ['scan_accepted', first],
    ['scan_refused', first],
    ['scan_accepted', second],
    ['box_saved', null],
    ['box_confirmed', null],
    ['packing_confirmed', null]
  ])
  const offsets = manifest.markers.map((m: { offsetMs: number }) => m.offsetMs)
  expect(offsets).toEqual([...offsets].sort((a: number, b: number) => a - b))
  expect(manifest.chunks.length).toBeGreaterThanOrEqual(2)
  await expect.poll(() => readdirSync(join(folder, 'stills')).length, { timeout: 5_000 }).toBeGreaterThanOrEqual(1)
  expect(await verifyEvidence(folder)).toMatchObject({ ok: true })
  // The video is kept once: the clip, and the small rewritten head that gives it its duration.
  expect(readdirSync(folder)).not.toContain('video.webm')
  expect(statSync(join(folder, 'video-head.webm')).size).toBeLessThan(4096)
  const parts = playableParts(folder, manifest)!
  const watched = test.info().outputPath('video.webm')
  writeFileSync(watched, Buffer.concat(parts.parts.map((p) => readFileSync(p.path).subarray(p.start, p.end))))
  const probed = Number(
    execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=nw=1:nk=1', watched], {
      encoding: 'utf8'
    })
  )
  // The clip runs from the order's opening to its confirmation: about as long as the test took to get there.
  expect(probed).toBeGreaterThan(1.5)
  expect(probed).toBeLessThan(seconds + 2)
  expect(probed * 1000).toBeCloseTo(manifest.durationMs, -3)

  // The order screen: the sealed recording and its chapters.
  await openOrder(page, '404-7483840-3467836', 'SO-10001')
  const panel = page.getByRole('region', { name: 'Packing evidence of order SO-10001' })
  await expect(panel.getByText('Sealed')).toBeVisible({ timeout: 15_000 })
  const chapters = panel.getByRole('table', { name: 'Chapters of recording 1' })
  // The first IMEI has two chapters here (its scan, then its refused second scan): the accepted one says Scanned.
  await expect(chapters.locator('tr[data-kind="scan_accepted"]').filter({ hasText: first })).toContainText('Scanned')
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
  // Only that IMEI's moments (and the boxes): the other IMEI's scans are not chapters here.
  await expect(history.getByRole('table', { name: 'Chapters of recording 1' })).not.toContainText(first)
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await page.screenshot({ path: test.info().outputPath('evidence-history.png'), fullPage: true })
})
