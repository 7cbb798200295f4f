// Enter → painted Scan Count on a 2,000-unit order, in Chromium through the
// browser host: a shift lead signs in, opens an order's Used Scan screen
// (1,760 units already scanned) and scans fresh IMEIs. Measured in the page:
// from the Enter keydown (performance.now in a capturing listener) to the
// first animation frame after the Scan Count text changed (MutationObserver,
// then requestAnimationFrame: that callback runs in the frame that paints it).
// Reference, same run, interleaved: a Shift keydown the app ignores → the next
// animation frame, measured the same way (an empty frame). App share = the
// difference of the two at each percentile.
// Then the same with packing evidence recording (issue 17: "it must not slow
// scanning"): the same scans into a second order alike, in blocks alternating
// with the blocks with recording off (off, on, on, off, off, on, on, off), in
// the same browser (launched with Chromium's fake camera for both), and the
// disk an hour of that recording takes.
//   options: --paint-scans N (per measurement, default 250)  --no-build (use the renderer already in out/)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { sessionsOf } from '../../src/main/core/evidence/evidenceFolder'
import { formatNumber } from '../../src/shared/numberFormat'
import { summarize, type Summary } from '../stats'
import type { BenchContext } from './context'
import {
  cameraFacts,
  confirmRecording,
  FAKE_CAMERA_ARGS,
  recorded,
  setEvidence,
  waitSealed,
  type Camera,
  type Recorded
} from './paintEvidence'
import { lineImei, OPERATOR, ORDER_NUMBERS, PER_LINE, prepareStation, startHost } from './paintStation'
import { latencyRatio, type PathRow } from './types'

const root = resolve(import.meta.dirname, '..', '..')
/**
 * Units already scanned when the bench opens each order: 2,060 - 1,760 = 300 left for its 250 timed scans and their
 * warm-ups. At 100 scans a measurement, the recording-on/off ratio of one run swung from 0.89 to 1.17 at p50 (five runs,
 * one afternoon) against a target of 1.10.
 */
const PREFILLED = 1_760
const SCANS = 250
/** Blocks per measurement: off, on, on, off, off, on, on, off (a drift in the machine's load falls on both alike). */
const BLOCKS = 4
/** Untimed scans at the start of every block (the screen just opened). */
const WARMUP_PER_BLOCK = 2
/** With recording off, the pause before a block is timed: about what waiting for the first chunks takes with it on. */
const SETTLE_MS = 2_000
const TARGET_MS = 50
const TARGET_APP_SHARE_MS = 16
/** Issue 17: Enter → painted Scan Count with recording on within 10 % of recording off. */
const TARGET_ON_OFF = 1.1
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

type Probe = { scans: number[]; frames: number[]; until(kind: 'scans' | 'frames', k: number, ms: number): Promise<void> }
declare global {
  interface Window {
    __paintProbe?: Probe
  }
}

/**
 * Installed in a page before a probe that uses it: \`window.__onCountChange(atEnter, changed)\` calls \`atEnter()\` at
 * each Enter and, once the Scan Count (#scan-count) shows another value, \`changed(what atEnter answered)\`. The
 * one meaning of "the scan changed the count" that every paint tool (this one, paintCompare, paintProfile) times.
 */
export const COUNT_WATCH = `window.__onCountChange = (atEnter, changed) =>
  window.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return
    const mark = atEnter()
    const count = document.getElementById('scan-count')
    if (!count) return
    const before = count.textContent
    const observer = new MutationObserver(() => {
      if (document.getElementById('scan-count')?.textContent === before) return
      observer.disconnect()
      changed(mark)
    })
    observer.observe(count, { subtree: true, childList: true, characterData: true })
  }, { capture: true })`

/**
 * Installed in the page: times Enter → first frame after #scan-count changes, and Shift → next frame.
 * A string, not a function: tsx's helpers (\`__name\`) do not exist in the page.
 * \`until(kind, k, ms)\` resolves once k times are in: the bench waits on that promise rather than with Playwright's
 * waitForFunction, whose default polling is requestAnimationFrame — a 60 fps frame loop the app does not have,
 * whose frames held the main thread while the scan's answer was on its way (issue 10).
 */
