// `npm run station -- evidence verify ORDER_NUMBER [--data-dir DIR]`: checks
// every recording of an order against its seal. Exit 0 when the clips,
// stills and markers are as sealed; 1 naming what changed; 2 when the order
// has no evidence. Reads files only: it runs beside a running station.
import { existsSync } from 'node:fs'
import { plainFileSecretStore } from '../sync/secretStore'
import { sessionsOf } from './evidenceFolder'
import { EVIDENCE_KEY } from './stationKey'
import { verifyEvidence } from './verify'
import { createPublicKey } from 'node:crypto'
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
  return pem ? createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString() : undefined
}
