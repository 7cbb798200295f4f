// The station on a damaged database (SPEC §9): the start-up check
// (quick_check) failed, so the core is not opened. Every channel answers
// `database_damaged` in one sentence, except the recovery screen's
// (recovery:state, recovery:restore) and the status bar's health. Once a
// shift lead restores a backup, the real station opens on it in place, and
// every call and notice goes to it from then on, with no restart.
import { join } from 'node:path'
import { channels, type Channel } from '../shared/contract'
import { systemClock } from './core/clock'
import type { GuardedHandlers, NoticeSink } from './core/context'
import { DATABASE_FILE } from './core/core'
import { damagedStationRecovery } from './core/db/recovery'
import { backupFolderFor } from './core/db/restore'
import { refuse } from './core/errors'
import type { Station, StationOptions } from './station'

export function openRecoveryStation(options: StationOptions, problem: string, reopen: () => Station): Station {
  const { dataDir, clock = systemClock } = options
  const since = clock().toISOString()
  const databaseFile = join(dataDir, DATABASE_FILE)
  let current: Station | null = null
  const sinks = new Map<NoticeSink, () => void>()
  const damaged = (): never => refuse('database_damaged', `${problem} A shift lead restores a backup on the recovery screen.`)

  const recovery = damagedStationRecovery({ databaseFile, backupFolder: backupFolderFor(dataDir, databaseFile), problem, clock }, () => {
    current = reopen()
    for (const sink of sinks.keys()) sinks.set(sink, current.subscribe(sink))
    current.handlers['health:status']({})
  })
  const own: Partial<Record<Channel, (args: never) => unknown>> = {
    ...recovery,
    'health:status': () => ({ faults: [{ kind: 'damaged', message: 'The database is damaged: a shift lead restores a backup.', since }] }),
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
