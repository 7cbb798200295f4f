// What a scan asks for and what it answers (SPEC §5), shared by the serial
// scan (scanUnit) and the non-serialized one (nonSerialized).
import type { ScanOutcome } from '../../../shared/scanning'
import type { ScanCode, ScanParams } from '../../../shared/scanWords'
import { said, type ScanWords } from './scanWords'

export type ScanInput = {
  orderId: number
  input: string
  orderLineId?: number
  operatorId: number
  entryMethod?: 'scanned' | 'typed'
  /** Second step of a dual-IMEI unit: IMEI 1, already checked, waiting for its IMEI 2 (this scan). */
  firstImei?: string
  /** The shift lead who approved a typed serial (hand-entry policy "with approval"). */
  approvedBy?: { id: number; name: string }
}

export type ScanCommit = {
  outcome: ScanOutcome
  /** What the answer says, for the screens to word (src/shared/scanWords.ts); `message` is its English sentence. */
  code: ScanCode
  params: ScanParams
  message: string
  serial: string | null
  orderLineId: number | null
  /** Units committed by this scan: 1, or N for a multi-serial code, 0 when refused or waiting. */
  units: number
  /** The ids of the units committed (for the answer's delta; empty when nothing was written). */
  unitIds: string[]
  /** The lines whose counts the committed units changed (for the answer's delta, so it need not look them up). */
  lineIds?: number[]
  /** Set when IMEI 1 of a dual-IMEI unit was accepted and IMEI 2 must follow; nothing is written yet. */
  awaiting: { firstImei: string; orderLineId: number; productName: string } | null
}

export type ScanRefusal = Exclude<ScanOutcome, 'accepted' | 'awaiting_imei2'>

/** A scan that wrote nothing: the operator sees the outcome and the sentence (a plain English one is worded as it is). */
export const refusedScan = (
  outcome: ScanRefusal,
  words: ScanWords | string,
  serial: string | null = null,
  orderLineId: number | null = null
): ScanCommit => ({
  outcome,
  ...(typeof words === 'string' ? said('unreadableCode', { detail: words }) : words),
  serial,
  orderLineId,
  units: 0,
  unitIds: [],
  awaiting: null
})
