// The simulation's printed report: one table of figures, then every check
// with PASS or FAIL and, for a failure, what was found. `--json FILE` writes
// the same figures and checks.
import { writeFileSync } from 'node:fs'
import type { Check } from './checks'
import type { Figures } from './warehouse'

const ms = (value: number | null) => (value === null ? 'never' : `${(value / 1000).toFixed(2)} s`)

export function figureRows(f: Figures): [string, string][] {
  return [
    ['stations', String(f.stations)],
    ['orders', String(f.orders)],
    [
      'collisions played',
      `${f.collisions.sameOrderAtOnce} orders opened at two stations at once, ${f.collisions.reopenedPacked} opened again after packed elsewhere, ${f.collisions.imeis} IMEIs packed at a second station`
    ],
    ['orders packed (jobs)', String(f.ordersPacked)],
    ['orders left (held elsewhere)', String(f.ordersLeft)],
    ['scans accepted', String(f.scans)],
    ['scanning time', `${f.scanSeconds.toFixed(1)} s`],
    ['scans/s across the warehouse', f.scansPerSecond.toFixed(1)],
    [
      'conflicts at scan time',
      `${f.conflictsAtScanTime.orders + f.conflictsAtScanTime.imeis} (orders ${f.conflictsAtScanTime.orders}, IMEIs ${f.conflictsAtScanTime.imeis})`
    ],
    ['conflicts after the fact', `${f.conflictsAfterTheFact} (events the OMS rejected)`],
    [
      'events sent / accepted / duplicates / rejected',
      `${f.events.sent} / ${f.events.accepted} / ${f.events.duplicates} / ${f.events.rejected}`
    ],
    ...f.cuts.map((c): [string, string] => [
      `drain after cut (${c.station})`,
      `${ms(c.drainMs)} (${c.waitingAtRestore ?? '?'} events waiting after ${(c.cutMs / 1000).toFixed(1)} s offline)`
    ]),
    ['restarts (SIGKILL)', String(f.restarts)],
    ['wall time', `${f.wallSeconds.toFixed(1)} s`]
  ]
}

export function formatReport(figures: Figures, checks: Check[]): string {
  const rows = figureRows(figures)
  const width = Math.max(...rows.map(([name]) => name.length))
  const lines = ['Warehouse simulation', ...rows.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`), '', 'Checks']
  for (const c of checks) {
    lines.push(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.name}`)
    for (const detail of c.details) lines.push(`          ${detail}`)
  }
  const failed = checks.filter((c) => !c.pass).length
  lines.push('', failed === 0 ? 'Every check passed.' : `${failed} of ${checks.length} checks failed.`)
  return lines.join('\n')
}

export function writeJson(file: string, figures: Figures, checks: Check[]): void {
  writeFileSync(file, JSON.stringify({ figures, checks }, null, 2) + '\n')
}
