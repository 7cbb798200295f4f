// The outbox's paths at warehouse scale (issue 10): how fast a backlog of
// events drains to a loopback OMS through the station's own sync (the relay
// and its push loop, timers and all), next to raw HTTP posts of the same
// batches to the same server without the database; and how long the queue
// waits after an OMS outage ends, next to the 10 s target. The drain goes
// twice, with the same events: to the stand-in (tools/oms-dev), which stores
// every event and its serial ledger, and to an OMS that only acknowledges
// (./omsSink.ts), which times the station's side alone. Each OMS runs in a
// process of its own, as a real OMS would.
//
//   npx tsx bench/paths/outbox.ts [--events 50000] [--recovery-events 5000] [--outage-s 30] [--give-up-s 300]
import { cpSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openCore, type Core } from '../../src/main/core/core'
import { readSyncSetting, writeSyncSetting } from '../../src/main/core/sync/syncSettings'
import { summarize } from '../stats'
import {
  acceptedBy,
  acknowledgedBy,
  batchBodies,
  freePort,
  postRaw,
  seedEvents,
  spawnOms,
  spawnSink,
  work,
  type Oms
} from './outboxFixtures'
import type { BenchContext } from './context'
import { latencyRatio, rateFigure, rateRatio, type Figure, type PathRow } from './types'

export type OutboxBenchOptions = {
  /** Events waiting when the drain starts. */
  events?: number
  /** Events waiting when the OMS comes back after the outage. */
  recoveryEvents?: number
  /** How long the OMS refuses connections while the station keeps trying. */
  outageMs?: number
  /** The recovery is reported as this long (not drained) when the queue is still not empty by then. */
  giveUpMs?: number
  log?: (line: string) => void
}

const TARGET_RATE = 10_000
const TARGET_RECOVERY_MS = 10_000

/** `npm run bench`: --outbox-events, --outbox-recovery-events, --outbox-outage-s. */
export function run({ flags, log }: BenchContext): Promise<PathRow[]> {
  return outboxPaths({
    events: flags.num('outbox-events', 50_000),
    recoveryEvents: flags.num('outbox-recovery-events', 5_000),
    outageMs: flags.num('outbox-outage-s', 30) * 1000,
    log
  })
}

export async function outboxPaths(options: OutboxBenchOptions = {}): Promise<PathRow[]> {
  const { events = 50_000, recoveryEvents = 5_000, outageMs = 30_000, giveUpMs = 300_000, log = () => {} } = options
  mkdirSync(work, { recursive: true })

  const drains = await drainFigures(events, log)
  const recovery = await recoveryFigure(recoveryEvents, outageMs, giveUpMs, log)
  const drainRow = (drain: Drain, to: string): PathRow => ({
    path: `outbox drain to ${to}, ${events.toLocaleString('en')} events waiting`,
    measured: drain.measured,
    reference: drain.reference,
    ratio: rateRatio(rate(drain.measured), rate(drain.reference)),
    target: { text: `≥ ${TARGET_RATE.toLocaleString('en')} events/s`, met: rate(drain.measured) >= TARGET_RATE }
  })
  return [
    drainRow(drains.standIn, 'the stand-in OMS on loopback (it stores every event and its serial ledger)'),
    drainRow(drains.sink, "an OMS on loopback that only acknowledges (the station's side alone)"),
    {
      path: `outbox drain after a ${Math.round(outageMs / 1000)} s OMS outage, ${recoveryEvents.toLocaleString('en')} events: OMS up → queue empty${recovery.drained ? '' : ` (NOT drained: gave up after ${giveUpMs / 1000} s)`}`,
      measured: { kind: 'latency', summary: summarize('OMS up → queue empty', [recovery.ms]) },
      reference: { kind: 'latency', summary: summarize('target', [TARGET_RECOVERY_MS]) },
      ratio: latencyRatio(summarize('m', [recovery.ms]), summarize('r', [TARGET_RECOVERY_MS])),
      target: { text: 'queue empty within 10 s of the OMS answering again', met: recovery.drained && recovery.ms <= TARGET_RECOVERY_MS }
    }
  ]
}

type Drain = { measured: Figure; reference: Figure }
type OmsKind = { name: string; spawn: (port: number) => Promise<Oms>; answered: (url: string) => Promise<number> }

const STAND_IN: OmsKind = { name: 'stand-in', spawn: spawnOms, answered: acceptedBy }
const SINK: OmsKind = { name: 'sink', spawn: spawnSink, answered: acknowledgedBy }

const rate = (figure: Figure) => (figure.kind === 'rate' ? figure.perSecond : 0)
/**
 * The same waiting events (seeded once, the data folder copied) drained through the station's own sync to the
 * stand-in and to the acknowledging OMS, each next to raw posts of the same batches to a fresh server of its kind.
 */
