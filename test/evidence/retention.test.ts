// Retention of packing evidence (issue 17): the oldest go first, past the
// days kept or over the quota; an order with a return or a dispute keeps its
// evidence until released; a session still recording is never touched; the
// status bar is warned before the quota is reached.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { orderEvidenceFolder, sessionFolder } from '../../src/main/core/evidence/evidenceFolder'
import { JOURNAL_FILE, MANIFEST_FILE } from '../../src/main/core/evidence/journal'
import {
  applyRetention,
  keepForDispute,
  releaseDisputeKeep,
  retentionPlan,
  storedSessions,
  type StoredSession
} from '../../src/main/core/evidence/retention'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
const NOW = new Date('2026-11-30T12:00:00Z')
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString()
const MB = 1_000_000

/** A sealed session of `mb` megabytes that ended `days` ago. */
function session(dataDir: string, orderNumber: string, id: string, days: number, mb: number): string {
  const folder = sessionFolder(dataDir, orderNumber, id)
  mkdirSync(folder, { recursive: true })
  writeFileSync(join(folder, 'clip.webm'), Buffer.alloc(mb * MB))
  writeFileSync(join(folder, MANIFEST_FILE), JSON.stringify({ orderNumber, stoppedAt: daysAgo(days) }))
  return folder
}
function world() {
  const dataDir = mkdtempSync(join(tmpdir(), 'evidence-retention-'))
  dirs.push(dataDir)
  return dataDir
}
const names = (sessions: StoredSession[]) => sessions.map((s) => `${s.orderNumber}/${s.folder.split('/').at(-1)}`)

describe('evidence retention', () => {
  it('deletes what is older than the days kept, oldest first, and nothing else', () => {
    const dataDir = world()
    session(dataDir, 'SO-1', 'a', 40, 1)
    session(dataDir, 'SO-2', 'b', 31, 1)
    session(dataDir, 'SO-3', 'c', 29, 1)
    const plan = applyRetention(dataDir, { days: 30, quotaBytes: 100 * MB }, NOW, () => new Set())
    expect(names(plan.remove)).toEqual(['SO-1/a', 'SO-2/b'])
    expect(plan.usedBytes).toBeGreaterThanOrEqual(1 * MB)
    expect(plan.warning).toBeNull()
    expect(names(storedSessions(dataDir))).toEqual(['SO-3/c'])
    // An order's folder goes with its last session.
    expect(readdirSync(join(dataDir, 'evidence')).sort()).toEqual(['SO-3'])
  })

  it('over the quota, the oldest go until it fits, whatever their age', () => {
    const dataDir = world()
    session(dataDir, 'SO-1', 'a', 5, 4)
    session(dataDir, 'SO-2', 'b', 3, 4)
    session(dataDir, 'SO-3', 'c', 1, 4)
    const plan = applyRetention(dataDir, { days: 365, quotaBytes: 8.5 * MB }, NOW, () => new Set())
    expect(names(plan.remove)).toEqual(['SO-1/a'])
    expect(names(storedSessions(dataDir)).sort()).toEqual(['SO-2/b', 'SO-3/c'])
    // 8 of 8.5 MB: the status bar warns before the next order pushes it over.
    expect(plan.warning).toMatch(/takes 8 MB of its 9 MB quota: the oldest recordings will be deleted soon/)
  })

  it('keeps the evidence of an order with a return, and of one kept for a dispute until released', () => {
    const dataDir = world()
    session(dataDir, 'SO-RET', 'a', 400, 1)
    session(dataDir, 'SO-DISPUTE', 'b', 400, 1)
    session(dataDir, 'SO-OLD', 'c', 400, 1)
    keepForDispute(dataDir, { orderNumber: 'SO-DISPUTE', reason: 'A-to-z claim 123', keptBy: 'Dana Whitfield', keptAt: NOW.toISOString() })
    const withReturns = (orders: string[]) => new Set(orders.filter((o) => o === 'SO-RET'))
    let plan = applyRetention(dataDir, { days: 30, quotaBytes: 100 * MB }, NOW, withReturns)
    expect(names(plan.remove)).toEqual(['SO-OLD/c'])
    expect(names(storedSessions(dataDir)).sort()).toEqual(['SO-DISPUTE/b', 'SO-RET/a'])
    expect(releaseDisputeKeep(dataDir, 'SO-DISPUTE')).toBe(true)
    expect(releaseDisputeKeep(dataDir, 'SO-DISPUTE')).toBe(false)
    plan = applyRetention(dataDir, { days: 30, quotaBytes: 100 * MB }, NOW, withReturns)
    expect(names(plan.remove)).toEqual(['SO-DISPUTE/b'])
    expect(names(storedSessions(dataDir))).toEqual(['SO-RET/a'])
  })

  it('never touches a session still recording, and says when kept evidence alone is over the quota', () => {
    const dataDir = world()
    const live = sessionFolder(dataDir, 'SO-LIVE', 'z')
    mkdirSync(live, { recursive: true })
    writeFileSync(join(live, 'clip.webm'), Buffer.alloc(3 * MB))
    writeFileSync(
      join(live, JOURNAL_FILE),
      `${JSON.stringify({ t: 'start', sessionId: 'z', orderId: 1, orderNumber: 'SO-LIVE', channelOrderId: null, stationId: 'S', operatorId: null, operatorName: null, mimeType: 'video/webm', startedAt: daysAgo(90) })}\n`
    )
    session(dataDir, 'SO-RET', 'a', 10, 3)
    const plan = applyRetention(dataDir, { days: 30, quotaBytes: 2 * MB }, NOW, () => new Set(['SO-RET']), new Set([live]))
    expect(plan.remove).toEqual([])
    expect(plan.warning).toMatch(/over its 2 MB quota: all of it is kept for returns or disputes/)
    expect(names(storedSessions(dataDir)).sort()).toEqual(['SO-LIVE/z', 'SO-RET/a'])
  })

  it('plans without touching the disk', () => {
    const s = (orderNumber: string, days: number, bytes: number): StoredSession => ({
      folder: `/x/${orderNumber}/s`,
      orderFolder: `/x/${orderNumber}`,
      orderNumber,
      endedAt: daysAgo(days),
      bytes
    })
    const plan = retentionPlan([s('B', 2, 5), s('A', 3, 5), s('C', 1, 5)], (x) => x.orderNumber === 'A', { days: 10, quotaBytes: 8 }, NOW)
    // A is oldest but kept: B goes, and 10 bytes still exceed 8: C goes too.
    expect(plan.remove.map((x) => x.orderNumber)).toEqual(['B', 'C'])
    expect(plan.usedBytes).toBe(5)
    expect(orderEvidenceFolder('/d', 'SO/1 ä')).toBe('/d/evidence/SO_2f1_20_e4')
  })
})
