// Enter → painted Scan Count on a 2,000-unit order, in Chromium through the
// browser host: the operator signs in, opens the order's Used Scan screen
// (1,950 units already scanned) and scans fresh IMEIs. Measured in the page:
// from the Enter keydown (performance.now in a capturing listener) to the
// first animation frame after the Scan Count text changed (MutationObserver,
// then requestAnimationFrame: that callback runs in the frame that paints it).
// Reference, same run, interleaved: a Shift keydown the app ignores → the next
// animation frame, measured the same way (an empty frame). App share = the
// difference of the two at each percentile.
//   options: --paint-scans N (default 100)  --no-build (use the renderer already in out/)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { summarize, type Summary } from '../stats'
import type { BenchContext } from './context'
import { lineImei, OPERATOR, ORDER_NUMBER, PER_LINE, prepareStation, startHost } from './paintStation'
import { latencyRatio, type PathRow } from './types'

const root = resolve(import.meta.dirname, '..', '..')
const PREFILLED = 1_950
const WARMUP = 10
const TARGET_MS = 50
const TARGET_APP_SHARE_MS = 16
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

type Probe = { scans: number[]; frames: number[] }
declare global {
  interface Window {
    __paintProbe?: Probe
  }
}

/**
 * Installed in the page: times Enter → first frame after #scan-count changes, and Shift → next frame.
 * A string, not a function: tsx's helpers (`__name`) do not exist in the page.
 */
const PROBE = `(() => {
  const probe = { scans: [], frames: [] }
  window.__paintProbe = probe
  const frameAfter = (t0, into) => requestAnimationFrame(() => into.push(performance.now() - t0))
  window.addEventListener('keydown', (e) => {
    const t0 = performance.now()
    if (e.key === 'Shift') return void frameAfter(t0, probe.frames)
    if (e.key !== 'Enter') return
    const count = document.getElementById('scan-count')
    if (!count) return
    const before = count.textContent
    const observer = new MutationObserver(() => {
      if (document.getElementById('scan-count')?.textContent === before) return
      observer.disconnect()
      frameAfter(t0, probe.scans)
    })
    observer.observe(count, { subtree: true, childList: true, characterData: true })
  }, { capture: true })
})()`

async function scanOnce(page: Page, serial: string, n: number) {
  await page.keyboard.press('Shift')
  await page.waitForFunction((k) => window.__paintProbe!.frames.length >= k, n, { timeout: 10_000 })
  // As a keyboard-wedge scanner sends it: the characters, then Enter.
  await page.keyboard.type(serial, { delay: 5 })
  await page.keyboard.press('Enter')
  try {
    await page.waitForFunction((k) => window.__paintProbe!.scans.length >= k, n, { timeout: 30_000 })
  } catch {
    const said = await page.getByLabel('Scan result').textContent()
    throw new Error(`Scan ${serial} did not change the Scan Count; the screen says: ${said}`)
  }
}

export async function run(ctx: BenchContext): Promise<PathRow[]> {
  const scans = ctx.flags.num('paint-scans', 100)
  if (PREFILLED + WARMUP + scans > 2 * PER_LINE) throw new Error(`--paint-scans: at most ${2 * PER_LINE - PREFILLED - WARMUP}`)
  if (!ctx.flags.has('no-build')) {
    ctx.log('building the renderer (electron-vite build; --no-build to skip)…')
    const built = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, stdio: 'ignore' })
    if (built.status !== 0) throw new Error('electron-vite build failed')
  }
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) throw new Error('The renderer is not built: run npx electron-vite build')

  const dataDir = mkdtempSync(join(ctx.workDir, 'paint-'))
  try {
    ctx.log(`preparing a station with order ${ORDER_NUMBER} (${2 * PER_LINE} units, ${PREFILLED} scanned)…`)
    await prepareStation(dataDir, PREFILLED)
    const host = await startHost(dataDir)
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync']
    })
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    page.on('pageerror', (error) => ctx.log(`the page failed: ${error.message}`))
    try {
      await page.goto(host.url)
      await page.getByRole('button', { name: OPERATOR.name }).click()
      await page.getByLabel('Signed in operator').filter({ hasText: OPERATOR.name }).waitFor()
      await page.getByRole('button', { name: 'Orders', exact: true }).click()
      await page.getByLabel('Search').fill(ORDER_NUMBER)
      await page.getByLabel('Search').press('Enter')
      await page.getByRole('heading', { name: `Order ${ORDER_NUMBER}` }).waitFor()
      await page.getByRole('button', { name: 'Used Scan' }).click()
      await page
        .getByLabel('Scan Count')
        .filter({ hasText: String(PREFILLED) })
        .waitFor()
      await page.getByRole('textbox', { name: 'Serial' }).focus()
      await page.evaluate(PROBE)

      ctx.log(`measuring: ${WARMUP} warm-up + ${scans} scans, each after an empty-frame probe…`)
      for (let i = 0; i < WARMUP + scans; i++) {
        const u = PREFILLED + i
        await scanOnce(page, lineImei(u % 2, u >> 1), i + 1)
      }
      const expected = String(PREFILLED + WARMUP + scans)
      const shown = await page.getByLabel('Scan Count').textContent()
      if (shown !== expected) throw new Error(`Scan Count shows ${shown}, expected ${expected}`)
      const probe = await page.evaluate(() => window.__paintProbe!)
      return rows(summarize('Enter → painted Scan Count', probe.scans.slice(WARMUP)), summarize('empty frame', probe.frames.slice(WARMUP)))
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

function rows(painted: Summary, frame: Summary): PathRow[] {
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
