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

/** Sessions with no manifest: a recording the station stopped in the middle of (crash, power cut, kill). */
export function unsealedSessions(dataDir: string): string[] {
  const root = evidenceRoot(dataDir)
  if (!existsSync(root)) return []
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((order) => listSessions(join(root, order.name)))
    .filter((session) => !existsSync(join(session, MANIFEST_FILE)))
}

function listSessions(orderFolder: string): string[] {
  return readdirSync(orderFolder, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(orderFolder, d.name))
}
