// The warehouse simulation: the stand-in OMS, N station processes (each with
// its own data folder and its own network link to the OMS), a scripted
// operator per station, and the day's trouble — the same order opened at two
// stations, IMEIs another station packed first, network cuts and station
// restarts (SIGKILL, then the same data folder again). When every operator is
// done and every outbox drained, it reads the OMS's accepted state and every
// station's own, runs the checks and returns the figures. Every process and
// server it started is stopped before it returns, whatever happened.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SyncStatus } from '../../src/shared/sync'
import { startOmsDev, type OmsDev } from '../oms-dev/server'
import { serialsOf } from './audit'
import { runChecks, type Check, type StationFinal } from './checks'
import { readOmsView } from './omsView'
import { Operator } from './operator'
import { makePlan, productRecords, type Cue, type Plan, type Trouble } from './plan'
import { startLink, type NetworkLink } from './proxy'
import { StationGone, StationHandle } from './stationHandle'
import { call, peopleOf, setUpStation, stationName } from './stationSetup'

export type SimOptions = {
  stations: number
  orders: number
  seed: number
  /** Stations whose network to the OMS is cut once, for `cutMs`. */
  cuts: number
  cutMs: number
  /** Stations killed (SIGKILL) once mid-run and started again on the same data folder. */
  restarts: number
  /** Orders opened at two stations at once. */
  sameOrderPairs: number
  /** Orders opened at a second station after the first packed them. */
  reopenPacked: number
  /** IMEIs scanned at a second station after another packed them. */
  imeiCollisions: number
  /** Where the stations' data folders go; a new temporary folder (removed afterwards) when absent. */
  workDir?: string
  /** Keep the data folders after the run. */
  keep?: boolean
  log?: (line: string) => void
}

export type CutFigure = { station: string; cutMs: number; waitingAtRestore: number | null; drainMs: number | null }

export type Figures = {
  stations: number
  orders: number
  scans: number
  scanSeconds: number
  scansPerSecond: number
  /** The collisions the day played: orders opened at two stations at once, opened again after packed elsewhere, IMEIs packed twice. */
  collisions: { sameOrderAtOnce: number; reopenedPacked: number; imeis: number }
  ordersPacked: number
  /** Jobs an operator gave up because another station held the order. */
  ordersLeft: number
  conflictsAtScanTime: { orders: number; imeis: number }
  /** Events the OMS rejected (distinct), each shown at its station. */
  conflictsAfterTheFact: number
  events: { sent: number; accepted: number; duplicates: number; rejected: number }
  /** Units (serials) in box.confirmed events: accepted by the OMS, and rejected by it (shown at their stations). */
  units: { accepted: number; rejected: number }
  cuts: CutFigure[]
  restarts: number
  /** Set-up, run, drain and audit, in seconds. */
  wallSeconds: number
}

