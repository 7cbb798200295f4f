// A damaged database (SPEC §9), found at start-up and from the command line:
// bytes damaged in the middle, or a damaged header. `check` says so in one
// sentence and names the newest good backup; `restore` puts it back and keeps
// the damaged file aside; the station opens a recovery station that answers
// nothing but the recovery screen until a shift lead restores the backup.
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { dispatch } from '../../src/main/core/dispatch'
import { DATABASE_FILE, openStation } from '../../src/main/station'
import { cleanup, createOperators, importRecords, makeDataDir, openTestStation, orderRecord } from '../core/helpers'
import { damageHeader, damageMiddle, stationCli } from './dbHelpers'

afterEach(cleanup)

const silent = () => {}
const DANA = { badgeCode: 'OP-9001', pin: '1234' }

/**
 * A station with orders, a backup taken by the command line, then more orders after it; closed. Built once for the
 * file (the command line is a child process of its own, and 200 orders): every test damages and restores a copy.
 */
let built: { dataDir: string; backup: string }

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ps-test-recovery-'))
  const t = openTestStation(dataDir)
  createOperators(t)
  importRecords(
    t,
    Array.from({ length: 200 }, (_, i) => orderRecord(i + 1))
  )
  t.close()
  const run = await stationCli('backup', '--data-dir', dataDir)
  expect(run).toMatchObject({ code: 0, stderr: '' })
  const backup = run.stdout.trim()
  expect(backup).toMatch(/backups\/station-.*Z\.db$/)
  const again = openTestStation(dataDir)
  // Imported after the backup: what a restore would lose (stamped after the backup's time).
  again.time.set(Date.now() + 60_000)
  importRecords(again, [orderRecord(1001), orderRecord(1002)])
  again.close()
  built = { dataDir, backup }
}, 120_000)

afterAll(() => rmSync(built.dataDir, { recursive: true, force: true }))

/** A copy of the built station in a fresh folder of the test's own, and its backup there. */
function stationWithBackup(): { t: { dataDir: string }; backup: string } {
  const dataDir = makeDataDir()
  cpSync(built.dataDir, dataDir, { recursive: true, preserveTimestamps: true })
  return { t: { dataDir }, backup: join(dataDir, relative(built.dataDir, built.backup)) }
}

describe('npm run station -- check / restore', () => {
  for (const [what, damage] of [
    ['bytes damaged in the middle', damageMiddle],
    ['a damaged header', damageHeader]
  ] as const) {
    it(`finds ${what}, names the newest good backup, restores it and keeps the damaged file aside`, { timeout: 60_000 }, async () => {
      const { t, backup } = stationWithBackup()
      expect(await stationCli('check', '--data-dir', t.dataDir)).toMatchObject({ code: 0, stdout: expect.stringContaining('is whole') })
      const file = join(t.dataDir, DATABASE_FILE)
      damage(file)

      const check = await stationCli('check', '--data-dir', t.dataDir)
      expect(check.code).toBe(1)
      expect(check.stderr).toContain(`The database ${file} is damaged`)
      expect(check.stderr).toContain(`The newest good backup is ${backup}`)

      const restore = await stationCli('restore', backup, '--data-dir', t.dataDir)
      expect(restore).toMatchObject({ code: 0, stderr: '' })
      const aside = readdirSync(t.dataDir).find((name) => name.startsWith(`${DATABASE_FILE}.damaged-`))
      expect(aside).toBeDefined()
      expect(restore.stdout).toContain(`kept as ${join(t.dataDir, aside!)}`)
      expect(await stationCli('check', '--data-dir', t.dataDir)).toMatchObject({ code: 0 })

      const restored = openTestStation(t.dataDir)
      expect(restored.sqlite.prepare('select count(*) as n from orders').get()).toEqual({ n: 200 })
    })
  }

  it('refuses a restore from a damaged backup and changes nothing', async () => {
    const { t, backup } = stationWithBackup()
    damageHeader(backup)
    const restore = await stationCli('restore', backup, '--data-dir', t.dataDir)
    expect(restore.code).toBe(1)
    expect(restore.stderr).toContain('Choose another backup. Nothing was changed.')
    expect(readdirSync(t.dataDir).filter((name) => name.includes('damaged'))).toEqual([])
    expect(await stationCli('check', '--data-dir', t.dataDir)).toMatchObject({ code: 0 })
  })
})

describe('the recovery station', () => {
  it(
    'opens on a damaged database, answers only recovery, and restores with a shift lead from the backup',
    { timeout: 60_000 },
    async () => {
      const { t, backup } = stationWithBackup()
      damageMiddle(join(t.dataDir, DATABASE_FILE))
      const r = openStation({ dataDir: t.dataDir })
      onTestFinished(() => r.close())
      const call = (channel: string, args: unknown) => dispatch(r.handlers, channel, args, silent)
      expect(() => r.connection).toThrow(/is damaged/)

      expect(await call('orders:list', {})).toMatchObject({ ok: false, error: { code: 'database_damaged' } })
      expect(await call('operators:signIn', { badgeCode: 'OP-1001' })).toMatchObject({ ok: false, error: { code: 'database_damaged' } })
      expect(await call('health:status', {})).toMatchObject({ ok: true, value: { faults: [{ kind: 'damaged' }] } })
      const state = await call('recovery:state', {})
      expect(state).toMatchObject({
        ok: true,
        value: { damaged: true, problem: expect.stringContaining('is damaged'), newestGood: { file: backup, takenAt: expect.any(String) } }
      })

      // The approval is checked against the backup: an operator's badge and a wrong PIN are refused, nothing changes.
      const refusedBadge = await call('recovery:restore', { file: backup, approval: { badgeCode: 'OP-1001', pin: '1234' } })
      expect(refusedBadge).toMatchObject({ ok: false, error: { code: 'unknown_operator' } })
      expect(await call('recovery:restore', { file: backup, approval: { ...DANA, pin: '9999' } })).toMatchObject({
        ok: false,
        error: { code: 'wrong_pin' }
      })
      expect(await call('recovery:restore', { file: '/etc/passwd', approval: DANA })).toMatchObject({
        ok: false,
        error: { code: 'not_found' }
      })
      expect(readdirSync(t.dataDir).filter((name) => name.includes('damaged'))).toEqual([])

      const restored = await call('recovery:restore', { file: backup, approval: DANA })
      expect(restored).toMatchObject({ ok: true, value: { restoredFrom: backup, keptAs: expect.stringContaining('.damaged-') } })
      expect(existsSync((restored as { value: { keptAs: string } }).value.keptAs)).toBe(true)
      // The station now runs on the backup, in place.
      expect(await call('recovery:state', {})).toMatchObject({ ok: true, value: { damaged: false } })
      expect(await call('operators:signIn', { badgeCode: 'OP-1001' })).toMatchObject({ ok: true })
      expect(await call('orders:list', {})).toMatchObject({ ok: true })
      expect(await call('health:status', {})).toEqual({ ok: true, value: { faults: [] } })
      expect(await call('app:info', {})).toMatchObject({ ok: true, value: { orderCount: 200 } })
    }
  )
})
