// The recovery station speaks the language the damaged station spoke (it has no app:info to say it): the
// `language` setting read from the damaged file while that row still reads, else from the newest good backup,
// else English. Its one refusal, database_damaged, is worded in that language on the recovery screen.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, onTestFinished } from 'vitest'
import { dispatch } from '../../src/main/core/dispatch'
import { backupName } from '../../src/main/core/db/backup'
import { setSetting } from '../../src/main/core/settings/settings'
import { languageIn } from '../../src/main/recoveryStation'
import { DATABASE_FILE, openStation } from '../../src/main/station'
import type { Language } from '../../src/shared/i18n/languages'
import { StationError, type Envelope } from '../../src/shared/contract'
import type { RecoveryState } from '../../src/shared/recovery'
import { i18n } from '../../src/renderer/src/i18n'
import { errorMessage } from '../../src/renderer/src/useAction'
import { cleanup, createOperators, importRecords, openTestStation, orderRecord } from '../core/helpers'
import { damageHeader, damageTable } from './dbHelpers'

afterEach(async () => {
  await i18n.changeLanguage('en')
  cleanup()
})

/** A closed station that spoke `language`; with `backedUpIn`, a backup taken while it spoke that one, then changed. */
function stationSpeaking(language: Language, backedUpIn?: Language): string {
  const t = openTestStation()
  createOperators(t)
  importRecords(
    t,
    Array.from({ length: 40 }, (_, i) => orderRecord(i + 1))
  )
  if (backedUpIn) {
    setSetting(t.db, 'language', backedUpIn)
    const folder = join(t.dataDir, 'backups')
    mkdirSync(folder, { recursive: true })
    t.sqlite.exec(`VACUUM INTO '${join(folder, backupName(new Date(Date.parse('2026-11-21T08:00:00Z'))))}'`)
  }
  setSetting(t.db, 'language', language)
  t.close()
  return t.dataDir
}

async function recoveryOf(dataDir: string) {
  const station = openStation({ dataDir })
  onTestFinished(() => station.close())
  const call = (channel: string) => dispatch(station.handlers, channel, {}, () => undefined)
  const state = (await call('recovery:state')) as Envelope<RecoveryState>
  expect(state).toMatchObject({ ok: true, value: { damaged: true } })
  return { state: state.ok ? state.value : null, call }
}

describe('the recovery station’s language', () => {
  it('is read from the damaged file while its settings still read, before the backup’s', async () => {
    const dataDir = stationSpeaking('pl', 'en')
    damageTable(join(dataDir, DATABASE_FILE), 'orders')
    expect(languageIn(join(dataDir, DATABASE_FILE))).toBe('pl')
    const { state, call } = await recoveryOf(dataDir)
    expect(state?.language).toBe('pl')

    // The one refusal it makes is worded in that language on the screen; its English keeps the check's account.
    const refused = await call('orders:list')
    expect(refused).toMatchObject({ ok: false, error: { code: 'database_damaged', key: 'refusals:backups.databaseDamaged' } })
    const error = StationError.fromFailure(!refused.ok && refused.error)
    expect(error.message).toMatch(
      /^The station’s database is damaged: a shift lead restores a backup on the recovery screen\. \(For IT: .*damaged/
    )
    await i18n.changeLanguage(state!.language!)
    expect(errorMessage(error)).toMatch(
      /^Baza danych stanowiska jest uszkodzona: kierownik zmiany przywraca kopię zapasową na ekranie odzyskiwania\. \(Dla działu IT: /
    )
  })

  it('comes from the newest good backup when the damaged file cannot be read at all', async () => {
    const dataDir = stationSpeaking('en', 'pl')
    damageHeader(join(dataDir, DATABASE_FILE))
    expect(languageIn(join(dataDir, DATABASE_FILE))).toBeNull()
    expect((await recoveryOf(dataDir)).state).toMatchObject({ language: 'pl', newestGood: { takenAt: '2026-11-21T08:00:00.000Z' } })
  })

  it('is English when neither the file nor a backup says', async () => {
    const dataDir = stationSpeaking('pl')
    damageHeader(join(dataDir, DATABASE_FILE))
    expect((await recoveryOf(dataDir)).state).toMatchObject({ language: 'en', newestGood: null })
  })
})
