// The database commands of `npm run station` (src/main/cli.ts):
//   check   --data-dir D              exit 0 when whole; 1 and one plain sentence when damaged
//   backup  --data-dir D [--to DIR]   an online backup; prints its path
//   restore FILE --data-dir D         puts a backup in place; the file there now is kept aside
// check and backup read the database and run beside a station that has it
// open (SQLite's backup API is made for that); restore takes the data
// folder's lock, so it is refused while a station runs there.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { StationError } from '../../../shared/contract'
import { DATABASE_FILE } from '../core'
import { lockDataDir } from '../dataLock'
import { getSetting } from '../settings/settings'
import { backupDatabase, backupFolderOf, rotateBackups } from './backup'
import { openDatabase } from './connection'
import { checkDatabaseFile, damagedSentence } from './integrity'
import { backupFolderFor, newestGoodBackup, restoreBackup } from './restore'

export type Out = { log(line: string): void; error(line: string): void }

export function checkCommand(dataDir: string, out: Out): number {
  const file = join(dataDir, DATABASE_FILE)
  if (!existsSync(file)) {
    out.error(`There is no station database in ${dataDir}.`)
    return 2
  }
  const check = checkDatabaseFile(file)
  if (check.ok) {
    out.log(`The database ${file} is whole (quick_check: ok).`)
    return 0
  }
  out.error(check.problem)
  const good = newestGoodBackup(backupFolderFor(dataDir, file))
  if (good)
    out.error(
      `The newest good backup is ${good.file} (taken ${good.takenAt}): npm run station -- restore ${good.file} --data-dir ${dataDir}`
    )
  else out.error('There is no good backup in the backup folder.')
  return 1
}

export async function backupCommand(dataDir: string, to: string | undefined, out: Out): Promise<number> {
  const file = join(dataDir, DATABASE_FILE)
  if (!existsSync(file)) {
    out.error(`There is no station database in ${dataDir}.`)
    return 2
  }
  let connection: ReturnType<typeof openDatabase> | undefined
  try {
    connection = openDatabase(file)
    const folder = to ? resolve(to) : backupFolderOf(dataDir, getSetting(connection.db, 'backupFolder'))
    const backup = await backupDatabase(connection.sqlite, folder, new Date())
    // Only the station's own backup folder rotates; a folder named on the command line is the caller's.
    if (!to) rotateBackups(folder, getSetting(connection.db, 'backupKeep'))
    out.log(backup)
    return 0
  } catch (error) {
    out.error(sentenceOf(file, error))
    return 1
  } finally {
    connection?.sqlite.close()
  }
}

export function restoreCommand(dataDir: string, backupFile: string, out: Out): number {
  try {
    const lock = lockDataDir(dataDir, 'command line (restore)')
    try {
      const { keptAs } = restoreBackup(join(dataDir, DATABASE_FILE), resolve(backupFile), new Date())
      out.log(`Restored ${resolve(backupFile)} into ${join(dataDir, DATABASE_FILE)}.`)
      if (keptAs) out.log(`The database that was there is kept as ${keptAs}.`)
      return 0
    } finally {
      lock.release()
    }
  } catch (error) {
    out.error(sentenceOf(backupFile, error))
    return 1
  }
}

function sentenceOf(file: string, error: unknown): string {
  if (error instanceof StationError) return error.message
  const code = String((error as { code?: unknown })?.code ?? '')
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'The disk is full: the backup was not written.'
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return (error as Error).message.startsWith('The backup') ? (error as Error).message : damagedSentence(file, error)
  return `${(error as Error)?.message ?? String(error)}`
}
