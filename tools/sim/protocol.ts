// What the warehouse simulation and one station process say to each other
// over Node's IPC channel (child_process.fork). The station process answers
// contract calls through dispatch(), exactly as a host does, plus two
// requests of the simulation itself: the end-of-run audit and a clean close.
import type { Envelope } from '../../src/shared/contract'

/** One row of a station's outbox, as the audit reads it. */
export type OutboxAudit = {
  id: string
  type: string
  omsOrderId: string | null
  /** Acknowledged by the OMS (accepted or duplicate). */
  sent: boolean
  rejected: boolean
  rejectReason: string | null
  /** The serials a box.confirmed reports (empty for other events). */
  serials: string[]
}

/** A unit live at the station (not removed), where it is. */
export type UnitAudit = { serial: string; omsOrderId: string; orderStatus: string; boxStatus: string | null }

/** What a station holds at the end of a run, read from its own database. */
export type StationAudit = {
  stationId: string
  outbox: OutboxAudit[]
  units: UnitAudit[]
  /** Orders the station worked on (any status but ready / on hold). */
  orders: { omsOrderId: string; status: string }[]
}

export type ToStation =
  { kind: 'call'; id: number; channel: string; args: unknown } | { kind: 'audit'; id: number } | { kind: 'close'; id: number }

export type FromStation =
  | { kind: 'ready'; stationId: string; pid: number }
  | { kind: 'answer'; id: number; envelope: Envelope<unknown> }
  | { kind: 'audit'; id: number; audit: StationAudit }
  | { kind: 'closed'; id: number }
  | { kind: 'failed'; message: string }

/** The sync settings a simulated station runs with: events go within a second, orders are pulled every 10 s (the minimum). */
export const SIM_SYNC = { pushIntervalSeconds: 1, pullIntervalSeconds: 10 } as const
