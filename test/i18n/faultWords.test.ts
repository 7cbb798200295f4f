// The status bar's faults travel as catalogue words next to their English (kept for the logs): they cross the
// boundary (the contract's zod check keeps them) and the status bar words them in the operator's language,
// a background task's failure with the task named in that language and the error's own text as a detail.
import { join } from 'node:path'
import { afterEach, describe, expect, it, onTestFinished } from 'vitest'
import { everyInterval, inBackground } from '../../src/main/core/background'
import type { GuardedHandlers } from '../../src/main/core/context'
import { dispatch } from '../../src/main/core/dispatch'
import { Faults } from '../../src/main/core/health/faults'
import { healthHandlers } from '../../src/main/core/health/handlers'
import { DATABASE_FILE, openStation } from '../../src/main/station'
import { i18n } from '../../src/renderer/src/i18n'
import { answerText } from '../../src/renderer/src/useAction'
import type { Fault } from '../../src/shared/health'
import { cleanup, openTestStation } from '../core/helpers'
import { damageHeader } from '../db/dbHelpers'

afterEach(async () => {
  await i18n.changeLanguage('en')
  cleanup()
})

const silent = () => {}
const full = () => Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })

/** What the status bar shows for each fault, in `language`. */
async function shown(faults: Fault[], language: 'en' | 'pl'): Promise<string[]> {
  await i18n.changeLanguage(language)
  return faults.map((fault) => answerText(fault))
}

/** health:status through the boundary: the handler's answer checked against the contract, as the renderer gets it. */
async function status(faults: Faults): Promise<Fault[]> {
  const answer = await dispatch(healthHandlers(faults) as unknown as GuardedHandlers, 'health:status', {}, silent)
  if (!answer.ok) throw new Error(answer.error.message)
  return (answer.value as { faults: Fault[] }).faults
}

describe('the status bar faults in the operator language', () => {
  it('words a full disk and a busy database in Polish, the English message kept for the logs', async () => {
    const faults = new Faults()
    faults.report('scanning:scan', full())
    faults.report('packing:saveBox', busy())
    const listed = await status(faults)
    expect(listed).toMatchObject([
      {
        kind: 'disk_full',
        message: 'Disk full: the station cannot save. Free some space on this PC.',
        words: { key: 'health:fault.disk_full' }
      },
      {
        kind: 'busy',
        message: 'Database busy: another program has it open. Close that program.',
        words: { key: 'health:fault.busy' }
      }
    ])
    expect(await shown(listed, 'pl')).toEqual([
      'Dysk pełny: stanowisko nie może zapisywać. Zwolnij miejsce na tym komputerze.',
      'Baza danych zajęta: otworzył ją inny program. Zamknij ten program.'
    ])
    expect(await shown(listed, 'en')).toEqual(listed.map((f) => f.message))
  })

  it('names a failed background task in Polish, the error text kept as the detail for IT', async () => {
    const faults = new Faults()
    await inBackground('The backup at sign-out', async () => Promise.reject(new Error('no such folder')), silent, faults)
    const listed = await status(faults)
    expect(listed).toMatchObject([{ kind: 'failed', message: 'The backup at sign-out failed: no such folder. The station tries again.' }])
    expect(await shown(listed, 'pl')).toEqual(['Kopia zapasowa przy wylogowaniu: błąd (no such folder). Stanowisko próbuje ponownie.'])
  })

  it('names each background task that reports faults in both languages, and an unknown one by its English name', async () => {
    const faults = new Faults()
    const stops = ['Releasing due holds', 'The WAL checkpoint', 'The database check', 'The backup', 'Something new'].map((name) =>
      everyInterval(
        name,
        10,
        () => {
          throw new Error(`${name} broke`)
        },
        silent,
        faults
      )
    )
    onTestFinished(() => stops.forEach((stop) => stop()))
    await new Promise((resolve) => setTimeout(resolve, 60))
    const listed = await status(faults)
    expect((await shown(listed, 'pl')).sort()).toEqual([
      'Kopia zapasowa: błąd (The backup broke). Stanowisko próbuje ponownie.',
      'Something new: błąd (Something new broke). Stanowisko próbuje ponownie.',
      'Sprawdzanie bazy danych: błąd (The database check broke). Stanowisko próbuje ponownie.',
      'Zapis dziennika WAL do bazy: błąd (The WAL checkpoint broke). Stanowisko próbuje ponownie.',
      'Zwalnianie wstrzymań po terminie: błąd (Releasing due holds broke). Stanowisko próbuje ponownie.'
    ])
  })

  it("words the recovery station's damaged database in Polish", async () => {
    const t = openTestStation()
    const dataDir = t.dataDir
    t.close()
    damageHeader(join(dataDir, DATABASE_FILE))
    const r = openStation({ dataDir })
    onTestFinished(() => r.close())
    const answer = await dispatch(r.handlers, 'health:status', {}, silent)
    expect(answer).toMatchObject({
      ok: true,
      value: { faults: [{ kind: 'damaged', message: 'The database is damaged: a shift lead restores a backup.' }] }
    })
    const listed = (answer as { value: { faults: Fault[] } }).value.faults
    expect(await shown(listed, 'pl')).toEqual(['Baza danych jest uszkodzona: kierownik zmiany przywraca kopię zapasową.'])
  })
})