export const PROBE = `(() => {
  if (window.__paintProbe) return
  let waiters = []
  const probe = {
    scans: [],
    frames: [],
    until: (kind, k, ms) => new Promise((resolve, reject) => {
      if (probe[kind].length >= k) return resolve()
      const timer = setTimeout(() => reject(new Error(kind + ': ' + probe[kind].length + ' of ' + k + ' after ' + ms + ' ms')), ms)
      waiters.push({ kind, k, done: () => (clearTimeout(timer), resolve()) })
    })
  }
  window.__paintProbe = probe
  const record = (kind, ms) => {
    probe[kind].push(ms)
    waiters = waiters.filter((w) => w.kind !== kind || probe[kind].length < w.k || (w.done(), false))
  }
  const frameAfter = (t0, kind) => requestAnimationFrame(() => record(kind, performance.now() - t0))
  window.addEventListener('keydown', (e) => {
    if (e.key === 'Shift') frameAfter(performance.now(), 'frames')
  }, { capture: true })
  ${COUNT_WATCH}
  window.__onCountChange(() => performance.now(), (t0) => frameAfter(t0, 'scans'))
})()`

/** What the probe has timed so far (its arrays, without its functions). */
export const probeTimes = (page: Page): Promise<Measured> =>
  page.evaluate(() => ({ scans: window.__paintProbe!.scans, frames: window.__paintProbe!.frames }))

export async function scanOnce(page: Page, serial: string, n: number) {
  await page.keyboard.press('Shift')
  await page.evaluate((k) => window.__paintProbe!.until('frames', k, 10_000), n)
  // As a keyboard-wedge scanner sends it: the characters, then Enter.
  await page.keyboard.type(serial, { delay: 5 })
  await page.keyboard.press('Enter')
  try {
    await page.evaluate((k) => window.__paintProbe!.until('scans', k, 30_000), n)
  } catch {
    const said = await page.getByLabel('Scan result').textContent()
    throw new Error(`Scan ${serial} did not change the Scan Count; the screen says: ${said}`)
  }
}

/** From anywhere: the order found on the Orders screen, its Used Scan screen showing `count` scanned. */
export async function openUsedScan(page: Page, orderNumber: string, count: number) {
  await page.getByRole('button', { name: 'Orders', exact: true }).click()
  await page.getByLabel('Search').fill(orderNumber)
  await page.getByLabel('Search').press('Enter')
  await page.getByRole('heading', { name: `Order ${orderNumber}`, exact: true }).waitFor()
  await page.getByRole('button', { name: 'Used Scan' }).click()
  await page
    .getByLabel('Scan Count')
    .filter({ hasText: formatNumber(count, 'en') })
    .waitFor()
}

/** `total` split into BLOCKS sizes as even as they go. */
const blockSizes = (total: number) =>
  Array.from({ length: BLOCKS }, (_, b) => Math.floor((total * (b + 1)) / BLOCKS) - Math.floor((total * b) / BLOCKS))

type Measured = { scans: number[]; frames: number[] }

