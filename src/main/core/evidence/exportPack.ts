// Builds an order's dispute pack from its sealed recordings and the station's
// database (./disputePack.ts, ./packSummary.ts). A recording not sealed yet
// (the station stopped mid-recording; it is sealed at the next start) is left
// out and named, never packed half-checked.
import { basename } from 'node:path'
import type { Db } from '../db/connection'
import { refuse } from '../errors'
import { sessionsOf } from './evidenceFolder'
import { isSealed, PACK_README, sessionEntries, writeZip, type PackEntry } from './disputePack'
import { packSummary } from './packSummary'
import { renderPackSummaryPdf } from './pdfPackSummary'

export type PackResult = { file: string; bytes: number; recordings: number; leftOut: string[] }

export async function exportDisputePack(
  db: Db,
  dataDir: string,
  order: { id: number; orderNumber: string },
  target: string,
  now: Date
): Promise<PackResult> {
  const folders = sessionsOf(dataDir, order.orderNumber)
  const sealed = folders.filter(isSealed)
  if (sealed.length === 0) {
    return refuse(
      'no_evidence',
      folders.length === 0
        ? { key: 'evidence:refusal.none', params: { orderNumber: order.orderNumber } }
        : { key: 'evidence:refusal.sealedAtNextStart', params: { orderNumber: order.orderNumber } }
    )
  }
  const sessions = sealed.map((folder, i) => sessionEntries(folder, i + 1))
  const summary = packSummary(
    db,
    order.id,
    sessions.map((s) => s.manifest),
    sessions.map((s) => s.video),
    now
  )
  const entries: PackEntry[] = [
    { name: 'README.txt', data: Buffer.from(PACK_README, 'utf8'), compress: true },
    { name: 'summary.pdf', data: await renderPackSummaryPdf(summary), compress: false },
    ...sessions.flatMap((s) => s.entries)
  ]
  const bytes = await writeZip(target, entries)
  return { file: target, bytes, recordings: sealed.length, leftOut: folders.filter((f) => !isSealed(f)).map((f) => basename(f)) }
}
