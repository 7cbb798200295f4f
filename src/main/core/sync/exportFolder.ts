// The file-export folder a shift lead enters (SPEC §7), checked before it is
// saved without ever stalling the station. Node's recursive mkdir loops
// forever where a parent exists but mkdir of the child answers ENOENT, as
// procfs does (strace: mkdir /proc/self/x ENOENT, mkdir /proc/self EEXIST,
// again and again): mkdirSync spins on the main thread, fs.promises.mkdir
// never settles and keeps a thread-pool thread busy. So nothing here uses
// `recursive`: system trees are refused before touching the disk, the folder
// is created one level at a time, and the whole check races a time limit for
// drives that do not answer (a stale network mount blocks in the kernel).
import { randomUUID } from 'node:crypto'
import { promises as nodeFs } from 'node:fs'
import path from 'node:path'
import { english, refuse, refusal, StationError, type Words } from '../errors'

/** The file-system calls the check makes; tests pass slow or failing ones. */
export type ExportFolderFs = Pick<typeof nodeFs, 'mkdir' | 'realpath' | 'stat' | 'writeFile' | 'unlink'>
/** `purpose`: the OMS export folder (the default), or a folder a shift lead chose to save a file into (worded "the folder"). */
export type ExportFolderOptions = { timeoutMs?: number; fs?: ExportFolderFs; purpose?: FolderPurpose }
export type FolderPurpose = 'export' | 'chosen'

/** The sentences that name the folder's purpose, one table per purpose. */
const EXPORT_FOLDER = {
  controlCharacters: 'refusals:folders.export.controlCharacters',
  notFullPath: 'refusals:folders.export.notFullPath',
  stuck: 'refusals:folders.export.stuck',
  timedOut: 'refusals:folders.export.timedOut'
} as const
const CHOSEN_FOLDER = {
  controlCharacters: 'refusals:folders.chosen.controlCharacters',
  notFullPath: 'refusals:folders.chosen.notFullPath',
  stuck: 'refusals:folders.chosen.stuck',
  timedOut: 'refusals:folders.chosen.timedOut'
} as const
const purposeKey = (purpose: FolderPurpose, sentence: keyof typeof EXPORT_FOLDER) =>
  (purpose === 'export' ? EXPORT_FOLDER : CHOSEN_FOLDER)[sentence]

const DEFAULT_TIMEOUT_MS = 3_000
/** Kernel views of processes, devices and drivers: files there are not files, and mkdir in them misbehaves. */
const SYSTEM_TREES = ['/proc', '/sys', '/dev']
/**
 * A timed-out check still holds one libuv thread-pool thread (4 by default, shared with dns.lookup, zlib and
 * crypto) until the kernel answers. While one is stuck, further checks are refused at once instead of taking more.
 */
const MAX_STUCK_CHECKS = 1
const stuckChecks = new WeakMap<ExportFolderFs, number>()

const systemTreeOf = (resolved: string): string | undefined =>
  SYSTEM_TREES.find((tree) => resolved === tree || resolved.startsWith(`${tree}/`))

/** Why this path, before anything on disk is looked at, cannot be the export (or chosen) folder; null when it may be. */
export function exportFolderPathWords(folder: string, purpose: FolderPurpose = 'export'): Words | null {
  if (/[\u0000-\u001f\u007f]/.test(folder)) return { key: purposeKey(purpose, 'controlCharacters') }
  if (!path.isAbsolute(folder)) return { key: purposeKey(purpose, 'notFullPath'), params: { folder } }
  const tree = systemTreeOf(path.resolve(folder))
  return tree ? { key: 'refusals:folders.insideSystemTree', params: { folder, tree } } : null
}

/** The same in English (the export's own check, for its log and status). */
export function exportFolderPathProblem(folder: string): string | null {
  const words = exportFolderPathWords(folder)
  return words && english(words)
}

/**
 * Refuses (`invalid_settings`, a sentence for the shift lead) an export folder the station could not write its
 * files into: a relative path, one in /proc, /sys or /dev (also through a symlink), one that cannot be created or
 * written, or one whose drive does not answer within the time limit. Creates the folder when it is missing.
 */
