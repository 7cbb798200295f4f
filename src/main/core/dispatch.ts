// One call through the contract: check the channel, validate the arguments,
// run the handler, validate the result, and turn any failure into a
// {code, message, key, params} a person can read (src/shared/contract.ts Failure).
// Used by Electron's ipc.ts and the browser host.
import { z } from 'zod'
import { contract, isChannel, StationError, type Envelope } from '../../shared/contract'
import type { GuardedHandlers } from './context'
import { english, type Words } from './errors'
import { logUnlessLogged } from './log/callLog'

export type Log = (message: string, error?: unknown) => void

export async function dispatch(
  handlers: GuardedHandlers,
  channel: unknown,
  args: unknown,
  log: Log = logUnlessLogged
): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) {
    return failure('unknown_channel', { key: 'refusals:station.unknownChannel', params: { channel: String(channel).slice(0, 60) } })
  }
  const spec = contract[channel]
  const parsed = spec.args.safeParse(args ?? {})
  if (!parsed.success) {
    // The sentence is for the person at the station; zod's English account of what is wrong is a detail for IT.
    return failure('invalid_arguments', {
      key: 'refusals:station.invalidArguments',
      params: { channel, detail: z.prettifyError(parsed.error).replace(/\n/g, ' ') }
    })
  }
  try {
    const value = await (handlers[channel] as (a: unknown) => unknown)(parsed.data)
    const checked = spec.result.safeParse(value)
    if (!checked.success) {
      log(`${channel} returned a result outside the contract`, checked.error)
      return failure('internal', { key: 'refusals:station.unexpectedAnswer', params: { channel } })
    }
    return { ok: true, value: checked.data }
  } catch (error) {
    if (error instanceof StationError) return { ok: false, error: error.toFailure() }
    const known = describeSystemError(error)
    if (known) return failure(known.code, known.words)
    log(`${channel} failed`, error)
    return failure('internal', {
      key: 'refusals:station.couldNotComplete',
      params: { channel, problem: (error as Error)?.message ?? String(error) }
    })
  }
}

const failure = (code: string, words: Words): Envelope<never> => ({ ok: false, error: { code, message: english(words), ...words } })

/** SQLite and file-system failures an operator can act on. */
function describeSystemError(error: unknown): { code: string; words: Words } | null {
  const code = (error as { code?: string })?.code ?? ''
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return { code: 'disk_full', words: { key: 'refusals:station.diskFull' } }
  if (code === 'SQLITE_BUSY') return { code: 'busy', words: { key: 'refusals:station.busy' } }
  if (code === 'SQLITE_READONLY' || code === 'EACCES' || code === 'EROFS') {
    return { code: 'read_only', words: { key: 'refusals:station.readOnly' } }
  }
  if (code.startsWith('SQLITE_IOERR')) return { code: 'io_error', words: { key: 'refusals:station.ioError' } }
  return null
}
