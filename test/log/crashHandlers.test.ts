// An uncaught exception or an unhandled rejection is logged and the station's
// process keeps running: checked in a child process, as Node would end it.
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, expect, it } from 'vitest'
import { LOG_FILE, logFolder } from '../../src/main/core/log/logger'
import { cleanup, makeDataDir } from '../core/helpers'

afterEach(cleanup)

const run = promisify(execFile)
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx')

it('logs an uncaught exception and an unhandled rejection, and the process stays up', async () => {
  const dataDir = makeDataDir()
  const { stdout } = await run(tsx, [join(import.meta.dirname, 'fixtures', 'crashChild.ts'), dataDir], { timeout: 20_000 })
  expect(stdout).toBe('alive\n')
  const entries = readFileSync(join(logFolder(dataDir), LOG_FILE), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { event?: string; level: number; err?: { message: string; stack: string } })
  const uncaught = entries.find((e) => e.event === 'uncaught_exception')
  expect(uncaught).toMatchObject({ level: 60, err: { message: 'a timer that throws' } })
  expect(uncaught?.err?.stack).toContain('crashChild.ts')
  expect(entries.find((e) => e.event === 'unhandled_rejection')).toMatchObject({ level: 50, err: { message: 'a promise nobody awaits' } })
}, 30_000)

it('without the handlers the same child dies (the test can fail)', async () => {
  const child = run(tsx, ['-e', "setTimeout(() => { throw new Error('x') }, 10); setTimeout(() => console.log('alive'), 200)"], {
    timeout: 20_000
  })
  await expect(child).rejects.toMatchObject({ code: 1 })
}, 30_000)