export type SimResult = { figures: Figures; checks: Check[]; ok: boolean; plan: Plan }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs `work` over `items`, at most `limit` at a time (station processes share the machine's cores). */
async function inPool<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0
  const lane = async () => {
    while (next < items.length) {
      const i = next++
      await work(items[i]!, i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
}

export async function runWarehouse(options: SimOptions): Promise<SimResult> {
  const began = performance.now()
  const log = options.log ?? (() => {})
  const plan = makePlan(options)
  const token = `sim-${randomUUID()}`
  const workDir = options.workDir ?? mkdtempSync(join(tmpdir(), 'packing-sim-'))
  const links: NetworkLink[] = []
  const stations: StationHandle[] = []
  let oms: OmsDev | null = null
  try {
    oms = await startOmsDev({ port: 0, token, orders: plan.orders.map((o) => o.record), products: productRecords() })
    log(`stand-in OMS on ${oms.url} with ${plan.orders.length} orders`)
    for (let n = 1; n <= options.stations; n++) {
      links.push(await startLink(new URL(oms.url)))
      stations.push(new StationHandle(stationName(n), join(workDir, `station-${n}`)))
    }
    await inPool(stations, 4, async (station, i) => {
      await station.start()
      await setUpStation(station, { n: i + 1, omsUrl: links[i]!.url, token, orders: plan.orders.length, jobs: plan.jobs[i]! })
      log(`${station.name} (${station.stationId}) ready`)
    })
    const day = new Day(plan, stations, links, options, log)
    log(`${options.stations} operators start`)
    const scanning = await day.play()
    log(`every operator done after ${(scanning / 1000).toFixed(1)} s; draining the outboxes`)
    await drainAll(stations)
    const finals = await Promise.all(stations.map((s, i) => finalState(s, i + 1)))
    log('final states read; checking')
    const view = await readOmsView(oms.url)
    const checks = runChecks({
      ordered: new Map(plan.orders.map((o) => [o.omsOrderId, o.quantity])),
      stations: finals,
      oms: view,
      orderClaims: day.operators.some((o) => o.claims),
      collisions: collisionWords(plan),
      lostScans: day.operators.flatMap((o) => o.tally.lostScans),
      problems: [...day.problems, ...day.operators.flatMap((o) => o.tally.problems)],
      restarts: { planned: plan.restarts.length, done: day.restartsDone },
      cuts: day.cutFigures
    })
    const tallies = day.operators.map((o) => o.tally)
    const scans = tallies.reduce((sum, t) => sum + t.scansAccepted, 0)
    const conflicts = tallies.flatMap((t) => t.conflicts)
    const figures: Figures = {
      stations: options.stations,
      orders: plan.orders.length,
      scans,
      scanSeconds: scanning / 1000,
      scansPerSecond: scanning > 0 ? scans / (scanning / 1000) : 0,
      collisions: { sameOrderAtOnce: plan.sameOrderPairs, reopenedPacked: plan.reopenedPacked, imeis: plan.imeiCollisions },
      ordersPacked: tallies.reduce((sum, t) => sum + t.ordersPacked, 0),
      ordersLeft: tallies.reduce((sum, t) => sum + t.ordersLeft, 0),
      conflictsAtScanTime: {
        orders: conflicts.filter((c) => c.kind === 'order').length,
        imeis: conflicts.filter((c) => c.kind === 'imei').length
      },
      conflictsAfterTheFact: new Set(view.rejections.map((r) => r.id)).size,
      events: {
        sent: finals.reduce((sum, f) => sum + f.audit.outbox.length, 0),
        accepted: view.tally.accepted,
        duplicates: view.tally.duplicate,
        rejected: new Set(view.rejections.map((r) => r.id)).size
      },
      units: {
        accepted: view.events.filter((e) => e.type === 'box.confirmed').reduce((sum, e) => sum + serialsOf(e.payload).length, 0),
        rejected: finals.flatMap((f) => f.audit.outbox.filter((e) => e.rejected)).reduce((sum, e) => sum + e.serials.length, 0)
      },
      cuts: day.cutFigures,
      restarts: stations.reduce((sum, s) => sum + s.restarts, 0),
      wallSeconds: (performance.now() - began) / 1000
    }
    return { figures, checks, ok: checks.every((c) => c.pass), plan }
  } finally {
    await Promise.all(stations.map((s) => s.close().catch(() => s.kill())))
    await Promise.all(links.map((l) => l.close()))
    await oms?.close()
    if (!options.keep && !options.workDir) rmSync(workDir, { recursive: true, force: true })
  }
}

/** The working day: every operator through their jobs, with the trouble placed by each station's progress. */
class Day {
  readonly operators: Operator[]
  readonly cutFigures: CutFigure[] = []
  readonly problems: string[] = []
  restartsDone = 0
  private readonly trouble: Promise<void>[] = []
  private readonly played = new Set<Trouble>()
  private readonly arrived = new Set<string>()
  private readonly packed = new Map<string, { done: Promise<void>; resolve: () => void }>()

  constructor(
    private readonly plan: Plan,
    private readonly stations: StationHandle[],
    private readonly links: NetworkLink[],
    private readonly options: SimOptions,
    private readonly log: (line: string) => void
  ) {
    this.operators = stations.map(
      (station, i) =>
        new Operator({
          station,
          n: i + 1,
          jobs: plan.jobs[i]!,
          spare: (sku) => {
            const spare = plan.spares.get(sku)?.shift()
            if (!spare) throw new Error(`no spare device of ${sku} left`)
            return spare
          },
          namesOther: (message) => this.namesOther(i, message),
          cue: (job) => this.cue(job.cue!),
          onScan: (total) => this.onScan(i, total),
          onPacked: (job) => this.signal(`packed:${i}:${job.omsOrderId}`).resolve()
        })
    )
  }

  /** Plays the day; resolves with how long the operators scanned (ms), once every cut and restart is over too. */
  async play(): Promise<number> {
    const start = performance.now()
    await Promise.all(this.operators.map((o) => o.run()))
    const scanning = performance.now() - start
    await Promise.all(this.trouble)
    return scanning
  }

  private namesOther(self: number, message: string): string | null {
    for (let i = 0; i < this.stations.length; i++) {
      if (i === self) continue
      const { name, stationId } = this.stations[i]!
      if (new RegExp(`\\b${name}\\b`).test(message) || (stationId && message.includes(stationId))) return name
    }
    return null
  }

  private signal(key: string) {
    let entry = this.packed.get(key)
    if (!entry) {
      let resolve = () => {}
      const done = new Promise<void>((r) => (resolve = r))
      entry = { done, resolve }
      this.packed.set(key, entry)
    }
    return entry
  }

  /**
   * `together`: waits until the other station's operator reached the same order, so both open it at once;
   * `packed`: until the other station packed the order and its events reached the OMS. A minute at most
   * (the other operator may be held up by a restart), then it goes on.
   */
  private async cue(cue: Cue): Promise<void> {
    const arrived = cue.kind === 'together' ? this.meet(cue.omsOrderId) : this.signal(`packed:${cue.station}:${cue.omsOrderId}`).done
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 60_000)))
    const outcome = await Promise.race([arrived, timedOut])
    clearTimeout(timer)
    if (outcome === 'timeout' || cue.kind === 'together') return
    await this.until(cue.station, (status) => status.waiting === 0, 15_000)
  }

  /** Both operators of a same-order pair arrive here; the second one's arrival lets both go. */
  private meet(omsOrderId: string): Promise<void> {
    const meeting = this.signal(`together:${omsOrderId}`)
    if (this.arrived.has(omsOrderId)) meeting.resolve()
    this.arrived.add(omsOrderId)
    return meeting.done
  }

  /** Starts the station's planned cut or restart once its operator has made that many scans. */
  private onScan(station: number, total: number): void {
    const due = (t: Trouble) => t.station === station && t.afterScans <= total && !this.played.has(t)
    for (const cut of this.plan.cuts.filter(due)) {
      this.played.add(cut)
      this.trouble.push(this.cut(station))
    }
    for (const restart of this.plan.restarts.filter(due)) {
      this.played.add(restart)
      this.trouble.push(this.restart(station))
    }
  }

  private async restart(i: number): Promise<void> {
    const station = this.stations[i]!
    this.log(`${station.name}: SIGKILL, then started again on its data folder`)
    try {
      await station.restart()
      this.restartsDone++
    } catch (error) {
      this.problems.push(`${station.name}: restart failed: ${(error as Error).message}`)
    }
  }

  /** Cuts the station's network for cutMs while its operator goes on, then measures how long its outbox takes to empty. */
  private async cut(i: number): Promise<void> {
    const station = this.stations[i]!
    const link = this.links[i]!
    const figure: CutFigure = { station: station.name, cutMs: this.options.cutMs, waitingAtRestore: null, drainMs: null }
    this.cutFigures.push(figure)
    this.log(`${station.name}: network cut for ${this.options.cutMs} ms`)
    link.cutOff()
    await sleep(this.options.cutMs)
    figure.waitingAtRestore = (await this.status(i))?.waiting ?? null
    link.restore()
    const restored = performance.now()
    if (await this.until(i, (status) => status.waiting === 0, 60_000)) figure.drainMs = performance.now() - restored
    this.log(`${station.name}: network back, ${figure.waitingAtRestore} events waiting, drained in ${figure.drainMs?.toFixed(0)} ms`)
  }

  private async status(i: number): Promise<SyncStatus | null> {
    try {
      return await call<SyncStatus>(this.stations[i]!, 'sync:status')
    } catch (error) {
      if (error instanceof StationGone) return null
      throw error
    }
  }

  /** Polls the station's sync status until `done` holds (true) or the time is up (false); waits out a restart. */
  private async until(i: number, done: (status: SyncStatus) => boolean, timeoutMs: number): Promise<boolean> {
    return untilStatus(this.stations[i]!, done, timeoutMs)
  }
}

