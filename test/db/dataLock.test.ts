// One station per data folder (SPEC §9): the lock file in the data folder
// that the Electron app, the browser host and the command line all take. A
// second process on the same folder is refused in one sentence naming the
// folder and the holder, and exits non-zero; a lock whose holder is gone is
// taken over.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { LOCK_FILE, lockDataDir, readHolder } from '../../src/main/core/dataLock'
import { cleanup, makeDataDir, openTestStation } from '../core/helpers'
import { root, stationCli } from './dbHelpers'

afterEach(cleanup)

/** A pid no process has now: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''])
  await once(child, 'exit')
  return child.pid!
}

describe('the data folder lock', () => {
  it('names this process as the holder while the station runs, and goes with it', () => {
    const t = openTestStation()
    const holder = readHolder(join(t.dataDir, LOCK_FILE))
    expect(holder).toMatchObject({ pid: process.pid, host: hostname(), program: 'station' })
    expect(() => lockDataDir(t.dataDir, 'command line')).toThrow(
      new RegExp(
        `^The data folder ${t.dataDir} is already in use by another station \\(station, process ${process.pid}, since .*\\): close that one first\\.$`
      )
    )
    t.close()
    expect(readHolder(join(t.dataDir, LOCK_FILE))).toBeNull()
    lockDataDir(t.dataDir, 'command line').release()
  })

  it('takes over a lock whose holder is gone (a crash, a power cut)', async () => {
    const dataDir = makeDataDir()
    const pid = await deadPid()
    writeFileSync(
      join(dataDir, LOCK_FILE),
      JSON.stringify({ pid, host: hostname(), since: '2026-11-20T08:00:00.000Z', program: 'Electron app' })
    )
    const t = openTestStation(dataDir)
    expect(readHolder(join(dataDir, LOCK_FILE))).toMatchObject({ pid: process.pid })
    expect(readFileSync(join(dataDir, `${LOCK_FILE}.stale`), 'utf8')).toContain(`"pid":${pid}`)
    t.close()
  })

  it.runIf(process.platform === 'linux')('takes over a lock whose holder has ended but not been reaped (a zombie)', async () => {
    // sh starts a short child, then becomes a long sleep that never reaps it: the child stays a zombie meanwhile.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] })
    const [line] = (await once(parent.stdout!, 'data')) as [Buffer]
    const pid = Number(String(line).trim())
    try {
      await waitFor(() => readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z'))
      expect(() => process.kill(pid, 0)).not.toThrow()
      const dataDir = makeDataDir()
      writeFileSync(
        join(dataDir, LOCK_FILE),
        JSON.stringify({ pid, host: hostname(), since: '2026-11-30T08:00:00.000Z', program: 'station' })
      )
      const t = openTestStation(dataDir)
      expect(readHolder(join(dataDir, LOCK_FILE))).toMatchObject({ pid: process.pid })
      t.close()
    } finally {
      parent.kill('SIGKILL')
    }
  })

  it(
    'refuses a second command line on the same folder with one sentence and exit 1, and changes nothing',
    { timeout: 60_000 },
    async () => {
      const t = openTestStation()
      const orders = join(root, 'resources', 'sample-orders.json')
      const run = await stationCli('import', orders, '--data-dir', t.dataDir)
      expect(run.code).toBe(1)
      expect(run.stderr.trim()).toBe(
        `The data folder ${t.dataDir} is already in use by another station (station, process ${process.pid}, since ${readHolder(join(t.dataDir, LOCK_FILE))!.since}): close that one first.`
      )
      expect(t.sqlite.prepare('select count(*) as n from orders').get()).toEqual({ n: 0 })
      const restore = await stationCli('restore', join(t.dataDir, 'backups', 'any.db'), '--data-dir', t.dataDir)
      expect(restore.code).toBe(1)
      expect(restore.stderr).toContain('is already in use by another station')
    }
  )

  it('refuses a second browser host on the same folder with one sentence and exit 1', { timeout: 60_000 }, async () => {
    const t = openTestStation()
    const child = spawn(
      join(root, 'node_modules', '.bin', 'tsx'),
      [join(root, 'src', 'main', 'host', 'cli.ts'), '--data-dir', t.dataDir, '--port', '0'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    const [code] = (await once(child, 'exit')) as [number | null]
    expect(code, output).toBe(1)
    expect(output).toContain(`The data folder ${t.dataDir} is already in use by another station (station, process ${process.pid}`)
  })
})

async function waitFor(condition: () => boolean, rounds = 200): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    if (condition()) return
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error('timed out')
}
