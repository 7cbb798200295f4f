// File export (SPEC §7) for OMSs that take files: the outbox's events as
// newline-delimited JSON (the same objects the HTTP relay sends) and a CSV of
// the packed units, written atomically into the configured folder. Rows are
// marked exported only after both files are in place; a file is named after
// its first event, so a re-export after a crash replaces it instead of adding
// a second copy (consumers still dedupe by the event id, as the OMS does).
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { removeStaleTemps, writeFileAtomically } from './atomicFile'
import { exportFolderPathProblem } from './exportFolder'
import type { WireEvent } from './omsWire'
import { markExported, unexportedEvents } from './outboxRows'
import { csvLine } from './csvLine'

export type ExportOutcome = { events: number; files: string[] }
export type ExportOptions = { batchSize?: number; maxBatches?: number; onChunk?: (file: string, written: number) => void }

export const CSV_COLUMNS = [
  'event_id',
  'station_id',
  'oms_order_id',
  'order_number',
  'box_id',
  'box_number',
  'sscc',
  'serial',
  'serial2',
  'entry_method',
  'operator',
  'at'
] as const

/** What the CSV needs from a box.confirmed payload; events that do not match still go to the NDJSON file. */
const BoxUnits = z.object({
  orderNumber: z.string().optional(),
  boxId: z.string(),
  boxNumber: z.number().optional(),
  sscc: z.string().nullable().optional(),
  units: z.array(z.object({ serial: z.string().nullable(), serial2: z.string().nullable().optional(), entryMethod: z.string().optional() }))
})

export function exportEvents(db: Db, clock: Clock, stationId: string, folder: string, options: ExportOptions = {}): ExportOutcome {
  const { batchSize = 1000, maxBatches = 100, onChunk } = options
  // Never a recursive mkdir here: on a kernel tree (/proc) it loops forever on the main thread. The folder was
  // created when it was saved (checkExportFolder); a folder that has gone since is created one level only.
  const problem = exportFolderPathProblem(folder)
  if (problem) throw new Error(problem)
  if (!existsSync(folder)) mkdirSync(folder)
  const prefix = (kind: string) => `${kind}-${safe(stationId)}-`
  removeStaleTemps(folder, (name) => name.startsWith(`.${prefix('events')}`) || name.startsWith(`.${prefix('packed-units')}`))

  const outcome: ExportOutcome = { events: 0, files: [] }
  for (let n = 0; n < maxBatches; n++) {
    const events = unexportedEvents(db, stationId, batchSize)
    if (events.length === 0) break
    const stem = safe(events[0].id)
    const ndjson = join(folder, `${prefix('events')}${stem}.ndjson`)
    writeFileAtomically(
      ndjson,
      events.map((e) => `${JSON.stringify(e)}\n`),
      (written) => onChunk?.(ndjson, written)
    )
    outcome.files.push(ndjson)

    const rows = events.flatMap(unitRows)
    if (rows.length > 0) {
      const csv = join(folder, `${prefix('packed-units')}${stem}.csv`)
      writeFileAtomically(csv, [csvLine([...CSV_COLUMNS]), ...rows.map(csvLine)], (written) => onChunk?.(csv, written))
      outcome.files.push(csv)
    }
    markExported(
      db,
      events.map((e) => e.id),
      isoNow(clock)
    )
    outcome.events += events.length
  }
  return outcome
}

function unitRows(event: WireEvent): string[][] {
  if (event.type !== 'box.confirmed') return []
  const box = BoxUnits.safeParse(event.payload)
  if (!box.success) return []
  return box.data.units.map((u) => [
    event.id,
    event.stationId,
    event.omsOrderId ?? '',
    box.data.orderNumber ?? '',
    box.data.boxId,
    box.data.boxNumber === undefined ? '' : String(box.data.boxNumber),
    box.data.sscc ?? '',
    u.serial ?? '',
    u.serial2 ?? '',
    u.entryMethod ?? '',
    event.operator?.name ?? '',
    event.at
  ])
}

const safe = (text: string) => text.replace(/[^A-Za-z0-9_-]/g, '_')
