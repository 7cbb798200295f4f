// Where the shift board and shift reports are computed: on the reports'
// thread (./reportWorker.ts), so that a long range never holds up a scan. A
// year of history is millions of scans to count; on the station's thread that
// froze every screen for seconds. The thread starts with the first report and
// stays for the next ones (the board refreshes every few seconds). Should it
// fail to start or stop, the report is computed here instead: slower for the
// station, never lost for the shift lead.
import type { Worker } from 'node:worker_threads'
import type { ShiftFigures, ShiftRange } from '../../../shared/reports'
import type { Clock } from '../clock'
import type { Db, Connection } from '../db/connection'
import { passedOn, refusal } from '../errors'
import { log } from '../log/logger'
import { startWorker } from '../workers/startWorker'
import { boardFigures, shiftFigures } from './figures'
import type { ReportAnswer, ReportAsk } from './reportMessages'

export type ReportReader = {
  board(): Promise<ShiftFigures>
  shift(range: ShiftRange): Promise<ShiftFigures>
  close(): Promise<void>
}

type Pending = { ask: ReportAsk; resolve: (figures: ShiftFigures) => void; reject: (error: unknown) => void }
type Options = { db: Db; connection: Pick<Connection, 'sqlite'>; clock: Clock; useThread?: boolean }

export function reportReader({ db, connection, clock, useThread = true }: Options): ReportReader {
  const pending = new Map<number, Pending>()
  let worker: Worker | null = null
  let threadFailed = !useThread
  let nextId = 1

  const here = (ask: ReportAsk): ShiftFigures => {
    const at = () => new Date(ask.now)
    return ask.kind === 'board' ? boardFigures(db, at) : shiftFigures(db, at, ask.range)
  }
  const settleHere = (entry: Pending) => {
    try {
      entry.resolve(here(entry.ask))
    } catch (error) {
      entry.reject(error)
    }
  }
  /** The thread is gone: what it was asked is answered here, and so is everything after. */
  const lost = (why: unknown) => {
    if (!threadFailed) log.warn({ err: why }, 'The reports thread stopped; reports are computed on the station thread.')
    threadFailed = true
    worker = null
    const asked = [...pending.values()]
    pending.clear()
    for (const entry of asked) settleHere(entry)
  }
  const thread = (): Worker => {
    if (worker) return worker
    const started = startWorker(new URL('./reportWorker.ts', import.meta.url), 'reportsWorker.js', { file: connection.sqlite.name })
    started.on('message', (answer: ReportAnswer) => {
      const entry = pending.get(answer.id)
      if (!entry) return
      pending.delete(answer.id)
      if (pending.size === 0) started.unref()
      if ('figures' in answer) entry.resolve(answer.figures)
      else
        entry.reject(
          answer.error.code ? passedOn(answer.error.code, answer.error.message, answer.error.words) : new Error(answer.error.message)
        )
    })
    started.on('error', (error) => worker === started && lost(error))
    started.on('exit', (code) => worker === started && lost(new Error(`the reports thread exited with code ${code}`)))
    return (worker = started)
  }

  const ask = (question: { kind: 'board' } | { kind: 'shift'; range: ShiftRange }): Promise<ShiftFigures> =>
    new Promise<ShiftFigures>((resolve, reject) => {
      const entry: Pending = { ask: { ...question, id: nextId++, now: clock().toISOString() }, resolve, reject }
      if (threadFailed) return settleHere(entry)
      try {
        const target = thread()
        pending.set(entry.ask.id, entry)
        target.ref()
        target.postMessage(entry.ask)
      } catch (error) {
        pending.delete(entry.ask.id)
        lost(error)
        settleHere(entry)
      }
    })

  return {
    board: () => ask({ kind: 'board' }),
    shift: (range) => ask({ kind: 'shift', range }),
    async close() {
      const stopping = worker
      worker = null
      threadFailed = true
      for (const entry of pending.values()) entry.reject(refusal('closing', { key: 'refusals:reports.closing' }))
      pending.clear()
      if (stopping) await stopping.terminate()
    }
  }
}
