// The export-folder check: every refusal is a StationError `invalid_settings`
// with a sentence for the shift lead, and none of them can stall the station.
// Paths in /proc, /sys and /dev are refused before the disk is touched (an
// fs that records its calls proves it); a symlink into /proc is caught by
// resolving the longest existing ancestor; a drive that does not answer (a
// mkdir that never settles, injected) is refused once the time limit passes.
import { existsSync, mkdirSync, promises as realFs, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { StationError } from '../../src/main/core/errors'
import { checkExportFolder, exportFolderPathProblem, type ExportFolderFs } from '../../src/main/core/sync/exportFolder'
import { cleanup, makeDataDir } from '../core/helpers'

afterEach(cleanup)

const LIVE_STATE = "which holds the system's live state, not files: choose a folder on a disk, e.g. /srv/oms/outbox."

async function refusal(promise: Promise<unknown>): Promise<StationError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(StationError)
  expect((error as StationError).code).toBe('invalid_settings')
  return error as StationError
}

/** An fs whose every call is recorded and then handed to the real one (or to `override`). */
function recordingFs(override: Partial<ExportFolderFs> = {}) {
  const calls: string[] = []
  const wrap =
    <K extends keyof ExportFolderFs>(name: K) =>
    (...args: unknown[]) => {
      calls.push(`${name} ${String(args[0])}`)
      const fn = (override[name] ?? realFs[name]) as (...a: unknown[]) => unknown
      return fn(...args)
    }
  const names = ['mkdir', 'realpath', 'stat', 'writeFile', 'unlink'] as const
  const fs = Object.fromEntries(names.map((name) => [name, wrap(name)])) as unknown as ExportFolderFs
  return { fs, calls }
}

describe('paths that are never an export folder', () => {
  it.each([
    ['/proc/self/x', '/proc'],
    ['/proc', '/proc'],
    ['/sys/x', '/sys'],
    ['/dev/x', '/dev'],
    ['/dev/shm/oms', '/dev'],
    ['/srv/../proc/self/x', '/proc'],
    ['//sys//kernel/x', '/sys']
  ])('%s is refused before the disk is touched', { timeout: 2_000 }, async (folder, tree) => {
    const { fs, calls } = recordingFs()
    const error = await refusal(checkExportFolder(folder, { fs }))
    expect(error.message).toBe(`${folder} is inside ${tree}, ${LIVE_STATE}`)
    expect(calls).toEqual([])
  })

  // Node's recursive mkdir loops forever there: procfs answers ENOENT for the child of a parent that exists.
  it('/proc/self/x with the real file system answers at once', { timeout: 2_000 }, async () => {
    const error = await refusal(checkExportFolder('/proc/self/x'))
    expect(error.message).toMatch(/^\/proc\/self\/x is inside \/proc/)
    expect(existsSync('/proc/self/x')).toBe(false)
  })

  const relative = ['exports/oms', './out', '../outbox', 'out']
  it.each(relative)('a relative path (%s) is refused: it would depend on the folder the app started in', async (folder) => {
    const { fs, calls } = recordingFs()
    const error = await refusal(checkExportFolder(folder, { fs }))
    expect(error.message).toBe(`The export folder must be a full path (e.g. C:\\OMS\\outbox or /srv/oms/outbox), not "${folder}".`)
    expect(calls).toEqual([])
  })

  it('control characters (a NUL byte, a newline) are refused', async () => {
    for (const folder of ['/srv/oms\u0000/x', '/srv/oms\nout']) {
      expect((await refusal(checkExportFolder(folder))).message).toBe('The export folder cannot contain control characters.')
    }
    expect(exportFolderPathProblem('/srv/oms/outbox')).toBeNull()
  })

  it('a symlink into /proc or /dev is caught through the longest existing ancestor, before any mkdir', { timeout: 2_000 }, async () => {
    const dir = makeDataDir()
    symlinkSync('/proc', join(dir, 'proc-link'))
    symlinkSync('/proc/self', join(dir, 'self-link'))
    symlinkSync('/dev', join(dir, 'dev-link'))
    const { fs, calls } = recordingFs()

    const viaProc = await refusal(checkExportFolder(join(dir, 'proc-link', 'self', 'x'), { fs }))
    expect(viaProc.message).toBe(
      `${join(dir, 'proc-link', 'self', 'x')} leads into /proc (${join(dir, 'proc-link', 'self')} is /proc/${process.pid}), ` + LIVE_STATE
    )
    expect((await refusal(checkExportFolder(join(dir, 'self-link'), { fs }))).message).toMatch(/ leads into \/proc \(.* is \/proc\/\d+\)/)
    const viaDev = await refusal(checkExportFolder(join(dir, 'dev-link', 'shm', 'oms'), { fs }))
    expect(viaDev.message).toMatch(/ leads into \/dev \(.*dev-link\/shm is \/dev\/shm\)/)
    expect(calls.filter((c) => !c.startsWith('realpath '))).toEqual([])
  })
})

