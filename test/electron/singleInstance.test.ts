// One station per PC: Electron's single-instance lock in src/main/index.ts,
// played with the stand-in electron module (the real binary is not on the
// test machines). A second launch quits before it opens anything; the first
// brings its window to the front when the second starts; a data folder that
// the browser host or the command line holds is refused in one sentence.
import { writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { LOCK_FILE, readHolder } from '../../src/main/core/dataLock'
import { DATA_DIR_ENV } from '../../src/main/core/paths'
import { cleanup, makeDataDir } from '../core/helpers'
import type * as ElectronStubModule from './electronStub'

vi.mock('electron', () => import('./electronStub'))

type ElectronStub = typeof ElectronStubModule

const saved = process.env[DATA_DIR_ENV]
afterAll(() => {
  if (saved === undefined) delete process.env[DATA_DIR_ENV]
  else process.env[DATA_DIR_ENV] = saved
  cleanup()
})

/** Starts src/main/index.ts afresh on `dataDir`, as Electron would; `first` is what the single-instance lock answers. */
async function launch(dataDir: string, first: boolean) {
  vi.resetModules()
  process.env[DATA_DIR_ENV] = dataDir
  // The module index.ts gets for `electron`: the stand-in, one instance for the whole file.
  const stub = (await import('electron')) as unknown as ElectronStub
  stub.recorded.windows.length = 0
  stub.recorded.ipcHandlers.clear()
  stub.recorded.appHandlers.clear()
  vi.clearAllMocks()
  stub.app.requestSingleInstanceLock.mockReturnValue(first)
  await import('../../src/main/index')
  stub.recorded.ready()
  await new Promise((resolve) => setTimeout(resolve, 50))
  return stub
}

describe('a second launch', () => {
  it('quits at once and opens neither a window nor the data folder', async () => {
    const dataDir = makeDataDir()
    const stub = await launch(dataDir, false)
    expect(stub.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1)
    expect(stub.app.quit).toHaveBeenCalled()
    expect(stub.recorded.windows).toHaveLength(0)
    expect(stub.recorded.ipcHandlers.size).toBe(0)
    expect(readHolder(join(dataDir, LOCK_FILE))).toBeNull()
  })

  it('brings the first station’s window to the front (restored if minimized)', async () => {
    const dataDir = makeDataDir()
    const stub = await launch(dataDir, true)
    await vi.waitFor(() => expect(stub.recorded.windows).toHaveLength(1))
    expect(readHolder(join(dataDir, LOCK_FILE))).toMatchObject({ pid: process.pid, program: 'Electron app' })
    const win = stub.recorded.windows[0]!
    win.minimized = true
    stub.emit(stub.recorded.appHandlers, 'second-instance', {}, ['electron', '.'], dataDir)
    expect(win.restore).toHaveBeenCalledTimes(1)
    expect(win.focus).toHaveBeenCalledTimes(1)
    expect(stub.app.quit).not.toHaveBeenCalled()
    stub.emit(stub.recorded.appHandlers, 'will-quit')
    expect(readHolder(join(dataDir, LOCK_FILE))).toBeNull()
  })

  it('refuses a data folder another station holds, in one sentence, and exits 1', async () => {
    const dataDir = makeDataDir()
    // The browser host of another user session on this PC (a live process: this test's parent).
    const holder = { pid: process.ppid, host: hostname(), since: '2026-11-21T08:00:00.000Z', program: 'browser host' }
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify(holder))
    const stub = await launch(dataDir, true)
    await vi.waitFor(() => expect(stub.app.exit).toHaveBeenCalledWith(1))
    expect(stub.dialog.showErrorBox).toHaveBeenCalledWith(
      'Packing Station',
      `The data folder ${dataDir} is already in use by another station (browser host, process ${process.ppid}, since 2026-11-21T08:00:00.000Z): close that one first.`
    )
    expect(stub.recorded.windows).toHaveLength(0)
    expect(readHolder(join(dataDir, LOCK_FILE))).toEqual(holder)
  })
})
