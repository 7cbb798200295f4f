// The station's faults as the status bar shows them, in plain words: a full
// disk, a read-only data folder, a database another program holds, a disk
// error, a background task that keeps failing. Whoever meets a fault reports
// it (a timer, a call); it stays on screen until it clears: a timer that
// succeeds again, a call that succeeds again, or the probe that re-tests each
// kind of fault every few seconds while one is shown.
import { closeSync, fsyncSync, openSync, unlinkSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import type { Fault, FaultKind } from '../../../shared/health'
import type { Words } from '../../../shared/words'
import { english } from '../errors'

type Entry = Fault & { source: string }

/** Which kind of fault an error is, and what the status bar says about it (English and words); null for an ordinary refusal. */
export function classifyFault(error: unknown): { kind: FaultKind; message: string; words: Words } | null {
  const kind = knownKind(String((error as { code?: unknown })?.code ?? ''))
  if (!kind) return null
  const words = FAULT_WORDS[kind]
  return { kind, message: english(words), words }
}

function knownKind(code: string): Exclude<FaultKind, 'failed'> | null {
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'disk_full'
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'read_only'
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy'
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'io_error'
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'damaged'
  return null
}

export const FAULT_WORDS: Record<Exclude<FaultKind, 'failed'>, Words> = {
  disk_full: { key: 'health:fault.disk_full' },
  read_only: { key: 'health:fault.read_only' },
  busy: { key: 'health:fault.busy' },
  io_error: { key: 'health:fault.io_error' },
  damaged: { key: 'health:fault.damaged' }
}

/** The background tasks that report faults (core.ts, db/backupSchedule.ts), by the English name they report under. */
const TASK_WORDS: Record<string, string> = {
  'Releasing due holds': 'health:task.holdRelease',
  'The WAL checkpoint': 'health:task.walCheckpoint',
  'The database check': 'health:task.databaseCheck',
  'The backup': 'health:task.backup',
  'The backup at sign-out': 'health:task.backupAtSignOut'
}

/** "<task> failed: <detail>": the task named in the catalogue when it is a known one, else by its English name; the error's own text stays a detail for IT. */
export function failedWords(source: string, error: unknown): Words {
  const detail = ((error as Error)?.message ?? String(error)).slice(0, 1000)
  const task = TASK_WORDS[source]
  return { key: 'health:fault.failed', params: { task: task ? [{ key: task }] : source, detail } }
}

export class Faults {
  private readonly entries = new Map<string, Entry>()
  private readonly listeners = new Set<() => void>()

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** `source` failed with `error`: a known fault kind is shown under its own words, any other as "<source> failed". */
  report(source: string, error: unknown): void {
    const known = classifyFault(error)
    const kind = known?.kind ?? 'failed'
    const words = known?.words ?? failedWords(source, error)
    const message = known?.message ?? english(words)
    const before = this.entries.get(source)
    if (before?.kind === kind && before.message === message) return
    this.entries.set(source, { kind, message, words, since: before?.kind === kind ? before.since : this.now().toISOString(), source })
    this.changed()
  }

  /** `source` worked: whatever it reported is over. */
  succeeded(source: string): void {
    if (this.entries.delete(source)) this.changed()
  }

  /** Every fault of `kind`, whoever reported it, is over (the probe found it cleared). */
  cleared(kind: FaultKind): void {
    let any = false
    for (const [source, entry] of this.entries) if (entry.kind === kind && this.entries.delete(source)) any = true
    if (any) this.changed()
  }

  /** One line per kind of fault (the oldest report of each), oldest first. */
  list(): Fault[] {
    const byKind = new Map<string, Fault>()
    for (const { kind, message, words, since } of this.entries.values()) {
      const key = kind === 'failed' ? message : kind
      const seen = byKind.get(key)
      if (!seen || since < seen.since) byKind.set(key, { kind, message, words, since })
    }
    return [...byKind.values()].sort((a, b) => a.since.localeCompare(b.since))
  }

  kinds(): Set<FaultKind> {
    return new Set([...this.entries.values()].map((e) => e.kind))
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  private changed(): void {
    for (const listener of this.listeners) listener()
  }
}

/**
 * Re-tests the faults on show; clears each kind that passes. Busy: can this connection take the write lock
 * now (without waiting)? Disk full, read-only, disk error: can a small file be written and synced into the data folder?
 */
export function probeFaults(faults: Faults, sqlite: Database.Database, dataDir: string): void {
  const kinds = faults.kinds()
  if (kinds.has('busy') && canTakeWriteLock(sqlite)) faults.cleared('busy')
  if ((kinds.has('disk_full') || kinds.has('read_only') || kinds.has('io_error')) && canWriteFile(dataDir)) {
    faults.cleared('disk_full')
    faults.cleared('read_only')
    faults.cleared('io_error')
  }
}

function canTakeWriteLock(sqlite: Database.Database): boolean {
  if (sqlite.inTransaction) return true
  const timeout = sqlite.pragma('busy_timeout', { simple: true }) as number
  sqlite.pragma('busy_timeout = 0')
  try {
    sqlite.exec('begin immediate')
    sqlite.exec('rollback')
    return true
  } catch {
    return false
  } finally {
    sqlite.pragma(`busy_timeout = ${timeout}`)
  }
}

const PROBE_BYTES = Buffer.alloc(256 * 1024, 0x2e)

function canWriteFile(dataDir: string): boolean {
  const file = join(dataDir, '.space-probe')
  try {
    const fd = openSync(file, 'w')
    try {
      writeSync(fd, PROBE_BYTES)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    return true
  } catch {
    return false
  } finally {
    try {
      unlinkSync(file)
    } catch {
      // Never created.
    }
  }
}

type AnyHandler = (...args: never[]) => unknown

/** Every handler reports the faults it meets (a full disk under a scan) and clears its own when it works again. */
export function watchFaults<H extends Record<string, AnyHandler>>(faults: Faults, handlers: H): H {
  const watched: Record<string, AnyHandler> = {}
  for (const [channel, handler] of Object.entries(handlers)) {
    const failed = (error: unknown): never => {
      if (classifyFault(error)) faults.report(channel, error)
      throw error
    }
    watched[channel] = (...args: never[]) => {
      try {
        const result = handler(...args)
        if (result instanceof Promise) {
          return result.then((value: unknown) => {
            faults.succeeded(channel)
            return value
          }, failed)
        }
        faults.succeeded(channel)
        return result
      } catch (error) {
        return failed(error)
      }
    }
  }
  return watched as H
}
