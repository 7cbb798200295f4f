// `npm start` on a PC without Electron's program: one plain sentence and the
// browser alternative, exit 1 — not electron-vite's "Error: Electron uninstall".
import { execFile } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, expect, it } from 'vitest'
import { cleanup, makeDataDir } from '../core/helpers'

afterEach(cleanup)

const run = promisify(execFile)
const start = join(process.cwd(), 'tools', 'start.mjs')

async function startWith(electronDir: string): Promise<{ code: number; stderr: string; stdout: string }> {
  const env = { ...process.env, PACKING_STATION_ELECTRON_DIR: electronDir, ELECTRON_OVERRIDE_DIST_PATH: '' }
  try {
    const { stdout, stderr } = await run(process.execPath, [start], { env, timeout: 20_000 })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

const expectPlainMessage = (result: { code: number; stderr: string; stdout: string }) => {
  expect(result.code).toBe(1)
  expect(result.stdout).toBe('')
  expect(result.stderr).toContain("cannot open its desktop window because Electron's program is not installed on this PC")
  expect(result.stderr).toContain('npm run dev:web')
  expect(result.stderr).not.toMatch(/Error: Electron uninstall|at .*\.js:\d+/)
  expect(result.stderr.trim().split('\n')).toHaveLength(2)
}

it('says so plainly when the electron package never downloaded its binary', async () => {
  expectPlainMessage(await startWith(makeDataDir()))
})

it('says so plainly when path.txt names a binary that is not there', async () => {
  const dir = makeDataDir()
  writeFileSync(join(dir, 'path.txt'), 'electron')
  mkdirSync(join(dir, 'dist'))
  expectPlainMessage(await startWith(dir))
})
