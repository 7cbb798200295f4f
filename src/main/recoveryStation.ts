// The station on a damaged database (SPEC §9): the start-up check
// (quick_check) failed, so the core is not opened. Every channel answers
// `database_damaged` in one sentence, except the recovery screen's
// (recovery:state, recovery:restore) and the status bar's health. Once a
// shift lead restores a backup, the real station opens on it in place, and
// every call and notice goes to it from then on, with no restart.
//
// The station's language lives only in its database (the `language` setting), which is the file that is damaged.
// The recovery screen speaks the language the station spoke: read from the damaged file when that one row still
// reads (the damage is usually a few pages), else from the newest good backup (the database the shift lead is
// about to go back to, so the screen after the restore speaks the same), else English. No copy of the setting is
// written beside the database: a second place to keep up to date, for a screen that needs it once.
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { channels, type Channel } from '../shared/contract'
import { systemClock } from './core/clock'
import type { GuardedHandlers, NoticeSink } from './core/context'
import { DATABASE_FILE } from './core/core'
import { damagedStationRecovery } from './core/db/recovery'
import { backupFolderFor, newestGoodBackup } from './core/db/restore'
import { english, refuse } from './core/errors'
import { DEFAULT_LANGUAGE, Language } from '../shared/i18n/languages'
import type { RecoveryState } from '../shared/recovery'
import type { Station, StationOptions } from './station'

/** The `language` setting of a database file, or null when it cannot be read or is not a shipped language. */
export function languageIn(file: string): Language | null {
  let sqlite: Database.Database | undefined
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true })
    const row = sqlite.prepare("select value from settings where key = 'language'").get() as { value: string } | undefined
    const language = Language.safeParse(row ? JSON.parse(row.value) : undefined)
    return language.success ? language.data : null
  } catch {
    return null
  } finally {
    sqlite?.close()
  }
}

/** The language the station spoke before the damage (see the top of this file); the default when none says. */
export function lastKnownLanguage(databaseFile: string, backupFolder: string): Language {
  const backup = newestGoodBackup(backupFolder)
  return languageIn(databaseFile) ?? (backup ? languageIn(backup.file) : null) ?? DEFAULT_LANGUAGE
}

export function openRecoveryStation(options: StationOptions, problem: string, reopen: () => Station): Station {
  const { dataDir, clock = systemClock } = options
  const since = clock().toISOString()
  const databaseFile = join(dataDir, DATABASE_FILE)
  let current: Station | null = null
  const sinks = new Map<NoticeSink, () => void>()
  // `problem` is the start-up check's English account (src/main/core/db/integrity.ts): a detail for IT.
  const damaged = (): never => refuse('database_damaged', { key: 'refusals:backups.databaseDamaged', params: { problem } })

  const damagedWords = { key: 'health:fault.damagedRecovery' }
  const backupFolder = backupFolderFor(dataDir, databaseFile)
  const language = lastKnownLanguage(databaseFile, backupFolder)
  const recovery = damagedStationRecovery({ databaseFile, backupFolder, problem, clock }, () => {
    current = reopen()
    for (const sink of sinks.keys()) sinks.set(sink, current.subscribe(sink))
    current.handlers['health:status']({})
  })
  const own: Partial<Record<Channel, (args: never) => unknown>> = {
    ...recovery,
    'recovery:state': (): RecoveryState => ({ ...recovery['recovery:state'](), language }),
    'health:status': () => ({ faults: [{ kind: 'damaged', message: english(damagedWords), words: damagedWords, since }] }),
    'app:info': () => damaged()
  }
  const handlers: Partial<Record<Channel, unknown>> = {}
  for (const channel of channels) {
    handlers[channel] = (args: never) => {
      if (current) return (current.handlers[channel] as (a: never) => unknown)(args)
      const handler = own[channel]
      return handler ? handler(args) : damaged()
    }
  }
  return {
    handlers: handlers as GuardedHandlers,
    get connection() {
      return current ? current.connection : damaged()
    },
    dataDir,
    subscribe(sink) {
      sinks.set(sink, current ? current.subscribe(sink) : () => undefined)
      return () => {
        sinks.get(sink)?.()
        sinks.delete(sink)
      }
    },
    close() {
      current?.close()
    }
  }
}
