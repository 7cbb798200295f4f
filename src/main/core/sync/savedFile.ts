// Files a shift lead asks the station to save (diagnostics, shift reports, the
// settings file): into a folder they name, checked like the export folder, or
// into one of the data folder's own; written to a hidden temp file and renamed,
// so nobody who reads the folder ever sees half a file.
import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { StationError, refuse } from '../errors'
import type { Sentence } from '../../../shared/words'
import { checkExportFolder } from './exportFolder'

/** What was not saved, in the callers' English, as its own sentence of the catalogue. */
const NOTHING_SAVED: Record<string, string> = {
  'Nothing was exported.': 'refusals:folders.nothingSaved.exported',
  'No report was saved.': 'refusals:folders.nothingSaved.report',
  'No dispute pack was written.': 'refusals:folders.nothingSaved.disputePack'
}

/**
 * A folder the shift lead named: the export folder's checks (a full path, writable, not a system tree, answering in
 * time); a refusal ends with `nothingSaved` ("Nothing was exported.": a sentence of NOTHING_SAVED above).
 */
export async function checkChosenFolder(folder: string, nothingSaved: string): Promise<void> {
  try {
    await checkExportFolder(folder, { purpose: 'chosen' })
  } catch (error) {
    if (!(error instanceof StationError)) throw error
    const problem: Sentence[] = [
      error.key
        ? ({ key: error.key, params: error.params } as Sentence)
        : { key: 'refusals:folders.problem', params: { problem: error.message } }
    ]
    const nothing: Sentence[] = [
      NOTHING_SAVED[nothingSaved]
        ? { key: NOTHING_SAVED[nothingSaved] }
        : { key: 'refusals:folders.problem', params: { problem: nothingSaved } }
    ]
    refuse('invalid_folder', { key: 'refusals:folders.chosenRefused', params: { problem, nothingSaved: nothing } })
  }
}

/** Where to save: the folder the shift lead named, once checked, else the data folder's own (made when missing). */
export async function saveFolder(chosen: string | null | undefined, own: string, nothingSaved = 'Nothing was exported.'): Promise<string> {
  if (chosen) {
    await checkChosenFolder(chosen, nothingSaved)
    return chosen
  }
  mkdirSync(own, { recursive: true })
  return own
}

/** A time in a file name: 20261130T081500Z. */
export const fileStamp = (iso: string): string => iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')

/** Writes `bytes` as `name` in `folder` (readable by this user only); returns the file's path. */
export async function saveFile(folder: string, name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(folder, name)
  const temp = join(folder, `.${name}.${randomUUID()}.tmp`)
  try {
    await writeFile(temp, bytes, { mode: 0o600 })
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  return path
}
