// Two stations and one stand-in OMS on 127.0.0.1 for the order-claim tests:
// each station has its own data folder, name and operators, and has pulled
// the stand-in's orders; the stand-in runs on a clock the test moves.
import { pullOrders } from '../../src/main/core/sync/orderPull'
import { createClaimClient } from '../../src/main/core/sync/claimClient'
import { LEASE_SECONDS } from '../../src/main/core/sync/claimLease'
import type { ClaimDeps } from '../../src/main/core/sync/orderClaims'
import { readSyncSetting } from '../../src/main/core/sync/syncSettings'
import { setSetting } from '../../src/main/core/settings/settings'
import type { OmsDev } from '../../tools/oms-dev/server'
import {
  allProducts,
  createOperators,
  openTestStation,
  orderIdOf,
  orderRecord,
  snapshot,
  testClock,
  type TestStation
} from '../core/helpers'
import { createOmsClient } from '../../src/main/core/sync/omsClient'
import { ok, pointAt, standIn, stationIdOf } from '../sync/helpers'

export const LEAD_APPROVAL = { badgeCode: 'OP-9001', pin: '1234' }
export const OPERATOR_BADGE = { badgeCode: 'OP-1001', pin: '1234' }

export type ClaimStation = TestStation & { name: string; id: string; leadId: number; opId: number; deps: ClaimDeps }

/** The stand-in with `n` orders (OMS-1…), on a clock of its own. */
export async function warehouse(n = 2, token: string | null = null): Promise<{ oms: OmsDev; omsTime: ReturnType<typeof testClock> }> {
  const omsTime = testClock()
  const oms = await standIn({
    token,
    products: allProducts(),
    orders: Array.from({ length: n }, (_, i) => orderRecord(i + 1)),
    now: omsTime.clock
  })
  return { oms, omsTime }
}

/** A station named `name`, pointed at `url`, with the OMS's orders pulled and its operator signed in. */
export async function station(name: string, url: string, token: string | null = null): Promise<ClaimStation> {
  const t = openTestStation()
  setSetting(t.db, 'stationName', name)
  const { lead, op } = createOperators(t)
  await ok(t, 'operators:signIn', { operatorId: op.id })
  const sync = { omsUrl: url, pullIntervalMinutes: 5, exportEnabled: false, exportFolder: null, approval: LEAD_APPROVAL }
  await ok(t, 'sync:saveSettings', token ? { ...sync, token } : sync)
  pointAt(t, url, { statusCheckTimeoutMs: 2_000 })
  await pullOrders(t.db, t.clock, createOmsClient({ baseUrl: url, stationId: stationIdOf(t), token, timeoutMs: 2_000 }))
  const deps: ClaimDeps = {
    context: { db: t.db, clock: t.clock, signedIn: () => null, notify: () => {} },
    leaseSeconds: LEASE_SECONDS,
    client: () => {
      const baseUrl = readSyncSetting(t.db, 'oms').baseUrl
      return baseUrl ? createClaimClient({ baseUrl, stationId: stationIdOf(t), token, timeoutMs: 2_000 }) : null
    }
  }
  return { ...t, name, id: stationIdOf(t), leadId: lead.id, opId: op.id, deps }
}

export const orderOf = (s: TestStation, n = 1) => orderIdOf(s, `OMS-${n}`)

/** What a claim refusal must leave as it was (a wrong PIN is logged by design: the lock-out counts it). */
export function claimState(s: TestStation) {
  const all = snapshot(s.sqlite)
  const events = (all.events as { type: string }[]).filter((e) => e.type !== 'operator.pin_wrong')
  return {
    ...Object.fromEntries(['order_claims', 'orders', 'outbox', 'scanned_units', 'boxes'].map((table) => [table, all[table]])),
    events
  }
}

export const eventsOf = (s: TestStation, type: string) =>
  s.sqlite.prepare('select operator_id, order_id, reason from events where type = ? order by rowid').all(type) as {
    operator_id: number | null
    order_id: number
    reason: string | null
  }[]
