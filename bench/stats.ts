// Latency summaries: nearest-rank percentiles over per-call milliseconds.

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
