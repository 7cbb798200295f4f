// The outbox's paths at warehouse scale (issue 10): how fast a backlog of
// events drains to a loopback OMS through the station's own sync (the relay
// and its push loop, timers and all), next to raw HTTP posts of the same
// batches to the same server without the database; and how long the queue
// waits after an OMS outage ends, next to the 10 s target. The OMS is the
// stand-in (tools/oms-dev) in a process of its own, as a real OMS would be.
//
//   npx tsx bench/paths/outbox.ts [--events 50000] [--recovery-events 5000] [--outage-s 30] [--give-up-s 300]
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openCore, type Core } from '../../src/main/core/core'
import { readSyncSetting, writeSyncSetting } from '../../src/main/core/sync/syncSettings'
import { summarize } from '../stats'
import { acceptedBy, batchBodies, freePort, postRaw, seedEvents, spawnOms, work } from './outboxFixtures'
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

  const drain = await drainFigures(events, log)
  const recovery = await recoveryFigure(recoveryEvents, outageMs, giveUpMs, log)
  return [
    {
      path: `outbox drain to a loopback OMS, ${events.toLocaleString('en')} events waiting`,
      measured: drain.measured,
      reference: drain.reference,
      ratio: rateRatio(rate(drain.measured), rate(drain.reference)),
      target: { text: `≥ ${TARGET_RATE.toLocaleString('en')} events/s`, met: rate(drain.measured) >= TARGET_RATE }
    },
    {
      path: `outbox drain after a ${Math.round(outageMs / 1000)} s OMS outage, ${recoveryEvents.toLocaleString('en')} events: OMS up → queue empty${recovery.drained ? '' : ` (NOT drained: gave up after ${giveUpMs / 1000} s)`}`,
      measured: { kind: 'latency', summary: summarize('OMS up → queue empty', [recovery.ms]) },
      reference: { kind: 'latency', summary: summarize('target', [TARGET_RECOVERY_MS]) },
      ratio: latencyRatio(summarize('m', [recovery.ms]), summarize('r', [TARGET_RECOVERY_MS])),
      target: { text: 'queue empty within 10 s of the OMS answering again', met: recovery.drained && recovery.ms <= TARGET_RECOVERY_MS }
    }
  ]
}

const rate = (figure: Figure) => (figure.kind === 'rate' ? figure.perSecond : 0)
/** The drain through the station's own sync, then the same batches posted raw to a fresh stand-in. */
async function drainFigures(n: number, log: (line: string) => void): Promise<{ measured: Figure; reference: Figure }> {
  const dataDir = freshDir('outbox-drain')
  try {
    const seeded = openCore({ dataDir })
    seedEvents(seeded, n)
    const batchSize = readSyncSetting(seeded.context.db, 'oms').batchSize
    const { stationId, bodies } = batchBodies(seeded, batchSize)
    seeded.close()

    // The reference: the same batches (same events, same size), already serialized, posted one after another.
    const raw = await spawnOms(await freePort())
    const rawStart = performance.now()
    for (const body of bodies) await postRaw(raw.url, stationId, body)
    const rawMs = performance.now() - rawStart
    await raw.stop()
    log(`raw posts: ${bodies.length} batches of ≤ ${batchSize} in ${rawMs.toFixed(0)} ms`)

    // The station: pointed at the OMS, it drains by itself from the moment it opens.
    const oms = await spawnOms(await freePort())
    pointAt(dataDir, oms.url)
    const start = performance.now()
    const core = openCore({ dataDir })
    const drained = await untilEmpty(core, 600_000)
    const ms = performance.now() - start
    core.close()
    const accepted = await acceptedBy(oms.url)
    await oms.stop()
    if (!drained || accepted !== n) throw new Error(`the drain did not finish: ${accepted} of ${n} accepted`)
    log(`relay: ${n} events in ${ms.toFixed(0)} ms`)
    return {
      measured: rateFigure('through the relay', 'events', n, ms),
      reference: rateFigure('raw posts of the same batches', 'events', n, rawMs)
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
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
