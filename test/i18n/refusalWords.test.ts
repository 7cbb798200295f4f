// A refusal crosses the boundary as a code, its English message and its catalogue words (key + values), and the
// renderer's errorMessage words it in the screen's language, falling back to the message.
import { afterEach, describe, expect, it } from 'vitest'
import { buildApi, buildBridge, StationError, type Envelope } from '../../src/shared/contract'
import { dispatch } from '../../src/main/core/dispatch'
import { refuse, refusal } from '../../src/main/core/errors'
import type { GuardedHandlers } from '../../src/main/core/context'
import { wordSentence } from '../../src/shared/words'
import { errorMessage } from '../../src/renderer/src/useAction'
import { i18n } from '../../src/renderer/src/i18n'

/** The screens' api over dispatch(), the way ipc.ts and the browser host carry it (a JSON round trip). */
function apiOver(handlers: Partial<Record<string, (args: unknown) => unknown>>) {
  const transport = async (channel: string, args: unknown) =>
    JSON.parse(JSON.stringify(await dispatch(handlers as unknown as GuardedHandlers, channel, args, () => undefined))) as Envelope<unknown>
  return { api: buildApi(buildBridge(transport, () => () => undefined)), transport }
}

const caught = async (call: () => Promise<unknown>): Promise<unknown> => {
  try {
    await call()
  } catch (e) {
    return e
  }
  throw new Error('expected a refusal')
}

afterEach(() => i18n.changeLanguage('en'))

describe('a refusal with catalogue words', () => {
  const handlers = {
    'operators:list': () =>
      refuse('internal', { key: 'refusals:station.couldNotComplete', params: { channel: 'operators:list', problem: 'disk gone' } })
  }

  it('carries its key and values in the failure envelope, with the English message as before', async () => {
    const envelope = await apiOver(handlers).transport('operators:list', {})
    expect(envelope).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'The station could not complete operators:list: disk gone. Nothing was changed.',
        key: 'refusals:station.couldNotComplete',
        params: { channel: 'operators:list', problem: 'disk gone' }
      }
    })
  })

  it('is worded in Polish by the renderer, and in English when the screen is English', async () => {
    const error = await caught(() => apiOver(handlers).api.operators.list())
    expect(error).toBeInstanceOf(StationError)
    expect((error as StationError).message).toBe('The station could not complete operators:list: disk gone. Nothing was changed.')
    expect(errorMessage(error)).toBe('The station could not complete operators:list: disk gone. Nothing was changed.')
    await i18n.changeLanguage('pl')
    expect(errorMessage(error)).toBe('Stanowisko nie mogło wykonać operators:list: disk gone. Nic nie zostało zmienione.')
  })

  it('words a refusal with plural forms in Polish', async () => {
    const error = await caught(() =>
      apiOver({
        'operators:list': () => refuse('wrong_pin', { key: 'refusals:operators.wrongPin', params: { name: 'Dana', count: 4 } })
      }).api.operators.list()
    )
    expect((error as StationError).message).toBe('Wrong PIN for Dana (4 tries left).')
    await i18n.changeLanguage('pl')
    expect(errorMessage(error)).toBe('Błędny PIN operatora Dana (zostały 4 próby).')
  })

  it("words the dispatcher's own refusals too", async () => {
    await i18n.changeLanguage('pl')
    const envelope = await apiOver({}).transport('nope:nothing', {})
    const error = StationError.fromFailure(envelope.ok ? null : envelope.error)
    expect(error.code).toBe('unknown_channel')
    expect(error.message).toBe('There is no station call named nope:nothing.')
    expect(errorMessage(error)).toBe('Stanowisko nie zna wywołania o nazwie nope:nothing.')
  })

  it('falls back to the message for an old failure, an unknown key or words outside the schema', async () => {
    await i18n.changeLanguage('pl')
    expect(errorMessage(new StationError('x', 'Plain English.'))).toBe('Plain English.')
    expect(errorMessage(new StationError('x', 'Plain English.', { key: 'refusals:no.such.key' }))).toBe('Plain English.')
    const bad = StationError.fromFailure({ code: 'x', message: 'Kept.', key: 'refusals:station.busy', params: { n: { nested: true } } })
    expect([bad.code, bad.message, bad.key, bad.params]).toEqual(['x', 'Kept.', undefined, undefined])
    expect(errorMessage(new Error('boom'))).toBe('boom')
    expect(refusal('x', 'A program reads this.').key).toBeUndefined()
  })

  it('words an order status and a UTC time in the screen language', () => {
    const t = i18n.getFixedT('pl')
    expect(wordSentence(t, { key: 'scan:answer.orderNotOpen', params: { orderNumber: 'SO-7', status: 'packed' } })).toBe(
      'Zamówienie SO-7 ma status spakowane: skanowanie niemożliwe'
    )
  })
})
