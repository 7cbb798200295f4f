// What every path benchmark returns: a figure for the path a person waits on,
// next to a reference measured in the same run on the same machine, and their
// ratio. `npm run bench` collects these rows into bench/results.json and
// prints them as one table.
import type { Summary } from '../stats'

/**
 * A latency (p50/p99 over many calls), a rate (items per second over one long run),
 * or an amount (a size: the bytes of an answer, the MB of resident memory).
 */
export type Figure =
  | { kind: 'latency'; summary: Summary }
  | { kind: 'rate'; name: string; unit: string; items: number; seconds: number; perSecond: number }
  | { kind: 'amount'; name: string; value: number; unit: string }

export type PathRow = {
  /** The path, in the words of the issue: "scan through the handler, 2,000-unit order". */
  path: string
  measured: Figure
  /** The same-run reference: the raw floor, the part alone, an empty frame… */
  reference: Figure
  /** measured / reference: p99 over p99 for latencies, reference rate over measured rate for rates (so > 1 means slower). */
  ratio: number
  /** The target the issue sets, in words, and whether this run met it. */
  target?: { text: string; met: boolean }
}

export const latencyRatio = (measured: Summary, reference: Summary) => measured.p99Ms / Math.max(reference.p99Ms, 1e-6)
export const rateRatio = (measuredPerSecond: number, referencePerSecond: number) => referencePerSecond / Math.max(measuredPerSecond, 1e-9)

/** `items` (orders, events…) done in `ms`, as a rate. */
export const rateFigure = (name: string, unit: string, items: number, ms: number): Extract<Figure, { kind: 'rate' }> => ({
  kind: 'rate',
  name,
  unit,
  items,
  seconds: ms / 1000,
  perSecond: items / (ms / 1000)
})
