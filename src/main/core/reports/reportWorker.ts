// The reports' thread: a shift report reads every scan of its range, and a
// year of them takes seconds, so the station's own thread (the one every scan
// waits on) never runs it (./reportReader.ts). It reads through its own
// read-only connection: WAL lets it read while the station writes, and it
// sees every commit made before each ask. Built as out/main/reportsWorker.js.
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { parentPort, workerData } from 'node:worker_threads'
import * as schema from '../db/schema'
import { boardFigures, shiftFigures } from './figures'
import type { ReportAnswer, ReportAsk } from './reportMessages'

if (parentPort) {
  const port = parentPort
  const sqlite = new Database((workerData as { file: string }).file, { readonly: true, fileMustExist: true })
  const db = drizzle(sqlite, { schema })
  port.on('message', (ask: ReportAsk) => {
    const clock = () => new Date(ask.now)
    let answer: ReportAnswer
    try {
      answer = { id: ask.id, figures: ask.kind === 'board' ? boardFigures(db, clock) : shiftFigures(db, clock, ask.range) }
    } catch (error) {
      const { code, message } = error as { code?: unknown; message?: unknown }
      answer = { id: ask.id, error: { code: typeof code === 'string' ? code : null, message: String(message ?? error) } }
    }
    port.postMessage(answer)
  })
}
