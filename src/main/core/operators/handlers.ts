// operators:* — who works at the station, who is signed in now, and the
// shift lead's operator management; assignments:* — Assign Operator.
//
// Sign-in is by badge or name, without a PIN (SPEC §2): the PIN is for
// approvals. So the management screen being open to a signed-in shift lead is
// not enough to change operators: every change also needs a shift lead's
// badge and PIN (approveByShiftLead: wrong PINs count towards the lock-out).
import type { Approval, Operator } from '../../../shared/schemas'
import type { HandlersOf, StationContext } from '../context'
import { refuse } from '../errors'
import { approveByShiftLead } from './approval'
import { assignOperators } from './assignments'
import { listAllOperators, setPin, unlockOperator, updateOperator } from './manageOperators'
import { createOperator, findOperatorForSignIn, listOperators, operatorCount, operatorName } from './operators'

export function operatorHandlers(context: StationContext): HandlersOf<'operators'> {
  const { db, clock, signedIn, setSignedIn } = context

  const signedInShiftLead = (what: string): Operator => {
    const me = context.operator()
    return me.role === 'shift_lead' ? me : refuse('shift_lead_only', `Only a shift lead can ${what}. ${me.name} is signed in as an operator.`)
  }
  /** The signed-in shift lead opens the screen; a shift lead's badge and PIN approve the change. */
  const approved = (approval: Approval | undefined, action: string, what: string): Operator => {
    signedInShiftLead(what)
    if (!approval) return refuse('approval_required', `A shift lead's badge and PIN are needed to ${what}.`)
    return approveByShiftLead(db, clock, approval, action)
  }
  /** The signed-in operator sees a change to themselves at once (name, role in the header). */
  const refreshSession = (changed: { id: number; name: string; badgeCode: string; role: Operator['role'] }) => {
    if (signedIn()?.id === changed.id) setSignedIn({ id: changed.id, name: changed.name, badgeCode: changed.badgeCode, role: changed.role })
  }
  const nameOf = (operatorId: number) => operatorName(db, operatorId) ?? `operator ${operatorId}`

  return {
    'operators:list': () => listOperators(db),
    'operators:all': () => {
      signedInShiftLead('see every operator')
      return listAllOperators(db, clock)
    },
    'operators:create': ({ approval, ...input }) => {
      // The very first operator (a shift lead) is created on an empty station: nobody could approve it.
      if (operatorCount(db) === 0) return createOperator(db, clock, input, null)
      const by = approved(approval, `add operator ${input.name}`, 'add operators')
      return createOperator(db, clock, input, by)
    },
    'operators:update': ({ approval, ...change }) => {
      if (change.active === false && signedIn()?.id === change.operatorId) {
        refuse('deactivate_self', 'You cannot deactivate yourself while signed in: another shift lead has to.')
      }
      const by = approved(approval, `change operator ${nameOf(change.operatorId)}`, 'change operators')
      const updated = updateOperator(db, clock, change, by)
      refreshSession(updated)
      return updated
    },
    'operators:setPin': ({ operatorId, pin, approval }) => {
      const by = approved(approval, `set the PIN of ${nameOf(operatorId)}`, 'set a PIN')
      return setPin(db, clock, operatorId, pin, by)
    },
    'operators:unlock': ({ operatorId, approval }) => {
      const by = approved(approval, `unlock ${nameOf(operatorId)}`, 'unlock a shift lead')
      return unlockOperator(db, clock, operatorId, by)
    },
    // With someone signed in already, this switches operator: no sign-out needed.
    'operators:signIn': (args) => {
      const operator = findOperatorForSignIn(db, args)
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
    'assignments:assign': (request) => {
      const result = assignOperators(context.db, context.clock, request, context.operator())
      if (result.changed) context.notify('orders:changed', { orderIds: [...new Set(request.orderIds)] })
      return result
    }
  }
}
