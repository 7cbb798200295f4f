// The database's health for a diagnostics export: SQLite's quick_check (the
// structure of every page and index, without the slower cross-check of index
// contents that integrity_check adds), and the figures IT asks for next.
import type Database from 'better-sqlite3'

export type IntegrityReport = {
  ok: boolean
  /** quick_check's answer: ["ok"], or the first problems it found. */
  quickCheck: string[]
  journalMode: string
  pageSize: number
  pageCount: number
  freelistCount: number
  checkedAt: string
}

export function integrityReport(sqlite: Database.Database, now: Date): IntegrityReport {
  const quickCheck = (sqlite.pragma('quick_check(20)') as { quick_check: string }[]).map((r) => r.quick_check)
  return {
    ok: quickCheck.length === 1 && quickCheck[0] === 'ok',
    quickCheck,
    journalMode: sqlite.pragma('journal_mode', { simple: true }) as string,
    pageSize: sqlite.pragma('page_size', { simple: true }) as number,
    pageCount: sqlite.pragma('page_count', { simple: true }) as number,
    freelistCount: sqlite.pragma('freelist_count', { simple: true }) as number,
    checkedAt: now.toISOString()
  }
}
