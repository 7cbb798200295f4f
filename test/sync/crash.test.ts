// Processes that die at the worst moment: the relay killed (SIGKILL) while the
// OMS has committed a batch but not answered, and the file export killed
// half-way through writing a file. Nothing is lost, nothing is doubled, and a
// consumer of the export folder never sees a partial file.
import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { lockDataDir } from '../../src/main/core/dataLock'
import { isTempFile } from '../../src/main/core/sync/atomicFile'
import { exportEvents } from '../../src/main/core/sync/fileExport'
import { allProducts, importRecords, makeDataDir, openTestStation, orderIdOf, orderRecord } from '../core/helpers'
import { cleanup, ok, outboxRows, pointAt, stationIdOf, standIn, writeEvents } from './helpers'

const root = resolve(import.meta.dirname, '../..')
const children: ChildProcess[] = []

afterEach(async () => {
  for (const child of children.splice(0)) {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      // The group is gone already.
    }
  }
  await cleanup()
})

function run(script: string, args: string[]): { child: ChildProcess; said: (line: string) => Promise<void> } {
  const child = spawn(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), join(import.meta.dirname, 'fixtures', script), ...args],
    // Its own process group: tsx's command line runs the script in a second process, and a SIGKILL of the
    // first alone would leave the station running (and holding the data folder's lock). The group dies whole.
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true }
  )
  children.push(child)
  let output = ''
  child.stdout!.on('data', (chunk) => (output += String(chunk)))
  child.stderr!.on('data', (chunk) => (output += String(chunk)))
  const said = (line: string) =>
    new Promise<void>((resolvePromise, reject) => {
      const check = () => {
        if (output.includes(line)) return resolvePromise()
        if (child.exitCode !== null) return reject(new Error(`${script} exited before saying ${line}:\n${output}`))
        setTimeout(check, 20)
      }
      check()
    })
  return { child, said }
}

/** Kills the child's whole process group, and waits until the station in it no longer holds `dataDir`. */
async function killed(child: ChildProcess, dataDir: string): Promise<void> {
  await new Promise<void>((resolvePromise) => {
    child.once('exit', () => resolvePromise())
    process.kill(-child.pid!, 'SIGKILL')
  })
  // The station runs in tsx's second process, which may outlive its parent's exit event by a moment.
  await until('the killed station to let go of its data folder', () => {
    try {
      lockDataDir(dataDir, 'crash test').release()
      return true
    } catch {
      return false
    }
  })
}

async function until(what: string, condition: () => boolean | Promise<boolean>, rounds = 600) {
  for (let i = 0; i < rounds; i++) {
    if (await condition()) return
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe('crashes', () => {
  it(
    'loses and doubles nothing when the relay is killed after the OMS committed a batch and before it answered',
    { timeout: 60_000 },
    async () => {
      const oms = await standIn({ failure: { timeoutRate: 1 }, hangMs: 60_000 })
      const dataDir = makeDataDir()
      const t = openTestStation(dataDir)
      importRecords(t, [orderRecord(1), orderRecord(2)], allProducts())
      const ids = writeEvents(t, [orderIdOf(t, 'OMS-1'), orderIdOf(t, 'OMS-2')], 120)
      pointAt(t, oms.url, { batchSize: 50, backoffBaseMs: 10, backoffCapMs: 200, requestTimeoutMs: 60_000 })
      t.close()

      const { child, said } = run('stationChild.ts', [dataDir])
      await said('OPEN')
      await until('the OMS to commit the first batch', () => oms.store.received.size >= 50)
      await killed(child, dataDir)
      expect(oms.store.received.size).toBe(50)

      // Restart: the station finds every event still waiting (none was acknowledged) and sends them all.
      oms.setFailure({ timeoutRate: 0 })
      const restarted = openTestStation(dataDir)
      expect(outboxRows(restarted).filter((r) => r.sent_at === null)).toHaveLength(120)
      await until('the outbox to drain', async () => (await ok<{ waiting: number }>(restarted, 'sync:status')).waiting === 0)

      expect([...oms.store.received.keys()].sort()).toEqual([...ids].sort())
      expect(oms.store.tally).toEqual({ accepted: 120, duplicate: 50, rejected: 0 })
      expect(outboxRows(restarted).every((r) => r.sent_at !== null)).toBe(true)
    }
  )

  it(
    'never leaves a partial export file where a consumer would pick it up when the export dies mid-write',
    { timeout: 60_000 },
    async () => {
      const dataDir = makeDataDir()
      const folder = join(makeDataDir(), 'oms-export')
      const t = openTestStation(dataDir)
      importRecords(t, [orderRecord(1)], allProducts())
      const ids = writeEvents(t, [orderIdOf(t, 'OMS-1'), null], 2_500, true)
      const stationId = stationIdOf(t)
      t.close()

      const { child, said } = run('exportChild.ts', [dataDir, folder, '400'])
      await said('MID-WRITE')
      await killed(child, dataDir)

      const picked = () => readdirSync(folder).filter((name) => !isTempFile(name))
      const temps = readdirSync(folder).filter(isTempFile)
      expect(picked()).toEqual([])
      // It really died mid-write: the hidden temp file holds part of the events.
      expect(temps).toHaveLength(1)
      const partial = readFileSync(join(folder, temps[0]!), 'utf8').split('\n').length - 1
      expect(partial).toBeGreaterThan(0)
      expect(partial).toBeLessThan(1_000)

      const again = openTestStation(dataDir)
      expect(outboxRows(again).length).toBe(2_500)
      expect(again.sqlite.prepare('select count(*) n from outbox where exported_at is not null').get()).toEqual({ n: 0 })
      const outcome = exportEvents(again.db, again.clock, stationId, folder)
      expect(outcome).toMatchObject({ events: 2_500 })
      expect(outcome.files).toHaveLength(3)
      expect(readdirSync(folder).filter(isTempFile)).toEqual([])

      // Every picked-up file is whole: complete JSON lines, each event exactly once.
      const lines = picked()
        .filter((name) => name.endsWith('.ndjson'))
        .flatMap((name) => {
          const text = readFileSync(join(folder, name), 'utf8')
          expect(text.endsWith('\n')).toBe(true)
          return text.slice(0, -1).split('\n')
        })
      const events = lines.map((line) => JSON.parse(line) as { id: string; stationId: string })
      expect(events.map((e) => e.id)).toEqual(ids)
      expect(events.every((e) => e.stationId === stationId)).toBe(true)
      expect(again.sqlite.prepare('select count(*) n from outbox where exported_at is null').get()).toEqual({ n: 0 })
    }
  )
})
