import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { findAppFolder } from '../paths'
import type { Connection } from './connection'

type JournalEntry = { idx: number; when: number; tag: string }

export const findMigrationsFolder = () => findAppFolder('drizzle', join('meta', '_journal.json'))

/** Refuses a journal whose entries are out of order: a migration must never run before one it follows. */
export function checkJournalOrder(folder: string): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] }
  journal.entries.forEach((entry, i) => {
    const prefix = String(i).padStart(4, '0')
    if (entry.idx !== i || !entry.tag.startsWith(`${prefix}_`)) {
      throw new Error(`Migration journal out of order at entry ${i} (${entry.tag})`)
    }
    if (i > 0 && entry.when <= journal.entries[i - 1].when) {
      throw new Error(`Migration ${entry.tag} is dated before the one it follows`)
    }
    if (!existsSync(join(folder, `${entry.tag}.sql`))) throw new Error(`Migration file ${entry.tag}.sql is missing`)
  })
  return journal.entries
}

/**
 * Applies pending migrations. Foreign keys are switched off around them (a
 * table rebuild would otherwise cascade or fail), then checked before they
 * are switched back on: a migration that broke a reference stops the start-up.
 */
export function runMigrations({ sqlite, db }: Connection, folder = findMigrationsFolder()): void {
  const entries = checkJournalOrder(folder)
  // Nothing pending: skip the foreign-key check, which reads every row (seconds on a big station).
  if (entries.length > 0 && lastAppliedAt(sqlite) >= entries[entries.length - 1].when) return
  sqlite.pragma('foreign_keys = OFF')
  try {
    migrate(db, { migrationsFolder: folder })
    const broken = sqlite.pragma('foreign_key_check') as unknown[]
    if (broken.length > 0) throw new Error(`Migrations left ${broken.length} broken foreign key reference(s)`)
  } finally {
    sqlite.pragma('foreign_keys = ON')
  }
}

/** When the newest applied migration was written (drizzle records the journal's `when`); 0 on a new database. */
function lastAppliedAt(sqlite: Connection['sqlite']): number {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get()
  if (!table) return 0
  const row = sqlite.prepare('select max(created_at) as at from __drizzle_migrations').get() as { at: number | null }
  return Number(row.at ?? 0)
}
