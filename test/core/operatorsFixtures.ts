// For the operator, approval and assignment tests: calls through dispatch()
// (so the contract's argument checks run, as they do for the screens), and a
// station with a shift lead signed in.
import { expect } from 'vitest'
import { dispatch } from '../../src/main/core/dispatch'
import type { Failure } from '../../src/shared/contract'
import type { Operator } from '../../src/shared/operators'
import { createOperators, openTestStation, type TestStation } from './helpers'

/** Dana Whitfield's badge and PIN (createOperators). */
export const DANA = { badgeCode: 'OP-9001', pin: '1234' }

export async function ok<T = unknown>(t: TestStation, channel: string, args: unknown = {}): Promise<T> {
  const envelope = await dispatch(t.handlers, channel, args, () => {})
  if (!envelope.ok) throw new Error(`${channel} was refused: ${envelope.error.code} ${envelope.error.message}`)
  return envelope.value as T
}

export async function refused(t: TestStation, channel: string, args: unknown = {}): Promise<Failure> {
  const envelope = await dispatch(t.handlers, channel, args, () => {})
  expect(envelope.ok, `${channel} should have been refused`).toBe(false)
  return (envelope as { ok: false; error: Failure }).error
}

/** A station with Dana (shift lead, PIN 1234) and Marek (operator); Dana is signed in. */
export async function leadSignedIn(): Promise<{ t: TestStation; lead: Operator; op: Operator }> {
  const t = openTestStation()
  const { lead, op } = createOperators(t)
  await ok(t, 'operators:signIn', { badgeCode: lead.badgeCode, pin: DANA.pin })
  return { t, lead, op }
}

export const eventsOfType = (t: TestStation, type: string) =>
  t.sqlite.prepare('select * from events where type = ? order by at, rowid').all(type) as {
    operator_id: number | null
    order_id: number | null
    entity_id: string | null
    reason: string | null
    data: string | null
  }[]
