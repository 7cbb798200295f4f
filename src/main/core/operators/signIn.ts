// Sign-in (SPEC §2): by badge or by name. A shift lead always gives their PIN
// (the session may change the station); an operator does when the station's
// `operatorSignInPin` setting asks for it. Wrong PINs count towards the same
// lock-out as approvals.
import { eq } from 'drizzle-orm'
import type { Operator } from '../../../shared/operators'
import type { Clock } from '../clock'
import type { Db } from '../db/connection'
import { operators } from '../db/schema'
import { refuse } from '../errors'
import { checkPin } from './approval'

export type SignInRequest = ({ operatorId: number } | { badgeCode: string }) & { pin?: string }

export function signInOperator(db: Db, clock: Clock, who: SignInRequest, operatorsNeedPin: boolean): Operator {
  const where = 'operatorId' in who ? eq(operators.id, who.operatorId) : eq(operators.badgeCode, who.badgeCode.trim())
  const row = db.select().from(operators).where(where).get()
  if (!row || !row.active) {
    return refuse(
      'unknown_operator',
      'badgeCode' in who
        ? { key: 'refusals:operators.noBadge', params: { badgeCode: who.badgeCode.trim() } }
        : { key: 'refusals:operators.noSuchOperator' }
    )
  }
  if (row.role === 'shift_lead' || operatorsNeedPin) {
    if (!who.pin) {
      return refuse(
        'pin_required',
        row.role === 'shift_lead'
          ? { key: 'refusals:operators.leadPinToSignIn', params: { name: row.name } }
          : { key: 'refusals:operators.everyonePinToSignIn', params: { name: row.name } }
      )
    }
    checkPin(db, clock, row, who.pin, 'sign-in', 'signIn')
  }
  return { id: row.id, name: row.name, badgeCode: row.badgeCode, role: row.role, language: row.language }
}
