// Enter → painted Scan Count of two builds of the renderer in the same run
// (issue 10): on a machine shared by others, figures from two runs minutes
// apart differ more than the change under test, so this times both side by
// side, in interleaved blocks (A, B, B, A, A, B, B, A: a drift in the load
// falls on both alike), the way the paint benchmark times one (paint.ts:
// its probe, its scans, its empty-frame reference before every scan).
// A is another copy of the app (`--base DIR`: its src/ and its built
// out/renderer, e.g. the commit before a change, node_modules linked to this
// one's); B is this checkout's out/renderer, or `--other DIR`, a copy like A
// (built there, so this checkout's out/ and its lock are left alone). Each gets its own browser host
// and its own copy of the same prepared station (paintStation.ts, recording
// off). Not a benchmark module: a tool to check a change before believing it.
//   flock /tmp/e2e.lock sh -c 'npx electron-vite build >/dev/null && npx tsx bench/paths/paintCompare.ts --base DIR [--scans N] [--template DIR]'
// (the lock guards out/, which the host serves while this runs).
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Page } from '@playwright/test'
import { summarize, type Summary } from '../stats'
import { COUNT_WATCH, openUsedScan, PROBE, probeTimes, scanOnce } from './paint'
import { lineImei, OPERATOR, ORDER_NUMBER, PER_LINE, prepareStation, startHost, type Host } from './paintStation'

const PREFILLED = 1_950
const WARMUP_PER_BLOCK = 2
const ORDER = [0, 1, 1, 0, 0, 1, 1, 0] as const
const { values: args } = parseArgs({
  options: { base: { type: 'string' }, other: { type: 'string' }, scans: { type: 'string', default: '100' }, template: { type: 'string' } }
})
if (!args.base || !existsSync(join(args.base, 'out', 'renderer', 'index.html')))
  throw new Error('--base DIR: a copy of the app with its renderer built (DIR/out/renderer/index.html)')
const SCANS = Number(args.scans)
const perBlock = Math.floor(SCANS / (ORDER.length / 2))
if (perBlock < 1 || (ORDER.length / 2) * (perBlock + WARMUP_PER_BLOCK) > 2 * PER_LINE - PREFILLED)
  throw new Error(
    `--scans: from ${ORDER.length / 2} to ${(ORDER.length / 2) * ((2 * PER_LINE - PREFILLED) / (ORDER.length / 2) - WARMUP_PER_BLOCK)}`
  )

type Side = { name: string; host: Host; page: Page; done: number; scans: number[]; frames: number[]; rendered: number[]; dataDir: string }

/**
 * Also split off the station's part: when the answer arrives (a WebSocket listener added before the app's own),
 * to the frame that paints the new Scan Count — the renderer's part alone, which the machine's load on the
 * station's process (its own, under tsx) does not enter.
 */
const ANSWER_PROBE = `(() => {
  const NativeSocket = window.WebSocket
  window.WebSocket = class extends NativeSocket {
    constructor(...args) {
      super(...args)
      this.addEventListener('message', () => { window.__lastAnswer = performance.now() })
    }
  }
  window.__rendered = []
  ${COUNT_WATCH}
  window.__onCountChange(() => null, () => {
    const answered = window.__lastAnswer
    requestAnimationFrame(() => window.__rendered.push(performance.now() - answered))
  })
})()`

async function signIn(page: Page, url: string) {
  await page.goto(url)
  await page.getByRole('button', { name: OPERATOR.name }).click()
  await page.getByLabel('PIN', { exact: true }).fill(OPERATOR.pin)
  await page.getByLabel('PIN', { exact: true }).press('Enter')
  await page.getByLabel('Signed in operator').filter({ hasText: OPERATOR.name }).waitFor()
}

const template = args.template ?? mkdtempSync(join(tmpdir(), 'paint-compare-station-'))
if (!existsSync(join(template, 'station.db'))) {
  console.log(`preparing ${ORDER_NUMBER} (${PREFILLED} units scanned)…`)
  await prepareStation(template, PREFILLED)
}
const sides: Side[] = []
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync']
})
try {
  for (const [name, appRoot] of [
    ['A (--base)', resolve(args.base)],
    [args.other ? 'B (--other)' : 'B (this checkout)', args.other && resolve(args.other)]
  ] as const) {
    const dataDir = mkdtempSync(join(tmpdir(), 'paint-compare-'))
    cpSync(template, dataDir, { recursive: true })
    const host = await startHost(dataDir, appRoot)
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    await page.addInitScript(ANSWER_PROBE)
    sides.push({ name, host, page, done: 0, scans: [], frames: [], rendered: [], dataDir })
    await signIn(page, host.url)
    await openUsedScan(page, ORDER_NUMBER, PREFILLED)
  }
  console.log(`measuring ${perBlock * (ORDER.length / 2)} scans on each, in ${ORDER.length} blocks (A, B, B, A, …)…`)
  for (const s of ORDER) {
    const side = sides[s]
    await side.page.bringToFront()
    await side.page.getByRole('textbox', { name: 'Serial' }).focus()
    await side.page.evaluate(PROBE)
    await side.page.evaluate(() => {
      window.__paintProbe!.scans.length = 0
      window.__paintProbe!.frames.length = 0
      ;(window as unknown as { __rendered: number[] }).__rendered.length = 0
    })
    for (let k = 0; k < WARMUP_PER_BLOCK + perBlock; k++) {
      const u = PREFILLED + side.done++
      await scanOnce(side.page, lineImei(u % 2, u >> 1, 0), k + 1)
    }
    const probe = await probeTimes(side.page)
    side.scans.push(...probe.scans.slice(WARMUP_PER_BLOCK))
    side.frames.push(...probe.frames.slice(WARMUP_PER_BLOCK))
    const rendered = await side.page.evaluate(() => (window as unknown as { __rendered: number[] }).__rendered)
    side.rendered.push(...rendered.slice(WARMUP_PER_BLOCK))
  }
  const row = (label: string, x: Summary) =>
    `${label.padEnd(34)} p50 ${x.p50Ms.toFixed(1).padStart(6)}  p90 ${x.p90Ms.toFixed(1).padStart(6)}  p99 ${x.p99Ms.toFixed(1).padStart(6)}  ms`
  console.log(
    `load average at the end: ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`
  )
  for (const side of sides) {
    const painted = summarize('painted', side.scans)
    const frame = summarize('frame', side.frames)
    const share = { ...painted, p50Ms: painted.p50Ms - frame.p50Ms, p90Ms: painted.p90Ms - frame.p90Ms, p99Ms: painted.p99Ms - frame.p99Ms }
    console.log(`\n${side.name}, ${painted.count} scans`)
    console.log(row('Enter → painted Scan Count', painted))
    console.log(row('empty frame (same blocks)', frame))
    console.log(row('app share (measured − frame)', share))
    console.log(row('answer arrived → painted', summarize('rendered', side.rendered)))
  }
} finally {
  await browser.close()
  for (const side of sides) {
    await side.host.stop()
    rmSync(side.dataDir, { recursive: true, force: true })
  }
  if (!args.template) rmSync(template, { recursive: true, force: true })
}
