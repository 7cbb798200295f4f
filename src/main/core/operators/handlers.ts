// operators:* — who works at the station, and who is signed in now.
import type { HandlersOf, StationContext } from '../context'
import { createOperator, findOperatorForSignIn, listOperators } from './operators'

export function operatorHandlers({ db, clock, signedIn, setSignedIn }: StationContext): HandlersOf<'operators'> {
  return {
    'operators:list': () => listOperators(db),
    'operators:create': (args) => createOperator(db, clock, args, signedIn()),
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
