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

type Entry = Fault & { source: string }

/** Which kind of fault an error is, and what the status bar says about it; null for an ordinary refusal. */
export function classifyFault(error: unknown): { kind: FaultKind; message: string } | null {
  const code = String((error as { code?: unknown })?.code ?? '')
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return { kind: 'disk_full', message: FAULT_WORDS.disk_full }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return { kind: 'read_only', message: FAULT_WORDS.read_only }
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return { kind: 'busy', message: FAULT_WORDS.busy }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return { kind: 'io_error', message: FAULT_WORDS.io_error }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return { kind: 'damaged', message: FAULT_WORDS.damaged }
  return null
}

export const FAULT_WORDS: Record<Exclude<FaultKind, 'failed'>, string> = {
  disk_full: 'Disk full: the station cannot save. Free some space on this PC.',
  read_only: 'The data folder is read-only: the station cannot save. Ask IT to check it.',
  busy: 'Database busy: another program has it open. Close that program.',
  io_error: 'The disk reported an error while saving. Call IT if it stays.',
  damaged: 'The database is damaged. A shift lead restarts the station to restore a backup.'
}

export class Faults {
  private readonly entries = new Map<string, Entry>()
  private readonly listeners = new Set<() => void>()

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** `source` failed with `error`: a known fault kind is shown under its own words, any other as "<source> failed". */
  report(source: string, error: unknown): void {
    const known = classifyFault(error)
    const kind = known?.kind ?? 'failed'
    const message = known?.message ?? `${source} failed: ${(error as Error)?.message ?? String(error)}. The station tries again.`
    const before = this.entries.get(source)
    if (before?.kind === kind && before.message === message) return
    this.entries.set(source, { kind, message, since: before?.kind === kind ? before.since : this.now().toISOString(), source })
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
    for (const { kind, message, since } of this.entries.values()) {
      const key = kind === 'failed' ? message : kind
      const seen = byKind.get(key)
      if (!seen || since < seen.since) byKind.set(key, { kind, message, since })
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
