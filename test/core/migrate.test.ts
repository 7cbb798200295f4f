import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/core/db/connection'
import { findMigrationsFolder, runMigrations } from '../../src/main/core/db/migrate'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

it('applies a new migration to a database that has the earlier ones, and only then', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ps-migrate-'))
  dirs.push(dir)
  const folder = join(dir, 'drizzle')
  cpSync(findMigrationsFolder(), folder, { recursive: true })
  const connection = openDatabase(join(dir, 'station.db'))
  runMigrations(connection, folder)
  runMigrations(connection, folder) // up to date: nothing to do, no error

  const journalFile = join(folder, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalFile, 'utf8'))
  const last = journal.entries.at(-1)
  const idx = journal.entries.length
  const tag = `${String(idx).padStart(4, '0')}_later`
  journal.entries.push({ ...last, idx, tag, when: last.when + 1000 })
  writeFileSync(journalFile, JSON.stringify(journal))
  writeFileSync(join(folder, `${tag}.sql`), 'CREATE TABLE `later_table` (`id` integer PRIMARY KEY);')

  runMigrations(connection, folder)
  const tables = connection.sqlite.prepare("select name from sqlite_master where name = 'later_table'").all()
  expect(tables).toEqual([{ name: 'later_table' }])
  expect(connection.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
  connection.sqlite.close()
})
