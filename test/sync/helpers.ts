// Shared pieces of the sync tests: a real stand-in OMS on 127.0.0.1 (closed
// after each test), a station pointed at it, and calls through dispatch().
import { dispatch } from '../../src/main/core/dispatch'
import { isoNow } from '../../src/main/core/clock'
import { recordExportedEvent } from '../../src/main/core/events/eventLog'
import { getSetting } from '../../src/main/core/settings/settings'
import { createOmsClient, type OmsClient } from '../../src/main/core/sync/omsClient'
import { writeSyncSetting } from '../../src/main/core/sync/syncSettings'
import { startOmsDev, type OmsDev, type OmsDevOptions } from '../../tools/oms-dev/server'
import { cleanup as cleanupStations, type TestStation } from '../core/helpers'

const servers: OmsDev[] = []

export async function standIn(options: OmsDevOptions = {}): Promise<OmsDev> {
  const oms = await startOmsDev({ hangMs: 5_000, ...options })
  servers.push(oms)
  return oms
}

/** afterEach: stations first (their sync stops), then the stand-ins. */
export async function cleanup(): Promise<void> {
  cleanupStations()
  await Promise.all(servers.splice(0).map((s) => s.close()))
}

export function pointAt(t: TestStation, url: string, settings: Record<string, number> = {}): void {
  writeSyncSetting(t.db, 'oms', { baseUrl: url, ...settings })
}

export function clientFor(t: TestStation, url: string, timeoutMs = 2_000): OmsClient {
  return createOmsClient({ baseUrl: url, stationId: stationIdOf(t), token: null, timeoutMs })
}

export const stationIdOf = (t: TestStation): string => getSetting(t.db, 'stationId')

export async function ok<T = unknown>(t: TestStation, channel: string, args: unknown = {}): Promise<T> {
  const envelope = await dispatch(t.handlers, channel, args, () => {})
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.code} ${envelope.error.message}`)
  return envelope.value as T
}

export async function refused(t: TestStation, channel: string, args: unknown = {}): Promise<{ code: string; message: string }> {
  const envelope = await dispatch(t.handlers, channel, args, () => {})
  if (envelope.ok) throw new Error(`${channel} was expected to refuse, but answered ${JSON.stringify(envelope.value).slice(0, 200)}`)
  return envelope.error
}

/** `n` outbox events spread over the given orders, as the workflows write them (each in its own transaction unless `together`). */
export function writeEvents(t: TestStation, orderIds: (number | null)[], n: number, together = false): string[] {
  const write = (i: number) =>
    t.db.transaction((tx) => {
      const orderId = orderIds[i % orderIds.length]
      recordExportedEvent(tx, { at: isoNow(t.clock), type: 'test.event', operatorId: null, orderId, payload: { seq: i, orderId } })
      t.time.advance(1)
    })
  if (together) t.db.transaction(() => Array.from({ length: n }, (_, i) => write(i)))
  else for (let i = 0; i < n; i++) write(i)
  return (t.sqlite.prepare('select id from outbox order by created_at, id').all() as { id: string }[]).map((row) => row.id)
}

export const outboxRows = (t: TestStation) =>
  t.sqlite
    .prepare('select id, order_id, attempts, sent_at, rejected_at, reject_reason, last_error from outbox order by created_at, id')
    .all() as {
    id: string
    order_id: number | null
    attempts: number
    sent_at: string | null
    rejected_at: string | null
    reject_reason: string | null
    last_error: string | null
  }[]