export async function run(ctx: BenchContext): Promise<PathRow[]> {
  const scans = ctx.flags.num('paint-scans', SCANS)
  const most = 2 * PER_LINE - PREFILLED - BLOCKS * WARMUP_PER_BLOCK
  if (scans < BLOCKS || scans > most) throw new Error(`--paint-scans: from ${BLOCKS} to ${most}`)
  if (!ctx.flags.has('no-build')) {
    ctx.log('building the renderer (electron-vite build; --no-build to skip)…')
    const built = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, stdio: 'ignore' })
    if (built.status !== 0) throw new Error('electron-vite build failed')
  }
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) throw new Error('The renderer is not built: run npx electron-vite build')

  const dataDir = mkdtempSync(join(ctx.workDir, 'paint-'))
  try {
    ctx.log(`preparing a station with orders ${ORDER_NUMBERS.join(' and ')} (${2 * PER_LINE} units each, ${PREFILLED} scanned)…`)
    await prepareStation(dataDir, PREFILLED)
    const host = await startHost(dataDir)
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      // The fake camera for both measurements: with recording off nothing asks for it.
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...FAKE_CAMERA_ARGS]
    })
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    page.on('pageerror', (error) => ctx.log(`the page failed: ${error.message}`))
    try {
      await page.goto(host.url)
      await page.getByRole('button', { name: OPERATOR.name }).click()
      await page.getByLabel('PIN', { exact: true }).fill(OPERATOR.pin)
      await page.getByLabel('PIN', { exact: true }).press('Enter')
      await page.getByLabel('Signed in operator').filter({ hasText: OPERATOR.name }).waitFor()
      await page.evaluate(PROBE)
      const camera = await cameraFacts(page)
      ctx.log(
        `camera: ${camera.label} ${camera.width}×${camera.height} at ${camera.frameRate} fps, ${camera.mimeType}, ${camera.videoBitsPerSecond} bit/s`
      )

      const [offOrder, onOrder] = ORDER_NUMBERS
      const done = [0, 0]
      const off: Measured = { scans: [], frames: [] }
      const on: Measured = { scans: [], frames: [] }
      const sizes = blockSizes(scans)
      const order = Array.from({ length: 2 * BLOCKS }, (_, i) => ((i + 1) >> 1) % 2 === 1)
      ctx.log(
        `measuring: ${scans} scans with recording off and ${scans} with it on, in ${2 * BLOCKS} blocks (${WARMUP_PER_BLOCK} warm-up scans each), each scan after an empty-frame probe…`
      )
      for (const [i, recording] of order.entries()) {
        const o = recording ? 1 : 0
        const orderNumber = ORDER_NUMBERS[o]
        const size = sizes[Math.floor(i / 2)]
        // Settings leaves the order (its recording stops and is sealed) and turns recording on or off.
        await setEvidence(page, recording, OPERATOR)
        await waitSealed(dataDir, onOrder)
        const sessionsBefore = sessionsOf(dataDir, orderNumber).length
        await openUsedScan(page, orderNumber, PREFILLED + done[o])
        if (recording) await confirmRecording(page, dataDir, orderNumber, sessionsBefore)
        else {
          await page.waitForTimeout(SETTLE_MS)
          if ((await page.getByTestId('evidence-rec').count()) > 0) throw new Error('REC shows with packing evidence off')
          if (sessionsOf(dataDir, offOrder).length > 0) throw new Error(`${offOrder} was recorded with packing evidence off`)
        }
        await page.getByRole('textbox', { name: 'Serial' }).focus()
        await page.evaluate(PROBE)
        await page.evaluate(() => {
          window.__paintProbe!.scans.length = 0
          window.__paintProbe!.frames.length = 0
        })
        for (let k = 0; k < WARMUP_PER_BLOCK + size; k++) {
          const u = PREFILLED + done[o]++
          await scanOnce(page, lineImei(u % 2, u >> 1, o), k + 1)
        }
        const shown = await page.getByLabel('Scan Count').textContent()
        // The count as the English station shows it ("1,950").
        if (shown !== formatNumber(PREFILLED + done[o], 'en'))
          throw new Error(`${orderNumber}: Scan Count shows ${shown}, expected ${PREFILLED + done[o]}`)
        if (recording && (await page.getByTestId('evidence-rec').textContent()) !== '● REC') throw new Error('REC stopped during the block')
        const probe = await probeTimes(page)
        const into = recording ? on : off
        into.scans.push(...probe.scans.slice(WARMUP_PER_BLOCK))
        into.frames.push(...probe.frames.slice(WARMUP_PER_BLOCK))
      }
      // Leaving the order stops the last recording; the sealed recordings are what the disk holds.
      await setEvidence(page, false, OPERATOR)
      await waitSealed(dataDir, onOrder)
      const clips = recorded(dataDir, onOrder)
      ctx.log(
        `recorded: ${clips.sessions} recordings, ${clips.seconds.toFixed(1)} s, ${clips.chunks} chunks, ${clips.markers} markers; clip ${clips.clipBytes} B, evidence folder ${clips.storeBytes} B; video ${clips.video ?? '(no ffprobe)'}`
      )
      return [
        ...paintRows(summarize('Enter → painted Scan Count', off.scans), summarize('empty frame', off.frames)),
        onRow(
          summarize('Enter → painted Scan Count, recording on', on.scans),
          summarize('Enter → painted Scan Count, recording off', off.scans),
          summarize('empty frame, recording on', on.frames)
        ),
        ...diskRows(clips, camera)
      ]
    } catch (error) {
      const shot = join(ctx.workDir, 'paint-failure.png')
      await page.screenshot({ path: shot }).then(
        () => ctx.log(`the screen at the failure: ${shot}`),
        () => {}
      )
      throw error
    } finally {
      await browser.close()
      await host.stop()
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function paintRows(painted: Summary, frame: Summary): PathRow[] {
  // Percentile by percentile: what the app adds to the frame the browser would paint anyway.
  const share = (k: 'p50Ms' | 'p90Ms' | 'p99Ms' | 'maxMs' | 'meanMs') => Math.round((painted[k] - frame[k]) * 1000) / 1000
  const app: Summary = {
    name: 'app share (measured − empty frame)',
    count: painted.count,
    p50Ms: share('p50Ms'),
    p90Ms: share('p90Ms'),
    p99Ms: share('p99Ms'),
    maxMs: share('maxMs'),
    meanMs: share('meanMs')
  }
  return [
    {
      path: 'Enter → painted Scan Count, 2,000-unit order (Chromium, browser host)',
      measured: { kind: 'latency', summary: painted },
      reference: { kind: 'latency', summary: frame },
      ratio: latencyRatio(painted, frame),
      target: {
        text: `p99 < ${TARGET_MS} ms, app share < ${TARGET_APP_SHARE_MS} ms`,
        met: painted.p99Ms < TARGET_MS && app.p99Ms < TARGET_APP_SHARE_MS
      }
    },
    {
      path: 'app share of Enter → painted, 2,000-unit order',
      measured: { kind: 'latency', summary: app },
      reference: { kind: 'latency', summary: frame },
      ratio: latencyRatio(app, frame),
      target: { text: `p99 < ${TARGET_APP_SHARE_MS} ms`, met: app.p99Ms < TARGET_APP_SHARE_MS }
    }
  ]
}

const round2 = (v: number) => Math.round(v * 100) / 100

/** Recording on against recording off, the same run: the row's ratio is p99 over p99; the p50 ratio is kept and shown too. */
function onRow(
  onScans: Summary,
  offScans: Summary,
  onFrame: Summary
): PathRow & { ratios: { p50: number; p99: number }; emptyFrameRecordingOn: Summary; notes: string[] } {
  const ratios = { p50: round2(onScans.p50Ms / Math.max(offScans.p50Ms, 1e-6)), p99: round2(latencyRatio(onScans, offScans)) }
  return {
    path: 'Enter → painted Scan Count with packing evidence recording (fake camera), 2,000-unit order',
    measured: { kind: 'latency', summary: onScans },
    reference: { kind: 'latency', summary: offScans },
    ratio: latencyRatio(onScans, offScans),
    target: {
      text: `on/off ≤ ${TARGET_ON_OFF} at p50 and p99 (issue 17)`,
      met: ratios.p50 <= TARGET_ON_OFF && ratios.p99 <= TARGET_ON_OFF
    },
    ratios,
    emptyFrameRecordingOn: onFrame,
    notes: [`on/off: p50 ${ratios.p50}×, p99 ${ratios.p99}×`, `empty frame while recording: p50 ${onFrame.p50Ms} / p99 ${onFrame.p99Ms} ms`]
  }
}

type DiskRow = PathRow & { camera: Camera & { recorded: string | null }; recording: Record<string, unknown>; notes?: string[] }

/** Disk an hour of recording takes, from the sealed recordings; the reference is the encoder's nominal bitrate for an hour. */
function diskRows(clips: Recorded, camera: Camera): DiskRow[] {
  if (clips.seconds <= 0) throw new Error('Nothing was recorded')
  const perHourMB = (bytes: number) => round2(((bytes / clips.seconds) * 3600) / 1e6)
  const nominal: PathRow['reference'] = {
    kind: 'amount',
    name: `${camera.mimeType} at ${camera.videoBitsPerSecond} bit/s (the recorder's limit) × 1 h`,
    value: round2(((camera.videoBitsPerSecond / 8) * 3600) / 1e6),
    unit: 'MB/h'
  }
  const facts = {
    camera: { ...camera, recorded: clips.video },
    recording: {
      sessions: clips.sessions,
      seconds: round2(clips.seconds),
      chunks: clips.chunks,
      markers: clips.markers,
      clipBytes: clips.clipBytes,
      storeBytes: clips.storeBytes,
      sessionFiles: clips.files
    }
  }
  const clip = perHourMB(clips.clipBytes)
  const store = perHourMB(clips.storeBytes)
  return [
    {
      path: 'disk per hour of recording, the clips (clip.webm)',
      measured: { kind: 'amount', name: 'clip bytes / recorded s × 3600', value: clip, unit: 'MB/h' },
      reference: nominal,
      ratio: clip / Math.max(nominal.value, 1e-9),
      ...facts,
      notes: [
        `camera: ${camera.label} (Chromium's fake camera, a test pattern) ${camera.width}×${camera.height} at ${camera.frameRate} fps, recorded as ${clips.video ?? camera.mimeType}`,
        `the recorder asks at most ${camera.videoBitsPerSecond} bit/s (recordingQuality.ts); the clips came to ${Math.round((clips.clipBytes * 8) / clips.seconds / 1000)} kbit/s`,
        `${clips.sessions} recordings, ${round2(clips.seconds)} s, ${clips.chunks} chunks, ${clips.markers} markers`
      ]
    },
    {
      path: 'disk per hour of recording, the evidence folder as sealed',
      measured: { kind: 'amount', name: 'evidence/ bytes / recorded s × 3600', value: store, unit: 'MB/h' },
      reference: nominal,
      ratio: store / Math.max(nominal.value, 1e-9),
      ...facts,
      notes: [`a sealed recording holds ${clips.files.join(', ')}`]
    }
  ]
}
