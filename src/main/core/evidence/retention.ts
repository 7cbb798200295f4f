// How long packing evidence is kept (issue 17): sessions older than the
// station's days are deleted, then the oldest go first while the evidence
// folder is over its disk quota. Evidence of an order with a return, or one a
// shift lead keeps for an open dispute, is never deleted until released.
// Deciding is pure (`retentionPlan`); `applyRetention` lists the folder, asks
// which orders are kept, and deletes what the plan says.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileAtomically } from '../sync/atomicFile'
import { allSessions, orderEvidenceFolder, orderFolders } from './evidenceFolder'
import { JOURNAL_FILE, MANIFEST_FILE, readJournal } from './journal'

export type RetentionPolicy = { days: number; quotaBytes: number }

export type StoredSession = { folder: string; orderFolder: string; orderNumber: string; endedAt: string; bytes: number }

export type RetentionPlan = {
  remove: StoredSession[]
  /** Bytes the evidence takes once the plan is carried out. */
  usedBytes: number
  /** What the status bar says, if anything: near or over the quota. */
  warning: string | null
}

/** At this share of the quota the status bar warns, before anything has to go. */
export const WARN_AT = 0.9
const DAY = 86_400_000

/** `kept`: a session that must stay (its order has a return or a dispute, or it is still recording): counted, never removed. */
export function retentionPlan(
  sessions: StoredSession[],
  kept: (session: StoredSession) => boolean,
  policy: RetentionPolicy,
  now: Date
): RetentionPlan {
  const oldestFirst = [...sessions].sort((a, b) => a.endedAt.localeCompare(b.endedAt) || a.folder.localeCompare(b.folder))
  const cutoff = now.getTime() - policy.days * DAY
  const remove = oldestFirst.filter((s) => !kept(s) && Date.parse(s.endedAt) < cutoff)
  let usedBytes = oldestFirst.reduce((sum, s) => sum + s.bytes, 0) - remove.reduce((sum, s) => sum + s.bytes, 0)
  for (const session of oldestFirst) {
    if (usedBytes <= policy.quotaBytes) break
    if (kept(session) || remove.includes(session)) continue
    remove.push(session)
    usedBytes -= session.bytes
  }
  const mb = (bytes: number) => Math.round(bytes / 1_000_000).toLocaleString('en')
  const warning =
    usedBytes > policy.quotaBytes
      ? `Packing evidence takes ${mb(usedBytes)} MB, over its ${mb(policy.quotaBytes)} MB quota: all of it is kept for returns or disputes. Release some, or raise the quota.`
      : usedBytes >= WARN_AT * policy.quotaBytes
        ? `Packing evidence takes ${mb(usedBytes)} MB of its ${mb(policy.quotaBytes)} MB quota: the oldest recordings will be deleted soon.`
        : null
  return { remove, usedBytes, warning }
}

/** Every recording session under the data folder's evidence/, with its size and when it ended. */
export function storedSessions(dataDir: string): StoredSession[] {
  return allSessions(dataDir).map(({ orderFolder, folder }) => describe(orderFolder, folder))
}

function describe(orderFolder: string, folder: string): StoredSession {
  let orderNumber = ''
  let endedAt = new Date(statSync(folder).mtimeMs).toISOString()
  try {
    const manifest = JSON.parse(readFileSync(join(folder, MANIFEST_FILE), 'utf8')) as { orderNumber: string; stoppedAt: string }
    orderNumber = manifest.orderNumber
    endedAt = manifest.stoppedAt
  } catch {
    // Not sealed yet (recording, or to be sealed at the next start): its journal names the order.
    try {
      const start = readJournal(readFileSync(join(folder, JOURNAL_FILE), 'utf8')).find((l) => l.t === 'start')
      if (start?.t === 'start') orderNumber = start.orderNumber
    } catch {
      // An unreadable journal: the folder is still counted and may be deleted by age.
    }
  }
  return { folder, orderFolder, orderNumber, endedAt, bytes: folderBytes(folder) }
}

function folderBytes(folder: string): number {
  let total = 0
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size
  }
  return total
}

/**
 * Applies the policy: deletes what the plan removes (never a session still
 * recording: `recording` names their folders) and an order's folder once empty.
 */
export function applyRetention(
  dataDir: string,
  policy: RetentionPolicy,
  now: Date,
  keptOrders: (orderNumbers: string[]) => Set<string>,
  recording: Set<string> = new Set()
): RetentionPlan {
  const sessions = storedSessions(dataDir)
  const orders = keptOrders([...new Set(sessions.map((s) => s.orderNumber))])
  for (const order of keptForDispute(dataDir)) orders.add(order)
  const plan = retentionPlan(sessions, (s) => orders.has(s.orderNumber) || recording.has(s.folder), policy, now)
  for (const session of plan.remove) {
    rmSync(session.folder, { recursive: true, force: true })
    if (existsSync(session.orderFolder) && readdirSync(session.orderFolder).length === 0) rmSync(session.orderFolder, { recursive: true })
  }
  return plan
}

/** A shift lead keeps an order's evidence for an open dispute: `keep.json` in the order's folder, until released. */
export const KEEP_FILE = 'keep.json'

export type DisputeKeep = { orderNumber: string; reason: string; keptBy: string; keptAt: string }

export function keepForDispute(dataDir: string, keep: DisputeKeep): void {
  const folder = orderEvidenceFolder(dataDir, keep.orderNumber)
  mkdirSync(folder, { recursive: true })
  writeFileAtomically(join(folder, KEEP_FILE), [JSON.stringify(keep)])
}

export function releaseDisputeKeep(dataDir: string, orderNumber: string): boolean {
  const file = join(orderEvidenceFolder(dataDir, orderNumber), KEEP_FILE)
  if (!existsSync(file)) return false
  rmSync(file)
  return true
}

/**
 * One order's keep, read from its own folder (never a walk of every order's):
 * null when it is not kept; a keep file that cannot be read still keeps.
 */
export function disputeKeepOf(dataDir: string, orderNumber: string): DisputeKeep | null {
  const file = join(orderEvidenceFolder(dataDir, orderNumber), KEEP_FILE)
  if (!existsSync(file)) return null
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DisputeKeep
  } catch {
    return { orderNumber, reason: '', keptBy: '', keptAt: '' }
  }
}

/** The orders whose evidence a shift lead keeps for a dispute. */
export function keptForDispute(dataDir: string): Set<string> {
  const kept = new Set<string>()
  for (const orderFolder of orderFolders(dataDir)) {
    const file = join(orderFolder, KEEP_FILE)
    if (!existsSync(file)) continue
    try {
      kept.add((JSON.parse(readFileSync(file, 'utf8')) as DisputeKeep).orderNumber)
    } catch {
      // A keep file that cannot be read still keeps: by its folder's sessions' order numbers.
      for (const session of storedSessions(dataDir).filter((s) => s.orderFolder === orderFolder)) kept.add(session.orderNumber)
    }
  }
  return kept
}
