// Where packing evidence lives: the data folder's evidence/, one folder per
// order (named by its order number, made safe for any file system) holding
// one folder per recording session, named by the session's time-ordered id:
//   evidence/SO-1001/0193…/clip.webm, journal.jsonl, manifest.json, stills/
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { MANIFEST_FILE } from './journal'

export const EVIDENCE_FOLDER = 'evidence'

export const evidenceRoot = (dataDir: string): string => join(dataDir, EVIDENCE_FOLDER)

/** An order number as a folder name: letters, digits, '-', '_' and '.' kept, anything else as '_' plus its code. */
export function orderFolderName(orderNumber: string): string {
  const safe = orderNumber.replace(/[^\w.-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`)
  return safe.startsWith('.') ? `_${safe}` : safe
}

export const orderEvidenceFolder = (dataDir: string, orderNumber: string): string =>
  join(evidenceRoot(dataDir), orderFolderName(orderNumber))

export const sessionFolder = (dataDir: string, orderNumber: string, sessionId: string): string =>
  join(orderEvidenceFolder(dataDir, orderNumber), sessionId)

/** An order's recording sessions, oldest first. */
export function sessionsOf(dataDir: string, orderNumber: string): string[] {
  const folder = orderEvidenceFolder(dataDir, orderNumber)
  return existsSync(folder) ? listSessions(folder).sort() : []
}

/** Every order folder under evidence/. */
export function orderFolders(dataDir: string): string[] {
  const root = evidenceRoot(dataDir)
  if (!existsSync(root)) return []
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(root, d.name))
}

/** Every recording session under evidence/, with the order folder it is in. */
export function allSessions(dataDir: string): { orderFolder: string; folder: string }[] {
  return orderFolders(dataDir).flatMap((orderFolder) => listSessions(orderFolder).map((folder) => ({ orderFolder, folder })))
}

/** Sessions with no manifest: a recording the station stopped in the middle of (crash, power cut, kill). */
export function unsealedSessions(dataDir: string): string[] {
  return allSessions(dataDir)
    .map((s) => s.folder)
    .filter((session) => !existsSync(join(session, MANIFEST_FILE)))
}

function listSessions(orderFolder: string): string[] {
  return readdirSync(orderFolder, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(orderFolder, d.name))
}
