// One call through the contract: check the channel, validate the arguments,
// run the handler, validate the result, and turn any failure into a
// {code, message} a person can read. Used by Electron's ipc.ts and the browser host.
import { z } from 'zod'
import { contract, isChannel, StationError, type Envelope } from '../../shared/contract'
import type { GuardedHandlers } from './context'
import { logUnlessLogged } from './log/callLog'

export type Log = (message: string, error?: unknown) => void

export async function dispatch(
  handlers: GuardedHandlers,
  channel: unknown,
  args: unknown,
  log: Log = logUnlessLogged
): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) return failure('unknown_channel', `There is no station call named ${String(channel).slice(0, 60)}.`)
  const spec = contract[channel]
  const parsed = spec.args.safeParse(args ?? {})
  if (!parsed.success) {
    return failure(
      'invalid_arguments',
      `Invalid request to ${channel}: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}. Nothing was changed.`
    )
  }
  try {
    const value = await (handlers[channel] as (a: unknown) => unknown)(parsed.data)
    const checked = spec.result.safeParse(value)
    if (!checked.success) {
      log(`${channel} returned a result outside the contract`, checked.error)
      return failure('internal', `The station produced an unexpected answer to ${channel}. Please report this.`)
    }
    return { ok: true, value: checked.data }
  } catch (error) {
    if (error instanceof StationError) return failure(error.code, error.message)
    const known = describeSystemError(error)
    if (known) return failure(known.code, known.message)
    log(`${channel} failed`, error)
    return failure(
      'internal',
      `The station could not complete ${channel}: ${(error as Error)?.message ?? String(error)}. Nothing was changed.`
    )
  }
}

const failure = (code: string, message: string): Envelope<never> => ({ ok: false, error: { code, message } })

/** SQLite and file-system failures an operator can act on. */
function describeSystemError(error: unknown): { code: string; message: string } | null {
  const code = (error as { code?: string })?.code ?? ''
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return { code: 'disk_full', message: 'The disk is full: nothing was saved. Free some space on this PC, then repeat the last step.' }
  }
  if (code === 'SQLITE_BUSY') return { code: 'busy', message: 'The database is busy (another program has it open). Try again in a moment.' }
  if (code === 'SQLITE_READONLY' || code === 'EACCES' || code === 'EROFS') {
    return {
      code: 'read_only',
      message: 'The station cannot write its data folder (read-only or no permission). Ask IT to check the data folder.'
    }
  }
  if (code.startsWith('SQLITE_IOERR'))
    return {
      code: 'io_error',
      message: 'The disk reported an error while saving: nothing was saved. Repeat the last step; if it happens again, call IT.'
    }
  return null
}