async function untilStatus(station: StationHandle, done: (status: SyncStatus) => boolean, timeoutMs: number): Promise<boolean> {
  const until = performance.now() + timeoutMs
  while (performance.now() < until) {
    try {
      if (done(await call<SyncStatus>(station, 'sync:status'))) return true
    } catch (error) {
      if (!(error instanceof StationGone)) throw error
      await station.running()
    }
    await sleep(50)
  }
  return false
}

/** Every station sends what it still holds: Sync now, then wait until nothing is waiting. */
async function drainAll(stations: StationHandle[]): Promise<void> {
  await Promise.all(
    stations.map(async (station) => {
      await call(station, 'sync:now')
      await untilStatus(station, (status) => status.waiting === 0, 60_000)
    })
  )
}

/** The same-order collisions of the plan, in words, by OMS order id (for the checks' details). */
function collisionWords(plan: Plan): Map<string, string> {
  const words = new Map<string, string>()
  plan.jobs.forEach((jobs, b) => {
    for (const job of jobs) {
      if (job.assigned || job.sameOrderAs === null) continue
      const [first, second] = [stationName(job.sameOrderAs + 1), stationName(b + 1)]
      words.set(
        job.omsOrderId,
        job.cue?.kind === 'packed' ? `opened again at ${second} after ${first} packed it` : `opened at ${first} and ${second} at once`
      )
    }
  })
  return words
}

/** The station's final state: its shift lead's view of the rejected events, and the audit of its database. */
async function finalState(station: StationHandle, n: number): Promise<StationFinal> {
  await call(station, 'operators:signIn', peopleOf(n).lead)
  // Every open rejection is listed (a page at a time); `open` counts them all.
  const rejected = await call<{ open: number }>(station, 'sync:rejectedEvents')
  const conflicts = await station.call('ledger:conflicts', {})
  const serialConflicts = conflicts.ok ? (conflicts.value as { eventId: string }[]).map((c) => c.eventId) : null
  if (!conflicts.ok && conflicts.error.code !== 'unknown_channel')
    throw new Error(`${station.name}: ledger:conflicts: ${conflicts.error.message}`)
  return { name: station.name, audit: await station.audit(), rejectedShown: rejected.open, serialConflicts }
}