export async function checkExportFolder(folder: string, options: ExportFolderOptions = {}): Promise<void> {
  const purpose = options.purpose ?? 'export'
  const problem = exportFolderPathWords(folder, purpose)
  // The keys: EXPORT_FOLDER / CHOSEN_FOLDER above, and refusals:folders.insideSystemTree.
  if (problem) return refuse('invalid_settings', { key: problem.key, params: problem.params })
  const fs = options.fs ?? nodeFs
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  if ((stuckChecks.get(fs) ?? 0) >= MAX_STUCK_CHECKS) {
    return refuse('invalid_settings', { key: purposeKey(purpose, 'stuck') })
  }

  let timedOut = false
  const work = prepareFolder(fs, folder, () => timedOut)
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true
      stuckChecks.set(fs, (stuckChecks.get(fs) ?? 0) + 1)
      // The abandoned work ends when the kernel answers (no step of it loops); only then is its thread free again.
      void work.catch(() => undefined).finally(() => stuckChecks.set(fs, (stuckChecks.get(fs) ?? 1) - 1))
      reject(refusal('invalid_settings', { key: purposeKey(purpose, 'timedOut'), params: { folder, seconds: timeoutMs / 1000 } }))
    }, timeoutMs)
  })
  try {
    await Promise.race([work, limit])
  } finally {
    clearTimeout(timer)
  }
}

async function prepareFolder(fs: ExportFolderFs, folder: string, abandoned: () => boolean): Promise<void> {
  const step = async <T>(call: () => Promise<T>): Promise<T> => {
    // After the time limit nobody waits for the answer: stop before doing anything more to the disk.
    if (abandoned()) throw new Error('abandoned')
    return call()
  }
  // The longest existing ancestor, with its symlinks resolved: a link into /proc is caught before mkdir follows it.
  let existing = path.resolve(folder)
  const missing: string[] = []
  let real: string
  for (;;) {
    try {
      real = await step(() => fs.realpath(existing))
      break
    } catch (error) {
      const parent = path.dirname(existing)
      if (codeOf(error) !== 'ENOENT' || parent === existing) return cannotWrite(folder, error)
      missing.unshift(path.basename(existing))
      existing = parent
    }
  }
  const ancestorTree = systemTreeOf(real)
  if (ancestorTree) {
    return refuse('invalid_settings', {
      key: 'refusals:folders.linkIntoSystemTree',
      params: { folder, tree: ancestorTree, link: existing, real }
    })
  }

  let current = real
  for (const name of missing) {
    current = path.join(current, name)
    // One level at a time: a non-recursive mkdir answers once, whatever the file system does.
    try {
      await step(() => fs.mkdir(current))
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') return cannotWrite(folder, error)
    }
  }

  let target: string
  try {
    // Again, now that it exists: a dangling symlink on the way may have led somewhere else.
    target = await step(() => fs.realpath(current))
  } catch (error) {
    return cannotWrite(folder, error)
  }
  const targetTree = systemTreeOf(target)
  if (targetTree)
    return refuse('invalid_settings', { key: 'refusals:folders.leadsIntoSystemTree', params: { folder, tree: targetTree, real: target } })
  try {
    if (!(await step(() => fs.stat(target))).isDirectory()) {
      return refuse('invalid_settings', { key: 'refusals:folders.isAFile', params: { folder } })
    }
    // Write access as the export will use it (access() ignores read-only mounts and some ACLs); `wx` never overwrites.
    const probe = path.join(target, `.packing-station-write-check-${randomUUID()}`)
    await step(() => fs.writeFile(probe, '', { flag: 'wx' }))
    await step(() => fs.unlink(probe))
  } catch (error) {
    if (error instanceof StationError) throw error
    return cannotWrite(folder, error)
  }
}

const codeOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code

/** The file-system errors a shift lead can act on, each with its own sentence. */
const CANNOT_WRITE: Record<string, string> = {
  ENOTDIR: 'refusals:folders.cannotWrite.ENOTDIR',
  ENOENT: 'refusals:folders.cannotWrite.ENOENT',
  EACCES: 'refusals:folders.cannotWrite.EACCES',
  EPERM: 'refusals:folders.cannotWrite.EPERM',
  EROFS: 'refusals:folders.cannotWrite.EROFS',
  ENOSPC: 'refusals:folders.cannotWrite.ENOSPC',
  ELOOP: 'refusals:folders.cannotWrite.ELOOP'
}

function cannotWrite(folder: string, error: unknown): never {
  const code = codeOf(error)
  if (code && CANNOT_WRITE[code]) return refuse('invalid_settings', { key: CANNOT_WRITE[code], params: { folder } })
  const problem = code ?? (error as Error)?.message ?? String(error)
  return refuse('invalid_settings', { key: 'refusals:folders.cannotWrite.other', params: { folder, problem } })
}
