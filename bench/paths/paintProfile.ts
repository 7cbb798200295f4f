// Where the app's share of Enter → painted Scan Count goes (issue 10): the
// paint benchmark's station and scans (paintStation.ts, recording off), with
// Chromium's sampling profiler (CDP `Profiler`) over the scan loop and a
// stand-in for React DevTools' hook that lists, per commit, the components
// that rendered and those of them whose props were all the same as before.
// Not a benchmark module (its figures are a profiler's, slowed by sampling):
// a tool to find what to fix. Needs the renderer built in out/ (run under the
// e2e lock, which guards out/):
//   flock /tmp/e2e.lock sh -c 'npx electron-vite build >/dev/null && npx tsx bench/paths/paintProfile.ts [options]'
// Options: --phases N (scans timed phase by phase, default 40), --scans N (scans profiled, default 40),
// --interval µs (sampling, default 250), --shot file.png (the whole screen at the end), --template DIR (a
// prepared station kept in DIR and copied for each run: the preparing takes minutes), --app DIR (another
// copy of the app, its renderer built in DIR/out: no lock needed, as this checkout's out/ is not used).
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from '@playwright/test'
import { parseArgs } from 'node:util'
import { formatNumber } from '../../src/shared/numberFormat'
import { COUNT_WATCH } from './paint'
import { lineImei, OPERATOR, ORDER_NUMBERS, prepareStation, startHost } from './paintStation'

const PREFILLED = 1_950
const { values: args } = parseArgs({
  options: {
    scans: { type: 'string', default: '40' },
    phases: { type: 'string', default: '40' },
    interval: { type: 'string', default: '250' },
    template: { type: 'string' },
    app: { type: 'string' },
    shot: { type: 'string' }
  }
})
const SCANS = Number(args.scans)
const PHASE_SCANS = Number(args.phases)

/**
 * A minimal React DevTools hook (react-dom calls it on every commit, production builds too): for each
 * commit, each function component that rendered, and whether all its props were the same objects as
 * before. A fiber rendered when React marked it PerformedWork (flag 1); a subtree whose child list is
 * the one of the previous commit was not visited at all (React DevTools' own rule).
 */
const HOOK = `(() => {
  const renders = new Map()
  let commits = 0
  const nameOf = (type) => {
    if (!type) return null
    if (typeof type === 'function') return type.displayName || type.name || 'anonymous'
    if (typeof type === 'object') return type.displayName || nameOf(type.render) || nameOf(type.type)
    return null
  }
  const sameProps = (a, b) => {
    if (!a || !b) return false
    const ka = Object.keys(a), kb = Object.keys(b)
    return ka.length === kb.length && ka.every((k) => a[k] === b[k])
  }
  const count = (name, same) => {
    const r = renders.get(name) ?? { renders: 0, sameProps: 0 }
    r.renders++
    if (same) r.sameProps++
    renders.set(name, r)
  }
  const walk = (next, prev) => {
    const name = nameOf(next.type)
    if (name && (prev === null || (next.flags & 1) === 1)) count(name, prev !== null && sameProps(next.memoizedProps, prev.memoizedProps))
    if (prev !== null && next.child === prev.child) return
    for (let c = next.child; c; c = c.sibling) walk(c, c.alternate)
  }
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers: new Map(), supportsFiber: true, isDisabled: false,
    inject(renderer) { const id = this.renderers.size + 1; this.renderers.set(id, renderer); return id },
    checkDCE() {}, onScheduleFiberRoot() {}, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      window.__commitTimes.push(performance.now())
      if (!window.__renders) return
      commits++
      const current = root.current
      walk(current, current.alternate)
    }
  }
  window.__commitTimes = []
  // When a request leaves and when its answer arrives (listeners added before the app's own); notices are
  // counted apart, since a notice that arrives during a scan is work the screen does on its way to the paint.
  const NativeSocket = window.WebSocket
  window.__notices = 0
  window.WebSocket = class extends NativeSocket {
    constructor(...args) {
      super(...args)
      this.addEventListener('message', (event) => {
        if (String(event.data).startsWith('{"notice"')) window.__notices++
        else {
          window.__lastAnswer = performance.now()
          // The first animation frame after the answer (asked for here: headless Chromium makes frames on
          // demand): the new count should be in it (issue 10).
          requestAnimationFrame(() => { window.__firstFrame = performance.now() })
        }
      })
    }
    send(data) {
      window.__lastSend = performance.now()
      return super.send(data)
    }
  }
  // Enter → request sent → answer arrived → React committed → Scan Count changed in the DOM → the frame that
  // paints it (as paint.ts times it); the phases add up to the total.
  window.__phases = []
  ${COUNT_WATCH}
  window.__onCountChange(() => ({ t0: performance.now(), notices: window.__notices }), ({ t0, notices }) => {
    const changed = performance.now()
    const sent = window.__lastSend
    const answered = window.__lastAnswer
    const committed = window.__commitTimes.find((t) => t >= answered) ?? changed
    requestAnimationFrame(() => {
      const painted = performance.now()
      const commits = window.__commitTimes.filter((t) => t >= t0 && t <= painted).length
      window.__phases.push({
        send: sent - t0,
        station: answered - sent,
        commit: committed - answered,
        toDom: changed - committed,
        toFrame: painted - changed,
        total: painted - t0,
        commits,
        notices: window.__notices - notices,
        // 1 when a frame went out after the answer without the new count (it waited for a later one).
        framesLate: window.__firstFrame < changed ? 1 : 0
      })
    })
  })
  window.__renderStats = () => ({ commits, renders: Object.fromEntries(renders) })
  window.__renderReset = () => { renders.clear(); commits = 0 }
})()`

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number; children?: number[] }
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

