// What the glue around the core says travels as catalogue words too, and the screens word it in the operator's
// language: printing's refusals, the browser host's unreadable request, the renderer's own "cannot reach the
// station", and the boundary's malformed call (a sentence for the person, zod's English kept as a detail for IT).
import { writeFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { buildApi, StationError, type Envelope } from '../../src/shared/contract'
import { dispatch } from '../../src/main/core/dispatch'
import { startBrowserHost } from '../../src/main/host/browserHost'
import { printLabel } from '../../src/main/printing/printLabel'
import { PrintError, spoolJob } from '../../src/main/printing/spooler'
import { connectBrowserHost } from '../../src/renderer/src/wsBridge'
import { i18n } from '../../src/renderer/src/i18n'
import { errorMessage } from '../../src/renderer/src/useAction'
import { wordSentence } from '../../src/shared/words'
import { cleanup, makeDataDir, openTestStation } from '../core/helpers'
import { labelStation } from '../labels/fixtures'

afterEach(async () => {
  vi.unstubAllGlobals()
  await i18n.changeLanguage('en')
  cleanup()
})

const caught = async (call: () => Promise<unknown>): Promise<unknown> => {
  try {
    await call()
  } catch (e) {
    return e
  }
  throw new Error('expected a refusal')
}

/** The `ws` client as a page's WebSocket: an error is reported through close, never thrown (no `error` listener needed). */
class BrowserLikeWebSocket extends WebSocket {
  constructor(url: string) {
    super(url)
    this.on('error', () => undefined)
  }
}

const inPolish = async (error: unknown): Promise<string> => {
  await i18n.changeLanguage('pl')
  return errorMessage(error)
}

describe('printing refusals', () => {
  const signedIn = () => ({ id: 1, name: 'Marek Nowak', badgeCode: 'OP-1001', role: 'operator' as const, language: null })

  it('no printer chosen: the kind of label named in each language, nothing printed', async () => {
    const t = labelStation()
    const context = { db: t.db, clock: t.clock, signedIn, notify: () => undefined }
    const error = await caught(() => printLabel(context, { kind: 'shipping_label', orderId: t.orderId }))
    expect(error).toMatchObject({ code: 'no_printer', key: 'refusals:printing.noPrinter.shipping_label' })
    expect(errorMessage(error)).toBe('No printer is chosen for shipping labels: a shift lead picks one in Print settings.')
    expect(await inPolish(error)).toBe(
      'Nie wybrano drukarki dla etykiet wysyłkowych: kierownik zmiany wybiera ją w Ustawieniach drukowania.'
    )
    expect(t.sqlite.prepare('select count(*) n from print_jobs').get()).toEqual({ n: 0 })
  })

  it('a queue name lp could read as an option: a sentence with the rule as its detail, lp never run', async () => {
    const error = await spoolJob(
      '-hattacker.example:631',
      Buffer.from('^XA^XZ'),
      { raw: true, title: 'Box label' },
      {
        lp: '/nonexistent/lp',
        lpstat: '/nonexistent/lpstat'
      }
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PrintError)
    const { words } = error as PrintError
    expect(words?.key).toBe('printing:problem.badQueueName')
    expect((error as PrintError).message).toMatch(/^A printer queue name cannot start with '-'.*: "-hattacker.example:631" was not sent/)
    expect(wordSentence(i18n.getFixedT('pl'), words!)).toMatch(
      /^Nazwa kolejki "-hattacker\.example:631" nie została przekazana do bufora wydruku \(A printer queue name .*\)\. Wybierz drukarkę ponownie w Ustawieniach drukowania\.$/
    )
  })
})

describe('envelope errors made by the glue', () => {
  it("the browser host's unreadable request carries its words", async () => {
    const rendererDir = makeDataDir()
    writeFileSync(`${rendererDir}/index.html`, '<!doctype html><html><head><meta name="station-token" content="" /></head></html>')
    const { station } = openTestStation()
    const host = await startBrowserHost({ station, rendererDir })
    try {
      const page = await fetch(host.url).then((r) => r.text())
      const token = /name="station-token" content="([^"]+)"/.exec(page)![1]!
      const ws = new WebSocket(`ws://127.0.0.1:${host.port}/station?token=${encodeURIComponent(token)}`, { origin: host.url.slice(0, -1) })
      await new Promise((resolve, reject) => ws.on('open', resolve).on('error', reject))
      const envelope = await new Promise<Envelope<unknown>>((resolve) => {
        ws.once('message', (data) => resolve((JSON.parse(String(data)) as { envelope: Envelope<unknown> }).envelope))
        ws.send('not json')
      })
      ws.close()
      expect(envelope).toEqual({
        ok: false,
        error: { code: 'bad_message', message: 'The request could not be read.', key: 'refusals:station.badMessage' }
      })
      const error = StationError.fromFailure(!envelope.ok && envelope.error)
      expect(await inPolish(error)).toBe('Nie udało się odczytać żądania.')
    } finally {
      await host.close()
    }
  })

  it("the renderer's own host_unreachable is worded from the catalogue", async () => {
    // A port with nothing listening: the bridge cannot open its WebSocket. The `ws` client closes after the error
    // the way a browser's does (Node's own WebSocket reports the error only).
    const closed = await startBrowserHost({ station: openTestStation().station, rendererDir: makeDataDir() })
    const port = closed.port
    await closed.close()
    vi.stubGlobal('document', { querySelector: () => ({ content: 'token' }) })
    vi.stubGlobal('location', { protocol: 'http:', host: `127.0.0.1:${port}` })
    vi.stubGlobal('WebSocket', BrowserLikeWebSocket)
    const error = await caught(() => buildApi(connectBrowserHost()).operators.current())
    expect(error).toMatchObject({
      code: 'host_unreachable',
      key: 'refusals:station.hostUnreachable',
      message: 'Cannot reach the station. Start it with `npm run dev:web` and reload this page.'
    })
    expect(await inPolish(error)).toBe('Brak połączenia ze stanowiskiem. Uruchom je poleceniem `npm run dev:web` i odśwież tę stronę.')
  })

  it('an untrusted sender and a lost connection have Polish words', () => {
    const pl = i18n.getFixedT('pl')
    expect(pl('refusals:station.untrustedSender')).toBe('Ta strona nie może rozmawiać ze stanowiskiem.')
    expect(pl('refusals:station.hostLost')).toBe('Połączenie ze stanowiskiem zostało przerwane. Czy `npm run dev:web` nadal działa?')
  })
})

describe('a malformed call', () => {
  it('is refused with a sentence for the person and zod’s text as a detail for IT', async () => {
    const { station } = openTestStation()
    const envelope = await dispatch(station.handlers, 'orders:get', { orderId: 'one' }, () => undefined)
    expect(envelope.ok).toBe(false)
    const failure = !envelope.ok ? envelope.error : null
    expect(failure).toMatchObject({ code: 'invalid_arguments', key: 'refusals:station.invalidArguments' })
    const detail = String(failure?.params?.detail)
    expect(detail).toMatch(/orderId/)
    expect(failure?.message).toBe(
      `The station did not accept this request: something in it is missing or not in the form it takes. Nothing was changed. (For IT: orders:get — ${detail})`
    )
    expect(await inPolish(StationError.fromFailure(failure))).toBe(
      `Stanowisko nie przyjęło tego żądania: czegoś w nim brakuje albo ma nieprawidłową postać. Nic nie zostało zmienione. (Dla działu IT: orders:get — ${detail})`
    )
  })
})
