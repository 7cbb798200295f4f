// The figures of a shift (SPEC §10) for a time range, the whole station or
// one operator: what was done in the range (units, orders packed and
// shipped, boxes, refusals, print failures) and what the station holds now
// (orders by state, events waiting for the OMS, orders blocked).
import { RefusalClass, type OperatorPace, type RefusalFigures, type ShiftFigures, type ShiftRange } from '../../../shared/reports'
import type { Clock } from '../clock'
import type { Db } from '../db/connection'
import { refuse } from '../errors'
import { waitingCount } from '../sync/outboxRows'
import { bucketsOf, bucketSize, dayBefore, localDay } from './buckets'
import { rolledUpReader } from './longRange'
import { reportQueries, type Pace } from './queries'
import type { Rollups } from './rollups'

/** The reports' thread passes its rollups cache: ranges over two days read whole hours from it (./longRange.ts). */
export type FigureOptions = { rollups?: Rollups }

export function shiftFigures(db: Db, clock: Clock, { from, to, operatorId }: ShiftRange, options: FigureOptions = {}): ShiftFigures {
  const q = reportQueries(db)
  const everyone = q.operators.all()
  const chosen = operatorId === undefined ? null : everyone.find((o) => o.id === operatorId)
  if (chosen === undefined) return refuse('not_found', { key: 'refusals:reports.noOperator', params: { operatorId: operatorId ?? '' } })
  const by = chosen?.id ?? null

  const size = bucketSize(from, to)
  const long =
    options.rollups && size === 'day' && canonical(from) && canonical(to) ? rolledUpReader(db, options.rollups, clock(), from, to) : null
  const unitsIn = (start: string, end: string) =>
    long ? long.units(start, end, by) : (by === null ? q.units.get(start, end)! : q.unitsBy.get(by, start, end)!).n
  const buckets = bucketsOf(from, to, size).map(({ start, end }) => ({
    start,
    units: unitsIn(start < from ? from : start, end > to ? to : end),
    previous: size === 'hour' ? unitsIn(dayBefore(start), dayBefore(end)) : null
  }))
  const eventsIn = (type: string) => (by === null ? q.events.get(type, from, to)! : q.eventsBy.get(type, from, to, by)!).n

  const operators = (chosen ? [chosen] : everyone)
    .map(({ id, name }) => paceOf(id, name, long ? long.pace(id) : q.pace.get(id, from, to)!))
    .filter((o) => o.units > 0)
    .sort((a, b) => b.units - a.units || a.name.localeCompare(b.name))

  const refusals: RefusalFigures[] = RefusalClass.options.map((kind) => ({
    class: kind,
    count: (by === null ? q.refusals.get(kind, from, to)! : q.refusalsBy.get(by, kind, from, to)!).n,
    last: by === null ? q.lastRefusals.all(kind, from, to) : q.lastRefusalsBy.all(by, kind, from, to)
  }))

  return {
    from,
    to,
    generatedAt: clock().toISOString(),
    operator: chosen ? { id: chosen.id, name: chosen.name } : null,
    bucket: size,
    orders: {
      packed: eventsIn('order.packed'),
      shipped: eventsIn('order.shipped'),
      inProgress: q.ordersIn.get('in_progress')!.n,
      onHold: q.ordersIn.get('on_hold')!.n,
      waiting: q.ordersIn.get('ready')!.n
    },
    units: { total: buckets.reduce((sum, b) => sum + b.units, 0), buckets },
    operators,
    refusals,
    boxesConfirmed: eventsIn('box.confirmed'),
    printFailures: { count: q.printFailures.get(from, to, by, by)!.n, last: q.lastPrintFailures.all(from, to, by, by) },
    outbox: { waiting: waitingCount(db), rejected: q.rejected.get()!.n },
    blocked: q.toUnpack.all()
  }
}

/** Today on this station (local midnight to midnight), each hour against the same hour yesterday. */
export function boardFigures(db: Db, clock: Clock, options: FigureOptions = {}): ShiftFigures {
  return shiftFigures(db, clock, localDay(clock()), options)
}

/** Times as the station writes them (toISOString), so they compare as strings with the scans' times the same way. */
const canonical = (iso: string) => {
  const at = Date.parse(iso)
  return Number.isFinite(at) && new Date(at).toISOString() === iso
}

const round1 = (n: number) => Math.round(n * 10) / 10

/**
 * Units per hour over the span from the first to the last scan ((units − 1) / span: n scans make n − 1
 * intervals), breaks included; seconds per unit over the gaps that were no break. Both need two units.
 */
function paceOf(operatorId: number, name: string, pace: Pace): OperatorPace {
  const span = pace.first !== null && pace.last !== null ? pace.last - pace.first : 0
  return {
    operatorId,
    name,
    units: pace.units,
    unitsPerHour: pace.units >= 2 && span > 0 ? round1(((pace.units - 1) * 3600) / span) : null,
    secondsPerUnit: pace.gaps > 0 ? round1(pace.busyMs / 1000 / pace.gaps) : null
  }
}
