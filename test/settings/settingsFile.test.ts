// Settings as one file: exported on one station and imported onto a fresh
// one through dispatch() (the role table and the contract's schemas in front),
// on real SQLite files. The OMS token and PINs never reach the file; a file
// with an unknown key, a wrong type or a newer version is refused and changes
// nothing; this station's id, name, SSCC numbering and printers stay unless asked.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/core/dispatch'
import { createOperator } from '../../src/main/core/operators/operators'
import type { Channel, Envelope } from '../../src/shared/contract'
import type { SettingsFile, SettingsFilePreview } from '../../src/shared/settingsFile'
import { wordSentence } from '../../src/shared/words'
import { i18n } from '../../src/renderer/src/i18n'
import { cleanup, openTestStation, snapshot, type TestStation } from '../core/helpers'

afterEach(cleanup)

const PIN = '48261937'
const TOKEN = 'oms-secret-7c1f9e2ab45d'
const approval = { badgeCode: 'OP-9001', pin: PIN }

const call = (t: TestStation, channel: Channel, args: unknown): Promise<Envelope<unknown>> => dispatch(t.handlers, channel, args, () => {})
async function ok<T>(t: TestStation, channel: Channel, args: unknown): Promise<T> {
  const answer = await call(t, channel, args)
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.code} ${answer.error.message}`)
  return answer.value as T
}

/** A station with its shift lead signed in. */
async function stationWithLead(): Promise<TestStation> {
  const t = openTestStation()
  const lead = createOperator(t.db, t.clock, { name: 'Dana Whitfield', badgeCode: 'OP-9001', role: 'shift_lead', pin: PIN }, null)
  createOperator(t.db, t.clock, { name: 'Marek Nowak', badgeCode: 'OP-1001', role: 'operator' }, lead)
  await ok(t, 'operators:signIn', approval)
  return t
}

/** Station A, set up the way IT wants every station. */
async function configuredStation(): Promise<TestStation> {
  const t = await stationWithLead()
  t.sqlite.prepare("insert or replace into settings (key, value) values ('stationName', '\"Hall 2 bench 1\"')").run()
  await ok(t, 'settings:saveStation', { handEntryPolicy: 'approval', feedbackVolume: 0.35, operatorSignInPin: true, approval })
  await ok(t, 'printing:saveSettings', {
    labelSize: '100x150mm',
    slipPaper: 'Letter',
    gs1: { companyPrefix: '4012345', extensionDigit: 3, firstSerial: 1000, lastSerial: 1999 },
    printers: {
      box_label: { type: 'network', host: '10.0.0.51', port: 9100, language: 'zpl', dpi: 203 },
      shipping_label: null,
      packing_slip: null
    },
    autoPrint: { boxLabel: true, shippingLabel: false },
    approval
  })
  await ok(t, 'sync:saveSettings', {
    omsUrl: 'https://oms.example.com',
    pullIntervalMinutes: 2,
    token: TOKEN,
    exportEnabled: false,
    exportFolder: null,
    approval
  })
  await ok(t, 'scanners:save', { keyboard: { prefixes: ['#'], suffixes: ['~'] }, serial: null, hid: null, approval })
  await ok(t, 'presets:save', { name: 'Phone box S', lengthMm: 200, widthMm: 150, heightMm: 100, maxWeightG: 3000, approval })
  await ok(t, 'settings:saveBackups', { everyMinutes: 15, keep: 30, folder: join(t.dataDir, 'backups-here'), approval })
  return t
}

const exportText = async (t: TestStation) => (await ok<{ path: string; text: string }>(t, 'settingsFile:export', { approval })).text
const stationIdOf = (t: TestStation) =>
  JSON.parse((t.sqlite.prepare("select value from settings where key = 'stationId'").get() as { value: string }).value)

describe('settings file', () => {
  it('exports to the data folder, without the OMS token or any PIN', async () => {
    const a = await configuredStation()
    const done = await ok<{ path: string; fileName: string; text: string }>(a, 'settingsFile:export', { approval })
    expect(done.path).toBe(join(a.dataDir, 'settings-exports', done.fileName))
    expect(readFileSync(done.path, 'utf8')).toBe(done.text)
    expect(done.text).not.toContain(TOKEN)
    expect(done.text).not.toContain(PIN)
    expect(done.text).not.toMatch(/"(pin|pinHash|pin_hash|token)"/i)
    const file = JSON.parse(done.text)
    expect(file).toMatchObject({ format: 'packing-station-settings', version: 1, station: { name: 'Hall 2 bench 1' } })
    expect(file.settings.oms.omsUrl).toBe('https://oms.example.com')
  })

  it('round trip onto a fresh station: the shared settings arrive, its own id, name, numbering and printers stay', async () => {
    const a = await configuredStation()
    const text = await exportText(a)
    const b = await stationWithLead()
    const idB = stationIdOf(b)

    const preview = await ok<SettingsFilePreview>(b, 'settingsFile:preview', { text, includeStation: false })
    expect(preview.from.stationId).toBe(stationIdOf(a))
    expect(preview.changes.map((c) => c.setting)).toEqual(
      expect.arrayContaining([
        'OMS · address',
        'Labels · GS1 company prefix',
        'Scanning · serials typed by hand',
        'Box preset · Phone box S'
      ])
    )
    expect(preview.kept.map((c) => c.setting)).toEqual(expect.arrayContaining(['Station · id', 'Station · name', 'Printer · box label']))
    expect(preview.notes.join(' ')).toContain('OMS token is never in a settings file')
    expect(preview.notes.join(' ')).toContain('two stations hand out the same SSCCs')

    await ok(b, 'settingsFile:import', { text, includeStation: false, approval })
    // B's own station values stayed; everything shared is now A's.
    expect(stationIdOf(b)).toBe(idB)
    const fileB = JSON.parse(await exportText(b))
    const fileA = JSON.parse(text)
    expect(fileB.settings).toEqual(fileA.settings)
    expect(fileB.station.name).toBeNull()
    expect(fileB.station.printers.box_label).toBeNull()
    expect(await ok(b, 'sync:settings', {})).toMatchObject({ omsUrl: 'https://oms.example.com', tokenStored: false })
    expect(await ok(b, 'settings:station', {})).toEqual({
      handEntryPolicy: 'approval',
      feedbackVolume: 0.35,
      operatorSignInPin: true,
      language: 'en'
    })
    // Importing the same file again changes nothing more.
    expect((await ok<SettingsFilePreview>(b, 'settingsFile:preview', { text, includeStation: false })).changes).toEqual([])
  })

  it('sends each row and note as catalogue words too, which the screen words in Polish', async () => {
    const a = await configuredStation()
    const text = await exportText(a)
    const b = await stationWithLead()
    const preview = await ok<SettingsFilePreview>(b, 'settingsFile:preview', { text, includeStation: false })
    const pl = i18n.getFixedT('pl')
    const rows = preview.changes.map((c) => [
      wordSentence(pl, c.words!.setting),
      wordSentence(pl, c.words!.now),
      wordSentence(pl, c.words!.file)
    ])
    expect(rows).toEqual(
      expect.arrayContaining([
        ['OMS · adres', 'brak (stanowisko bez OMS)', 'https://oms.example.com'],
        ['Skanowanie · numery wpisane ręcznie', 'Dozwolone', 'Z PIN-em kierownika zmiany'],
        ['Skanowanie · operatorzy logują się PIN-em', 'wyłączone', 'włączone'],
        ['Etykiety · rozmiar etykiety', '4 × 6 cali', '100 × 150 mm'],
        ['Szablon kartonu · Phone box S', 'brak', '200×150×100 mm, do 3000 g'],
        ['OMS · pobieraj zamówienia co', '5 min', '2 min']
      ])
    )
    // The English next to the words is the same rows' English, for the logs and an older screen.
    const en = i18n.getFixedT('en')
    for (const c of [...preview.changes, ...preview.kept])
      expect([c.setting, c.now, c.file]).toEqual([c.words!.setting, c.words!.now, c.words!.file].map((w) => wordSentence(en, w)))
    const notes = preview.noteWords!.map((w) => wordSentence(pl, w))
    expect(notes).toContain('Token OMS nigdy nie trafia do pliku ustawień: po imporcie wpisz go na ekranie Synchronizacja.')
    expect(notes.join(' ')).toMatch(
      /przejmuje numerację z pliku \(cyfra rozszerzenia 3, numery seryjne od 1000 do 1999\), taką samą jak stanowisko /
    )
    expect(preview.notes).toEqual(preview.noteWords!.map((w) => wordSentence(en, w)))
  })

  it('applies the station values too when asked (the id from the next start)', async () => {
    const a = await configuredStation()
    const text = await exportText(a)
    const b = await stationWithLead()
    const preview = await ok<SettingsFilePreview>(b, 'settingsFile:import', { text, includeStation: true, approval })
    expect(preview.kept).toEqual([])
    expect(preview.notes.join(' ')).toContain('applies from the next start')
    expect(stationIdOf(b)).toBe(stationIdOf(a))
    const fileB = JSON.parse(await exportText(b))
    expect(fileB.station).toMatchObject({
      name: 'Hall 2 bench 1',
      gs1Numbering: { extensionDigit: 3, firstSerial: 1000, lastSerial: 1999 }
    })
    expect(fileB.station.printers.box_label).toMatchObject({ host: '10.0.0.51' })
  })

  const refusals: [string, (file: SettingsFile) => unknown, RegExp][] = [
    ['an unknown key', (f) => ({ ...f, settings: { ...f.settings, colour: 'blue' } }), /does not know: settings\.colour/],
    [
      'an unknown key deep down',
      (f) => ({ ...f, settings: { ...f.settings, oms: { ...f.settings.oms, token: 'x' } } }),
      /settings\.oms\.token/
    ],
    [
      'a wrong type',
      (f) => ({ ...f, settings: { ...f.settings, backups: { everyMinutes: '15', keep: 30 } } }),
      /settings\.backups\.everyMinutes is wrong/
    ],
    [
      'a bad GS1 prefix',
      (f) => ({ ...f, settings: { ...f.settings, labels: { ...f.settings.labels, gs1CompanyPrefix: '12AB567' } } }),
      /7 to 10 digits/
    ],
    [
      'a plain-http OMS',
      (f) => ({ ...f, settings: { ...f.settings, oms: { ...f.settings.oms, omsUrl: 'http://oms.example.com' } } }),
      /https:\/\//
    ],
    ['a newer version', (f) => ({ ...f, version: 2 }), /newer version of Packing Station \(file version 2/],
    ['another kind of file', (f) => ({ ...f, format: 'something-else' }), /not a Packing Station settings file/]
  ]
  for (const [what, edit, message] of refusals) {
    it(`refuses a file with ${what} and changes nothing`, async () => {
      const a = await configuredStation()
      const text = JSON.stringify(edit(JSON.parse(await exportText(a))))
      const b = await stationWithLead()
      const before = snapshot(b.sqlite)
      for (const channel of ['settingsFile:preview', 'settingsFile:import'] as const) {
        const answer = await call(b, channel, { text, includeStation: true, ...(channel === 'settingsFile:import' ? { approval } : {}) })
        expect(answer.ok).toBe(false)
        if (!answer.ok) {
          expect(answer.error.code).toBe('settings_file')
          expect(answer.error.message).toMatch(message)
          expect(answer.error.message).toContain('Nothing was changed.')
        }
      }
      expect(snapshot(b.sqlite)).toEqual(before)
    })
  }

  it('refuses text that is not JSON, and a file whose export folder this station cannot use', async () => {
    const b = await stationWithLead()
    const before = snapshot(b.sqlite)
    const notJson = await call(b, 'settingsFile:import', { text: 'station=1', includeStation: false, approval })
    expect(notJson).toMatchObject({ ok: false, error: { code: 'settings_file', message: expect.stringContaining('not JSON') } })
    const a = await configuredStation()
    const file = JSON.parse(await exportText(a))
    file.settings.oms = { ...file.settings.oms, exportEnabled: true, exportFolder: 'relative/outbox' }
    const badFolder = await call(b, 'settingsFile:import', { text: JSON.stringify(file), includeStation: false, approval })
    expect(badFolder).toMatchObject({ ok: false, error: { message: expect.stringContaining('Nothing was changed.') } })
    expect(snapshot(b.sqlite)).toEqual(before)
  })

  it('needs a shift lead: preview signed in as one, export and import with an approval', async () => {
    const a = await configuredStation()
    const text = await exportText(a)
    const b = await stationWithLead()
    await ok(b, 'operators:signIn', { badgeCode: 'OP-1001' })
    expect(await call(b, 'settingsFile:preview', { text, includeStation: false })).toMatchObject({
      ok: false,
      error: { code: 'shift_lead_only' }
    })
    const wrong = await call(b, 'settingsFile:import', { text, includeStation: false, approval: { ...approval, pin: '00000000' } })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong_pin' } })
    expect(await call(b, 'settingsFile:export', {})).toMatchObject({ ok: false })
    expect(existsSync(join(b.dataDir, 'settings-exports'))).toBe(false)
  })
})
