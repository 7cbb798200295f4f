// Helpers for the backup and recovery tests: the real command line in a
// child process (as `npm run station` runs it), and damage done to a copy of
// a database the way a failing disk does it.
import { spawn } from 'node:child_process'
import Database from 'better-sqlite3'
import { once } from 'node:events'
import { closeSync, openSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../..', import.meta.url))

export type Run = { code: number | null; stdout: string; stderr: string }

/** `npm run station -- ...args`: tsx src/main/cli.ts. */
export async function stationCli(...args: string[]): Promise<Run> {
  const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'src', 'main', 'cli.ts'), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  const [code] = (await once(child, 'close')) as [number | null]
  return { code, stdout, stderr }
}

/** Overwrites `length` bytes at `offset` with a pattern no page starts with. */
export function damageBytes(file: string, offset: number, length: number): void {
  const fd = openSync(file, 'r+')
  try {
    writeSync(fd, Buffer.alloc(length, 0xa5), 0, length, offset)
  } finally {
    closeSync(fd)
  }
}

/** Damage in the middle of the file: whole pages of garbage halfway through. */
export function damageMiddle(file: string): void {
  const size = statSync(file).size
  const pageSize = 4096
  const middle = Math.floor(size / pageSize / 2) * pageSize
  damageBytes(file, middle, pageSize * 4)
}

/** Damage to the header: the first 100 bytes (the "SQLite format 3" magic, page size, ...). */
export function damageHeader(file: string): void {
  damageBytes(file, 0, 100)
}

/**
 * Garbage over the root page of one table: a damage the start-up check of a large database does not read (it reads
 * the header and the schema), wherever the pages of the schema fall in the file. Page 1 holds the schema's root.
 */
export function damageTable(file: string, table: string): void {
  const sqlite = new Database(file, { readonly: true })
  const { rootpage } = sqlite.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(table) as { rootpage: number }
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number
  sqlite.close()
  if (!(rootpage > 1)) throw new Error(`no table ${table} to damage`)
  damageBytes(file, (rootpage - 1) * pageSize, pageSize)
}