/** Self and total (inclusive, recursion counted once) milliseconds per function of a CDP CPU profile. */
function costs(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const selfMs = new Map<number, number>()
  // A sample's time is the delta to the next sample.
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000
    selfMs.set(profile.samples[i], (selfMs.get(profile.samples[i]) ?? 0) + dt)
  }
  const key = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  const visit = (id: number, stack: Set<string>): number => {
    const n = byId.get(id)!
    const k = key(n)
    let sum = selfMs.get(id) ?? 0
    self.set(k, (self.get(k) ?? 0) + sum)
    const inner = new Set(stack).add(k)
    for (const c of n.children ?? []) sum += visit(c, inner)
    if (!stack.has(k)) total.set(k, (total.get(k) ?? 0) + sum)
    return sum
  }
  visit(profile.nodes[0].id, new Set())
  return { self, total }
}

const top = (m: Map<string, number>, n: number, per: number) =>
  [...m.entries()]
    .filter(([k]) => !/^\((idle|program|garbage collector|root)\)/.test(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, ms]) => `${(ms / per).toFixed(3).padStart(8)} ms/scan  ${k}`)
    .join('\n')

const dataDir = mkdtempSync(join(tmpdir(), 'paint-profile-'))
try {
  // --template DIR: a station prepared once (into DIR, when it is not there yet) and copied for every run.
  if (args.template && existsSync(args.template)) cpSync(args.template, dataDir, { recursive: true })
  else {
    console.log(`preparing ${ORDER_NUMBERS[0]} (${PREFILLED} units scanned)…`)
    await prepareStation(dataDir, PREFILLED)
    if (args.template) cpSync(dataDir, args.template, { recursive: true })
  }
  const host = await startHost(dataDir, args.app && resolve(args.app))
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] })
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    page.on('pageerror', (error) => console.log(`the page failed: ${error.message}`))
    page.on('console', (m) => m.type() === 'error' && console.log(`console: ${m.text()}`))
    await page.addInitScript(HOOK)
    await page.goto(host.url)
    await page.getByRole('button', { name: OPERATOR.name }).click()
    await page.getByLabel('PIN', { exact: true }).fill(OPERATOR.pin)
    await page.getByLabel('PIN', { exact: true }).press('Enter')
    await page.getByLabel('Signed in operator').filter({ hasText: OPERATOR.name }).waitFor()
    await page.getByRole('button', { name: 'Orders', exact: true }).click()
    await page.getByLabel('Search').fill(ORDER_NUMBERS[0])
    await page.getByLabel('Search').press('Enter')
    await page.getByRole('heading', { name: `Order ${ORDER_NUMBERS[0]}`, exact: true }).waitFor()
    await page.getByRole('button', { name: 'Used Scan' }).click()
    await page
      .getByLabel('Scan Count')
      .filter({ hasText: formatNumber(PREFILLED, 'en') })
      .waitFor()
    await page.getByRole('textbox', { name: 'Serial' }).focus()

    let done = 0
    const scan = async () => {
      const u = PREFILLED + done++
      await page.keyboard.type(lineImei(u % 2, u >> 1, 0), { delay: 5 })
      await page.keyboard.press('Enter')
      // Polled on a timer, not with Playwright's default (requestAnimationFrame: a frame loop the app does not have,
      // whose frames would hold the main thread while the answer is on its way).
      await page.waitForFunction(
        (text) => document.getElementById('scan-count')?.textContent === text,
        formatNumber(PREFILLED + done, 'en'),
        {
          polling: 20
        }
      )
      await page.waitForTimeout(50)
    }
    for (let i = 0; i < 3; i++) await scan() // warm-up

    // Where the time of a scan goes, without a profiler slowing it: the station's answer, React's render and commit, the frame.
    await page.evaluate(() => ((window as unknown as { __phases: unknown[] }).__phases.length = 0))
    for (let i = 0; i < PHASE_SCANS; i++) await scan()
    type Phase = {
      send: number
      station: number
      commit: number
      toDom: number
      toFrame: number
      total: number
      commits: number
      notices: number
      framesLate: number
    }
    const phases = await page.evaluate(() => (window as unknown as { __phases: Phase[] }).__phases)
    const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]
    console.log(`\nphases over ${phases.length} scans (ms; p50 / p90 / max):`)
    for (const k of phases.length
      ? (['send', 'station', 'commit', 'toDom', 'toFrame', 'total', 'commits', 'notices', 'framesLate'] as const)
      : []) {
      const xs = phases.map((p) => p[k])
      console.log(`  ${k.padEnd(10)} ${pct(xs, 0.5).toFixed(2)} / ${pct(xs, 0.9).toFixed(2)} / ${Math.max(...xs).toFixed(2)}`)
    }
    const late = phases.filter((p) => p.framesLate > 0).length
    if (phases.length) console.log(`  the count missed the first frame after the answer on ${late} of ${phases.length} scans`)

    // Which components render per scan (the typing renders nothing: the Serial field is the browser's).
    await page.evaluate(() => ((window as unknown as { __renders: boolean }).__renders = true))
    await page.evaluate(() => (window as unknown as { __renderReset(): void }).__renderReset())
    for (let i = 0; i < 10; i++) await scan()
    const stats = await page.evaluate(() =>
      (
        window as unknown as { __renderStats(): { commits: number; renders: Record<string, { renders: number; sameProps: number }> } }
      ).__renderStats()
    )
    await page.evaluate(() => ((window as unknown as { __renders: boolean }).__renders = false))
    console.log(`\nper scan: ${(stats.commits / 10).toFixed(1)} commits; components rendered (renders / of them with the same props):`)
    for (const [name, r] of Object.entries(stats.renders).sort((a, b) => b[1].renders - a[1].renders))
      console.log(`${(r.renders / 10).toFixed(1).padStart(7)} ${(r.sameProps / 10).toFixed(1).padStart(6)}  ${name}`)

    // What the main thread spends its time on over the scan loop (typing included: it is part of a scan).
    if (SCANS > 0) {
      const cdp = await page.context().newCDPSession(page)
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: Number(args.interval) })
      await cdp.send('Profiler.start')
      for (let i = 0; i < SCANS; i++) await scan()
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile }
      const { self, total } = costs(profile)
      const busy = [...self.entries()].filter(([k]) => !/^\((idle|program)\)/.test(k)).reduce((s, [, ms]) => s + ms, 0)
      console.log(`\nmain thread busy (not idle): ${(busy / SCANS).toFixed(2)} ms/scan over ${SCANS} scans`)
      console.log(`\ntop self time:\n${top(self, 25, SCANS)}`)
      console.log(`\ntop total time:\n${top(total, 40, SCANS)}`)
    }
    if (args.shot) {
      await page.screenshot({ path: args.shot, fullPage: true })
      console.log(`\nscreenshot: ${args.shot}`)
    }
  } finally {
    await browser.close()
    await host.stop()
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true })
}
