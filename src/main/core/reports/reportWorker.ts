// The reports' thread: a shift report reads every scan of its range, and a
// year of them takes seconds, so the station's own thread (the one every scan
// waits on) never runs it (./reportReader.ts). It reads through its own
// read-only connection: WAL lets it read while the station writes, and it
// sees every commit made before each ask. Built as out/main/reportsWorker.js.
// Reports over more than two days read whole hours from the rollups cache
// beside the station database (./rollups.ts), which only this thread writes.
// The page cache is larger than SQLite's 2 MB default: the board, every few
// seconds, probes the units of every cancelled order (toUnpack), thousands
// of index pages that then stay in memory instead of being read again.
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { dirname, join } from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import type { WordValues } from '../../../shared/words'
import * as schema from '../db/schema'
import { boardFigures, shiftFigures, type FigureOptions } from './figures'
import type { ReportAnswer, ReportAsk } from './reportMessages'
import { CACHE_FILE, openRollups } from './rollups'

if (parentPort) {
  const port = parentPort
  const file = (workerData as { file: string }).file
  const sqlite = new Database(file, { readonly: true, fileMustExist: true })
  sqlite.pragma('cache_size = -65536')
  const db = drizzle(sqlite, { schema })
  let options: FigureOptions = {}
  try {
    options = { rollups: openRollups(join(dirname(file), CACHE_FILE)) }
  } catch {
    // No cache (a read-only folder, a damaged file): long reports read every scan, as before.
  }
  port.on('message', (ask: ReportAsk) => {
    const clock = () => new Date(ask.now)
    let answer: ReportAnswer
    try {
      answer = {
        id: ask.id,
        figures: ask.kind === 'board' ? boardFigures(db, clock, options) : shiftFigures(db, clock, ask.range, options)
      }
    } catch (error) {
      const { code, message, key, params } = error as { code?: unknown; message?: unknown; key?: string; params?: WordValues }
      const words = typeof key === 'string' ? { key, ...(params ? { params } : {}) } : undefined
      answer = {
        id: ask.id,
        error: { code: typeof code === 'string' ? code : null, message: String(message ?? error), ...(words ? { words } : {}) }
      }
    }
    port.postMessage(answer)
  })
}