describe('folders on a disk', () => {
  it('a missing nested folder is created, checked with a probe file that is removed, and accepted; again when it exists', async () => {
    const folder = join(makeDataDir(), 'oms', 'outbox', 'station-1')
    await expect(checkExportFolder(folder)).resolves.toBeUndefined()
    expect(statSync(folder).isDirectory()).toBe(true)
    expect(readdirSync(folder)).toEqual([])
    await expect(checkExportFolder(folder)).resolves.toBeUndefined()
    expect(readdirSync(folder)).toEqual([])
  })

  it('a path through a regular file (ENOTDIR) and a file in place of the folder are refused, nothing created', async () => {
    const dir = makeDataDir()
    writeFileSync(join(dir, 'afile'), 'not a folder')
    const through = await refusal(checkExportFolder(join(dir, 'afile', 'sub')))
    expect(through.message).toBe(
      `The station cannot write to ${join(dir, 'afile', 'sub')} (ENOTDIR: part of that path is a file, not a folder). ` +
        'Choose another folder or ask IT for access.'
    )
    const file = await refusal(checkExportFolder(join(dir, 'afile')))
    expect(file.message).toBe(`${join(dir, 'afile')} is a file, not a folder: choose a folder for the export files.`)
    expect(readdirSync(dir)).toEqual(['afile'])
  })

  it('a folder the station cannot write (the probe file is refused) is refused with the reason', async () => {
    const folder = join(makeDataDir(), 'read-only')
    mkdirSync(folder)
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
    const { fs } = recordingFs({ writeFile: (() => Promise.reject(denied)) as never })
    const error = await refusal(checkExportFolder(folder, { fs }))
    expect(error.message).toBe(`The station cannot write to ${folder} (EACCES: no permission). Choose another folder or ask IT for access.`)
  })
})

describe('a drive that does not answer', () => {
  it('is refused once the time limit passes; while its mkdir is stuck, the next check is refused at once', { timeout: 3_000 }, async () => {
    const folder = join(makeDataDir(), 'nfs', 'outbox')
    let release: () => void = () => undefined
    const stuck = new Promise<void>((resolve) => (release = resolve))
    const { fs, calls } = recordingFs({ mkdir: (() => stuck) as never })

    const error = await refusal(checkExportFolder(folder, { fs, timeoutMs: 200 }))
    expect(error.message).toBe(
      `The station could not check the export folder ${folder} within 0.2 s: its drive does not answer ` +
        '(a network drive that is offline?). Choose another folder or check the drive.'
    )
    const callsSoFar = calls.length
    const again = await refusal(checkExportFolder(folder, { fs, timeoutMs: 200 }))
    expect(again.message).toMatch(/^An earlier check of an export folder is still waiting for its drive/)
    expect(calls).toHaveLength(callsSoFar)

    // The drive answers at last: the abandoned check stops there (no probe file), and checks run again.
    release()
    await new Promise((r) => setTimeout(r, 20))
    expect(calls.filter((c) => !c.startsWith('realpath ') && !c.startsWith('mkdir '))).toEqual([])
    const after = await refusal(checkExportFolder(folder, { fs, timeoutMs: 1_000 }))
    expect(after.message).toMatch(/^The station cannot write to .*\(ENOENT: it cannot be created there\)/)
    await expect(checkExportFolder(folder, { fs: recordingFs().fs, timeoutMs: 1_000 })).resolves.toBeUndefined()
  })
})
