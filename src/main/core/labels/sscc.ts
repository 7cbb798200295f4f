// SSCC-18, the GS1 Serial Shipping Container Code that names a box:
// extension digit + GS1 company prefix + serial reference + mod-10 check
// digit. Serial references come from a counter in the settings table,
// advanced in the same IMMEDIATE transaction that stores the box's SSCC, so
// a reference is never handed out twice, across restarts or crashes.
import { eq } from 'drizzle-orm'
import type { Gs1Settings } from '../../../shared/labels'
import type { Db } from '../db/connection'
import { clientInTransaction, isTransaction } from '../db/drizzleInternals'
import { boxes, settings } from '../db/schema'
import { refuse } from '../errors'
import { getPrintSettings, readSettingValue } from './printSettings'

export const SSCC_COUNTER_KEY = 'labels.ssccNextSerial'

/** The GS1 mod-10 check digit of a digit string (weights 3,1,3,… from the right). */
export function gs1CheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new Error(`gs1CheckDigit needs digits, got ${digits}`)
  let sum = 0
  for (let i = 0; i < digits.length; i++) sum += Number(digits[digits.length - 1 - i]) * (i % 2 === 0 ? 3 : 1)
  return (10 - (sum % 10)) % 10
}

export function isValidSscc(sscc: string): boolean {
  return /^\d{18}$/.test(sscc) && gs1CheckDigit(sscc.slice(0, 17)) === Number(sscc[17])
}

/** The 18 digits for one serial reference. */
export function buildSscc(gs1: Pick<Gs1Settings, 'companyPrefix' | 'extensionDigit'>, serialReference: number): string {
  const width = 16 - gs1.companyPrefix.length
  const reference = String(serialReference)
  if (!Number.isSafeInteger(serialReference) || serialReference < 0 || reference.length > width) {
    throw new Error(`Serial reference ${serialReference} does not fit ${width} digits`)
  }
  const body = `${gs1.extensionDigit}${gs1.companyPrefix}${reference.padStart(width, '0')}`
  return body + gs1CheckDigit(body)
}

/** "(00) 1 0614141 123456789 7": the human-readable text under the barcode. */
export function formatSscc(sscc: string, companyPrefixLength = 7): string {
  const p = companyPrefixLength
  return `(00) ${sscc[0]} ${sscc.slice(1, 1 + p)} ${sscc.slice(1 + p, 17)} ${sscc[17]}`
}

export function serialRange(gs1: Gs1Settings): { first: number; last: number } {
  const max = 10 ** (16 - gs1.companyPrefix.length) - 1
  return { first: gs1.firstSerial ?? 1, last: Math.min(gs1.lastSerial ?? max, max) }
}

/**
 * The box's SSCC: the stored one, or a new one from the counter. Refuses
 * when the GS1 numbers are not set, the box does not exist or is voided, or
 * this station's serial references are used up. Safe inside a caller's
 * transaction (it then runs as a savepoint of it).
 */
export function assignSscc(db: Db, boxId: string): string {
  const gs1 = getPrintSettings(db).gs1
  const run = (tx: Db) => {
    const box = tx.select({ sscc: boxes.sscc, status: boxes.status, number: boxes.number }).from(boxes).where(eq(boxes.id, boxId)).get()
    if (!box) return refuse('not_found', { key: 'refusals:labels.boxMissing', params: { boxId } })
    if (box.sscc) return box.sscc
    if (box.status === 'voided') return refuse('box_voided', { key: 'refusals:labels.voidedNoSscc', params: { box: box.number } })
    if (!gs1) {
      return refuse('gs1_not_set', { key: 'refusals:labels.gs1NotSet' })
    }
    const { first, last } = serialRange(gs1)
    const stored = readSettingValue(tx, SSCC_COUNTER_KEY)
    const next = Math.max(typeof stored === 'number' ? stored : first, first)
    if (next > last) {
      return refuse('sscc_exhausted', { key: 'refusals:labels.ssccExhausted', params: { last } })
    }
    const sscc = buildSscc(gs1, next)
    tx.insert(settings)
      .values({ key: SSCC_COUNTER_KEY, value: next + 1 })
      .onConflictDoUpdate({ target: settings.key, set: { value: next + 1 } })
      .run()
    tx.update(boxes).set({ sscc }).where(eq(boxes.id, boxId)).run()
    return sscc
  }
  if (isTransaction(db)) return db.transaction((tx) => run(tx)) // a savepoint of the caller's transaction
  if (clientInTransaction(db)) return run(db) // the caller holds a raw transaction on this connection
  return db.transaction((tx) => run(tx), { behavior: 'immediate' })
}

/** Like assignSscc, but null (and no change) when the GS1 numbers are not set yet. */
export function assignSsccIfConfigured(db: Db, boxId: string): string | null {
  if (!getPrintSettings(db).gs1) {
    return db.select({ sscc: boxes.sscc }).from(boxes).where(eq(boxes.id, boxId)).get()?.sscc ?? null
  }
  return assignSscc(db, boxId)
}
