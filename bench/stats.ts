// Latency summaries and the printed table.

export type Summary = { name: string; count: number; p50Ms: number; p90Ms: number; p99Ms: number; maxMs: number; meanMs: number }

const round = (ms: number) => Math.round(ms * 1_000) / 1_000

/** Nearest-rank percentiles over per-call latencies in milliseconds. */
export function summarize(name: string, samples: Float64Array | number[]): Summary {
  const sorted = Float64Array.from(samples).sort()
  const n = sorted.length
  if (n === 0) throw new Error(`No samples for ${name}`)
  const at = (p: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))]
  const mean = sorted.reduce((a, b) => a + b, 0) / n
  return {
    name,
    count: n,
    p50Ms: round(at(0.5)),
    p90Ms: round(at(0.9)),
    p99Ms: round(at(0.99)),
    maxMs: round(sorted[n - 1]),
    meanMs: round(mean)
  }
}

export function table(rows: Summary[]): string {
  const head = ['measurement', 'count', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'mean ms']
  const body = rows.map((r) => [r.name, String(r.count), ...[r.p50Ms, r.p90Ms, r.p99Ms, r.maxMs, r.meanMs].map((v) => v.toFixed(3))])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)))
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n')
}
