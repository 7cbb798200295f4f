// Every station call passes here on its way to the handler (src/main/station.ts
// wraps the guarded handlers): a sign-in and a sign-out are logged with who,
// every refusal with its channel and StationError code (the class a shift
// lead counts), and any other failure as an error with the call it broke.
// Arguments are never logged: they carry PINs and badge codes.
import { StationError, type Channel } from '../../../shared/contract'
import type { Operator } from '../../../shared/operators'
import { log, logFault } from './logger'

/** Failures this file already logged with their channel: dispatch() need not log them again. */
const logged = new WeakSet<object>()

/** dispatch()'s log: a failure the call log already wrote is not written twice. */
export function logUnlessLogged(message: string, error?: unknown): void {
  if (typeof error === 'object' && error !== null && logged.has(error)) return
  logFault(message, error)
}

type Call = (args: unknown) => unknown

/** `call` with its outcome logged; the outcome itself (value or throw) is unchanged. */
export function loggedCall(channel: Channel, call: Call): Call {
  return (args) => {
    let result: unknown
    try {
      result = call(args)
    } catch (error) {
      logFailure(channel, error)
      throw error
    }
    if (result instanceof Promise) {
      return result.then(
        (value: unknown) => {
          logSuccess(channel, value)
          return value
        },
        (error: unknown) => {
          logFailure(channel, error)
          throw error
        }
      )
    }
    logSuccess(channel, result)
    return result
  }
}

function logSuccess(channel: Channel, value: unknown): void {
  if (channel === 'operators:signIn') {
    const operator = value as Operator
    log.info({ event: 'sign_in', operatorId: operator.id, operator: operator.name, role: operator.role }, `${operator.name} signed in`)
  } else if (channel === 'operators:signOut') {
    log.info({ event: 'sign_out' }, 'Signed out')
  }
}

function logFailure(channel: Channel, error: unknown): void {
  if (error instanceof StationError) {
    log.warn({ event: 'refusal', channel, code: error.code, reason: error.message }, `${channel} refused: ${error.code}`)
    return
  }
  if (typeof error === 'object' && error !== null) logged.add(error)
  const code = (error as { code?: unknown })?.code
  log.error({ event: 'failure', channel, code: typeof code === 'string' ? code : undefined, err: error }, `${channel} failed`)
}
