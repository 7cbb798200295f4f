// `npm run station -- evidence verify ORDER_NUMBER [--data-dir DIR]`: checks
// every recording of an order against its seal. Exit 0 when the clips,
// stills and markers are as sealed; 1 naming what changed; 2 when the order
// has no evidence. `evidence export ORDER_NUMBER --to FILE`: the dispute pack.
// Both only read (the database read-only): they run beside a running station.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { DATABASE_FILE } from '../core'
import * as schema from '../db/schema'
import { StationError } from '../errors'
import { exportDisputePack } from './exportPack'
import { plainFileSecretStore } from '../sync/secretStore'
import { sessionsOf } from './evidenceFolder'
import { EVIDENCE_KEY, publicKeyOf } from './stationKey'
import { verifyEvidence } from './verify'
import { basename } from 'node:path'

type Out = Pick<Console, 'log' | 'error'>

export async function verifyCommand(dataDir: string, orderNumber: string, out: Out): Promise<number> {
  const sessions = sessionsOf(dataDir, orderNumber)
  if (sessions.length === 0) {
    out.error(`There is no packing evidence for order ${orderNumber} in ${dataDir}.`)
    return 2
  }
  const station = stationPublicKey(dataDir)
  let intact = true
  for (const session of sessions) {
    const verdict = await verifyEvidence(session, station)
    const m = verdict.manifest
    const what = m
      ? `${m.startedAt} → ${m.stoppedAt}, ${m.chunks.length} chunks, ${m.markers.length} markers, ${m.stills.length} stills`
      : ''
    if (verdict.ok) out.log(`${orderNumber} ${basename(session)}: intact (${what})`)
    else {
      intact = false
      out.error(`${orderNumber} ${basename(session)}: NOT intact${what ? ` (${what})` : ''}`)
      for (const problem of verdict.problems) out.error(`  - ${problem}`)
    }
  }
  return intact ? 0 : 1
}

/** The station's public key, when its key is a file here (the keychain is Electron's; then the manifest's own key is checked). */
function stationPublicKey(dataDir: string): string | undefined {
  if (!existsSync(dataDir)) return undefined
  const pem = plainFileSecretStore(dataDir).get(EVIDENCE_KEY)
  return pem ? publicKeyOf(pem) : undefined
}

export async function exportCommand(dataDir: string, orderNumber: string, target: string, out: Out, now = new Date()): Promise<number> {
  const file = join(dataDir, DATABASE_FILE)
  if (!existsSync(file)) {
    out.error(`There is no station database in ${dataDir}.`)
    return 2
  }
  const sqlite = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const order = sqlite.prepare('SELECT id, order_number AS orderNumber FROM orders WHERE order_number = ?').get(orderNumber) as
      { id: number; orderNumber: string } | undefined
    if (!order) {
      out.error(`There is no order ${orderNumber} in ${dataDir}.`)
      return 2
    }
    const pack = await exportDisputePack(drizzle(sqlite, { schema }), dataDir, order, target, now)
    out.log(`${pack.file}: ${pack.recordings} recording(s), ${Math.round(pack.bytes / 1000).toLocaleString('en')} kB`)
    for (const left of pack.leftOut)
      out.error(`  left out: recording ${left} is not sealed yet (it is sealed when the station next starts)`)
    return 0
  } catch (error) {
    if (!(error instanceof StationError)) throw error
    out.error(error.message)
    return 2
  } finally {
    sqlite.close()
  }
}