async function drainFigures(n: number, log: (line: string) => void): Promise<{ standIn: Drain; sink: Drain }> {
  const seededDir = freshDir('outbox-drain')
  const copies: string[] = []
  try {
    const seeded = openCore({ dataDir: seededDir })
    seedEvents(seeded, n)
    const batchSize = readSyncSetting(seeded.context.db, 'oms').batchSize
    const batches = batchBodies(seeded, batchSize)
    seeded.close()
    const drain = async (kind: OmsKind): Promise<Drain> => {
      const dataDir = freshDir(`outbox-drain-${kind.name}`)
      copies.push(dataDir)
      cpSync(seededDir, dataDir, { recursive: true })
      return drainTo(kind, dataDir, n, batches, log)
    }
    return { standIn: await drain(STAND_IN), sink: await drain(SINK) }
  } finally {
    for (const dir of [seededDir, ...copies]) rmSync(dir, { recursive: true, force: true })
  }
}

/** Raw posts of the batches to a fresh OMS of `kind`, then the station (its data in `dataDir`) draining to another. */
async function drainTo(
  kind: OmsKind,
  dataDir: string,
  n: number,
  { stationId, bodies }: { stationId: string; bodies: string[] },
  log: (line: string) => void
): Promise<Drain> {
  // The reference: the same batches (same events, same size), already serialized, posted one after another.
  const raw = await kind.spawn(await freePort())
  const rawStart = performance.now()
  for (const body of bodies) await postRaw(raw.url, stationId, body)
  const rawMs = performance.now() - rawStart
  await raw.stop()
  log(`${kind.name}: raw posts of ${bodies.length} batches in ${rawMs.toFixed(0)} ms`)

  // The station: pointed at the OMS, it drains by itself from the moment it opens.
  const oms = await kind.spawn(await freePort())
  pointAt(dataDir, oms.url)
  const start = performance.now()
  const core = openCore({ dataDir })
  const drained = await untilEmpty(core, 600_000)
  const ms = performance.now() - start
  core.close()
  const answered = await kind.answered(oms.url)
  await oms.stop()
  if (!drained || answered < n) throw new Error(`the drain to the ${kind.name} did not finish: ${answered} of ${n} answered`)
  log(`${kind.name}: the relay drained ${n} events in ${ms.toFixed(0)} ms`)
  return {
    measured: rateFigure('through the relay', 'events', n, ms),
    reference: rateFigure('raw posts of the same batches', 'events', n, rawMs)
  }
}

/** The OMS refuses connections for `outageMs` while the station tries; then it answers, and the queue is timed until empty. */
async function recoveryFigure(n: number, outageMs: number, giveUpMs: number, log: (line: string) => void) {
  const dataDir = freshDir('outbox-recovery')
  try {
    const seeded = openCore({ dataDir })
    seedEvents(seeded, n)
    seeded.close()
    const port = await freePort()
    pointAt(dataDir, `http://127.0.0.1:${port}`)
    const core = openCore({ dataDir })
    await sleep(outageMs)
    const oms = await spawnOms(port)
    const start = performance.now()
    const drained = await untilEmpty(core, giveUpMs)
    const ms = drained ? performance.now() - start : giveUpMs
    log(`recovery: ${drained ? `drained in ${ms.toFixed(0)} ms` : `${waiting(core)} still waiting after ${giveUpMs} ms`}`)
    core.close()
    await oms.stop()
    return { ms, drained }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function freshDir(name: string): string {
  const dir = join(work, `${name}-${process.pid}`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  return dir
}

function pointAt(dataDir: string, url: string): void {
  const core = openCore({ dataDir })
  writeSyncSetting(core.context.db, 'oms', { baseUrl: url })
  core.close()
}

const waiting = (core: Core) =>
  (core.connection.sqlite.prepare('select count(*) n from outbox where sent_at is null and rejected_at is null').get() as { n: number }).n

/** Polls (cheaply: the first waiting row by index, not a count) until nothing waits or `limitMs` passed. */
async function untilEmpty(core: Core, limitMs: number): Promise<boolean> {
  const first = core.connection.sqlite.prepare('select 1 from outbox where sent_at is null and rejected_at is null limit 1')
  const until = performance.now() + limitMs
  while (performance.now() < until) {
    if (first.get() === undefined) return true
    await sleep(5)
  }
  return false
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2)
  const num = (name: string, fallback: number) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback)
  const rows = await outboxPaths({
    events: num('events', 50_000),
    recoveryEvents: num('recovery-events', 5_000),
    outageMs: num('outage-s', 30) * 1000,
    giveUpMs: num('give-up-s', 300) * 1000,
    log: (line) => console.log(line)
  })
  console.log(JSON.stringify(rows, null, 2))
}
