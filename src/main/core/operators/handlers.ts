// operators:* — who works at the station, who is signed in now, and the
// shift lead's operator management; assignments:* — Assign Operator.
//
// Shift leads sign in with their PIN; operators by badge or name, with a PIN
// when the station asks for one (SPEC §2). Every change to operators also
// needs a shift lead's badge and PIN in the call: the role table
// (src/shared/access.ts) has the guard check them before a handler runs, and
// hands the approving shift lead to the handler as `call.approvedBy`.
import type { Operator } from '../../../shared/operators'
import { approverOf } from '../access/guard'
import type { HandlersOf, StationContext } from '../context'
import { refuse } from '../errors'
import { assignOperators } from './assignments'
import { listAllOperators, setPin, unlockOperator, updateOperator } from './manageOperators'
import { getSetting } from '../settings/settings'
import { createOperator, listOperators, operatorCount } from './operators'
import { signInOperator } from './signIn'

export function operatorHandlers(context: StationContext): HandlersOf<'operators'> {
  const { db, clock, signedIn, setSignedIn } = context

  /** The signed-in operator sees a change to themselves at once (name, role in the header). */
  const refreshSession = (changed: Operator) => {
    if (signedIn()?.id === changed.id)
      setSignedIn({ id: changed.id, name: changed.name, badgeCode: changed.badgeCode, role: changed.role, language: changed.language })
  }

  return {
    'operators:list': () => listOperators(db),
    'operators:all': () => listAllOperators(db, clock),
    'operators:create': ({ approval: _, ...input }, call) => {
      // The very first operator (a shift lead) is created on an empty station: nobody could approve it.
      if (operatorCount(db) === 0) return createOperator(db, clock, input, null)
      return createOperator(db, clock, input, approverOf(call))
    },
    'operators:update': ({ approval: _, ...change }, call) => {
      if (change.active === false && signedIn()?.id === change.operatorId) {
        refuse('deactivate_self', { key: 'refusals:operators.deactivateSelf' })
      }
      const updated = updateOperator(db, clock, change, approverOf(call))
      refreshSession(updated)
      return updated
    },
    'operators:setPin': ({ operatorId, pin }, call) => setPin(db, clock, operatorId, pin, approverOf(call)),
    'operators:unlock': ({ operatorId }, call) => unlockOperator(db, clock, operatorId, approverOf(call)),
    // With someone signed in already, this switches operator: no sign-out needed.
    // A refused sign-in (wrong PIN, unknown badge) leaves whoever was signed in signed in.
    'operators:signIn': (args) => {
      const operator = signInOperator(db, clock, args, getSetting(db, 'operatorSignInPin'))
      setSignedIn(operator)
      return operator
    },
    'operators:signOut': () => {
      setSignedIn(null)
      return null
    },
    'operators:current': () => signedIn()
  }
}

export function assignmentHandlers(context: StationContext): HandlersOf<'assignments'> {
  return {
    'assignments:assign': ({ approval: _, ...request }, call) => {
      const result = assignOperators(context.db, context.clock, request, approverOf(call))
      if (result.changed) context.notify('orders:changed', { orderIds: [...new Set(request.orderIds)] })
      return result
    }
  }
}
