// Packing evidence (issue 17), the way the bench meets it: a shift lead turns
// recording on for this station; the operator opens an order for Used Scan and
// REC shows; every scan, the boxes and the Packing Confirmation go into the
// recording as it runs, and the confirmation seals it. Chromium's fake camera
// stands in for the one over the bench; ffprobe (Debian's ffmpeg) reads the
// sealed video's duration (its head and the clip, put together as a player
// gets them), and the seal verifies.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { playableParts } from '../src/main/core/evidence/playable'
import { verifyEvidence } from '../src/main/core/evidence/verify'
import { fakeCamera, turnEvidenceOn } from './evidence'
import { expect, imei, openOrder, scan, startWithSampleData, test } from './fixtures'

test.use(fakeCamera)

test('an order packed with recording on is sealed with its scans as chapters', async ({ page, dataDir }) => {
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
  const video = playableParts(folder, manifest)!
  const watched = test.info().outputPath('video.webm')
  writeFileSync(watched, Buffer.concat(video.parts.map((p) => readFileSync(p.path).subarray(p.start, p.end))))
  const probed = Number(
    execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=nw=1:nk=1', watched], {
      encoding: 'utf8'
    })
  )
  // The clip runs from the order's opening to its confirmation: about as long as the test took to get there.
  expect(probed).toBeGreaterThan(1.5)
  expect(probed).toBeLessThan(seconds + 2)
  expect(probed * 1000).toBeCloseTo(manifest.durationMs, -3)
})
