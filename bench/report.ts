// What `npm run bench` prints and keeps: one table of path rows (measured,
// same-run reference, ratio, target) and bench/results.json with the run's
// conditions (versions, machine, load before/after, dataset counts).
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import type { Figure, PathRow } from './paths/types'

const num = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toFixed(3))

/** A figure in a table cell: "p50 0.41 / p99 0.62 ms", "27,300 orders/s", "1.2 KB". */
export function formatFigure(f: Figure): string {
  if (f.kind === 'latency') return `p50 ${num(f.summary.p50Ms)} / p99 ${num(f.summary.p99Ms)} ms`
  if (f.kind === 'rate') return `${Math.round(f.perSecond).toLocaleString('en')} ${f.unit}/s`
  if (f.unit === 'bytes') return f.value >= 1024 ? `${num(f.value / 1024)} KB` : `${f.value} B`
  return `${num(f.value)} ${f.unit}`
}

/** What the figure is of, for the reference column. */
const figureName = (f: Figure) => (f.kind === 'latency' ? f.summary.name : f.name)

export function pathTable(rows: PathRow[]): string {
  const head = ['path', 'measured', 'reference', 'ratio', 'target']
  const body = rows.map((r) => [
    r.path,
    formatFigure(r.measured),
    `${figureName(r.reference)}: ${formatFigure(r.reference)}`,
    `${num(r.ratio)}×`,
    r.target ? `${r.target.met ? 'met' : 'MISSED'}: ${r.target.text}` : '—'
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)))
  const line = (cells: string[]) => cells.map((c, i) => (i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')
  const table = [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)]
  return [...table, ...rowNotes(rows)].join('\n')
}

/** What a row adds in words (`notes`: the p50 ratio too, the camera a recording had…), under the table. */
function rowNotes(rows: PathRow[]): string[] {
  const noted = rows.flatMap((r) => {
    const notes = (r as PathRow & { notes?: unknown }).notes
    return Array.isArray(notes) && notes.length > 0 ? [`${r.path}:`, ...notes.map((n) => `  - ${String(n)}`)] : []
  })
  return noted.length > 0 ? ['', ...noted] : []
}

export type RunFacts = {
  loadAtStart: number[]
  sqliteVersion: string
  dataset: Record<string, unknown>
  durability: Record<string, unknown>
  modules: { name: string; seconds: number; error?: string }[]
  rows: PathRow[]
}

const round2 = (v: number) => Math.round(v * 100) / 100

/** Writes results.json (one entry per row, the ratio rounded) and returns its path. */
export function writeResults(file: string, facts: RunFacts): string {
  const cpus = os.cpus()
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    sqlite: facts.sqliteVersion,
    machine: {
      cpu: cpus[0]?.model ?? 'unknown',
      cores: cpus.length,
      totalMemGiB: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.platform()} ${os.release()}`,
      // Other work on the machine shows up in fsync and CPU latency: the load averages before and after the run.
      loadAverage: { atStart: facts.loadAtStart.map(round2), atEnd: os.loadavg().map(round2), note: '1, 5 and 15 minutes' }
    },
    dataset: facts.dataset,
    durability: facts.durability,
    modules: facts.modules,
    paths: facts.rows.map((r) => ({ ...r, ratio: round2(r.ratio) }))
  }
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
  return file
}
