// Writes a file so that a reader never sees half of it: the content goes to a
// hidden temp file in the same folder, is fsynced, then renamed over the final
// name (atomic on one file system), and the folder itself is fsynced so the
// rename survives a power cut.
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** The temp name for `path`: hidden and ending in .tmp, so export consumers never pick it up. */
export const tempPathFor = (path: string): string => join(dirname(path), `.${basename(path)}.tmp`)

export const isTempFile = (name: string): boolean => name.startsWith('.') && name.endsWith('.tmp')

export function writeFileAtomically(path: string, chunks: Iterable<string>, onChunk?: (written: number) => void): void {
  const temp = tempPathFor(path)
  const fd = openSync(temp, 'w', 0o644)
  try {
    let written = 0
    for (const chunk of chunks) {
      writeSync(fd, chunk)
      onChunk?.(++written)
    }
    fsyncSync(fd)
  } catch (error) {
    closeSync(fd)
    rmSync(temp, { force: true })
    throw error
  }
  closeSync(fd)
  renameSync(temp, path)
  syncFolder(dirname(path))
}

/** Removes temp files a crashed writer left behind (only those `mine` recognises). */
export function removeStaleTemps(folder: string, mine: (name: string) => boolean): void {
  for (const name of readdirSync(folder)) {
    if (isTempFile(name) && mine(name)) rmSync(join(folder, name), { force: true })
  }
}

function syncFolder(folder: string): void {
  let fd: number | undefined
  try {
    fd = openSync(folder, 'r')
    fsyncSync(fd)
  } catch {
    // Windows cannot open a folder for fsync; its rename is already durable (MoveFileEx).
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
