// One station per data folder (SPEC §9): whoever opens the folder — the
// Electron app, the browser host, the command line — first takes
// `station.lock` in it. A second process on the same folder is refused with
// one sentence naming the folder and the holder; a lock whose holder is gone
// (a crash, a power cut) is taken over.
//
// Written by hand rather than with proper-lockfile: that library marks a lock
// with a directory whose mtime a timer refreshes, so it cannot say who holds
// the folder (no pid, no start time), only calls a lock stale after a
// timeout (a restart after a crash would wait or be refused), and its
// refresh timer throws when the lock is compromised — the kind of timer
// that must never end the station. An O_EXCL file holding the holder's pid
// and start time answers all three, in a few lines.
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import type { StationError } from '../../shared/contract'
import { refusal } from './errors'

export const LOCK_FILE = 'station.lock'

export type LockHolder = { pid: number; host: string; since: string; program: string }
export type DataLock = { file: string; holder: LockHolder; release(): void }

/**
 * Takes the data folder's lock for this process, or refuses with `data_folder_in_use`
 * when a live process holds it. `program` names this host in the lock ("Electron app", "browser host", "command line").
 */
export function lockDataDir(dataDir: string, program: string, now = new Date()): DataLock {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, LOCK_FILE)
  const holder: LockHolder = { pid: process.pid, host: hostname(), since: now.toISOString(), program }
  if (!tryCreate(file, holder)) {
    const current = readHolder(file)
    if (current && isAlive(current)) throw inUse(dataDir, current)
    takeOver(file, current, holder, dataDir)
  }
  let released = false
  return {
    file,
    holder,
    release() {
      if (released) return
      released = true
      // Only our own lock: a lock that was taken over meanwhile (it cannot be, while we live) stays.
      const current = readHolder(file)
      if (current && current.pid === holder.pid && current.since === holder.since) unlinkQuietly(file)
    }
  }
}

/** The holder named in a data folder's lock file, or null when there is none (or it cannot be read). */
export function readHolder(file: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>
    if (typeof parsed.pid !== 'number' || typeof parsed.since !== 'string') return null
    return { pid: parsed.pid, host: String(parsed.host ?? ''), since: parsed.since, program: String(parsed.program ?? 'station') }
  } catch {
    return null
  }
}

function tryCreate(file: string, holder: LockHolder): boolean {
  let fd: number
  try {
    fd = openSync(file, 'wx', 0o644)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    writeSync(fd, JSON.stringify(holder))
  } finally {
    closeSync(fd)
  }
  return true
}

/**
 * The holder is gone: move its lock aside and create ours. A short-lived `station.lock.takeover` directory
 * (mkdir is atomic) makes sure two processes starting at once cannot both take over the same stale lock.
 */
function takeOver(file: string, stale: LockHolder | null, holder: LockHolder, dataDir: string): void {
  const guard = `${file}.takeover`
  try {
    mkdirSync(guard)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    // A guard left by a process that died inside this function (it lives for microseconds otherwise).
    if (Date.now() - statSync(guard).mtimeMs < 10_000) throw inUse(dataDir, stale ?? holder)
    rmdirSync(guard)
    mkdirSync(guard)
  }
  try {
    const current = readHolder(file)
    if (current && isAlive(current)) throw inUse(dataDir, current)
    try {
      renameSync(file, `${file}.stale`)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    if (!tryCreate(file, holder)) throw inUse(dataDir, readHolder(file) ?? holder)
  } finally {
    rmdirSync(guard)
  }
}

/** Is the holder still running? Only a holder on this PC can be checked; one on another PC (a shared folder) counts as alive. */
function isAlive(holder: LockHolder): boolean {
  if (holder.host && holder.host !== hostname()) return true
  try {
    process.kill(holder.pid, 0)
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  return !hasEnded(holder.pid)
}

/**
 * Linux: a process that has ended but that its parent has not yet reaped (a
 * zombie: killed with its parent, say) still answers kill(pid, 0), though it
 * holds nothing any more. Elsewhere, or without /proc, it counts as running.
 */
function hasEnded(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const state = stat.charAt(stat.lastIndexOf(')') + 2)
    return state === 'Z' || state === 'X'
  } catch {
    return false
  }
}

function inUse(dataDir: string, holder: LockHolder): StationError {
  const params = { dataDir, program: holder.program, pid: holder.pid, since: holder.since }
  return holder.host && holder.host !== hostname()
    ? refusal('data_folder_in_use', { key: 'refusals:station.folderInUseOnHost', params: { ...params, host: holder.host } })
    : refusal('data_folder_in_use', { key: 'refusals:station.folderInUse', params })
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file)
  } catch {
    // Already gone.
  }
}
