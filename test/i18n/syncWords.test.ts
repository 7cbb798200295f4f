// What the OMS sync says in the status bar and on the Sync screen (the last error) carries catalogue words next to
// the English: an OMS that answers 500, an OMS that cannot be reached, and a pull's conflicts read in Polish, while
// the English message stays as before (logs, command line).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { english } from '../../src/main/core/errors'
import { mainCatalogue } from '../../src/main/core/i18n/catalogue'
import { pullOrders } from '../../src/main/core/sync/orderPull'
import { i18n } from '../../src/renderer/src/i18n'
import { lastErrorText } from '../../src/renderer/src/screens/sync/lastErrorText'
import { describeSync } from '../../src/renderer/src/screens/sync/describeSync'
import type { SyncNowResult, SyncStatus } from '../../src/shared/sync'
import { wordSentence, type Sentence, type Words } from '../../src/shared/words'
import { allProducts, createOperators, openTestStation, orderRecord, type TestStation } from '../core/helpers'
import { cleanup, clientFor, ok, pointAt, standIn } from '../sync/helpers'

const servers: Server[] = []
afterEach(async () => {
  await cleanup()
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))))
})

const polish = (words: Words) => wordSentence(mainCatalogue().getFixedT('pl'), words)

/** A real HTTP server on 127.0.0.1 that answers every request with 500 and a short body. */
async function failingOms(): Promise<string> {
  const server = createServer((_req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('database down'))
  servers.push(server)
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** An address nobody listens on: a port taken, then freed. */
async function closedPort(): Promise<string> {
  const server = createServer()
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  const { port } = server.address() as AddressInfo
  await new Promise((closed) => server.close(closed))
  return `http://127.0.0.1:${port}`
}

async function syncNowAt(url: string): Promise<{ t: TestStation; status: SyncStatus }> {
  const t = openTestStation()
  pointAt(t, url, { requestTimeoutMs: 2_000 })
  const { op } = createOperators(t)
  await ok(t, 'operators:signIn', { operatorId: op.id })
  await ok(t, 'sync:now')
  return { t, status: await ok<SyncStatus>(t, 'sync:status') }
}

async function inPolish<T>(work: () => T): Promise<T> {
  try {
    await i18n.changeLanguage('pl')
    return work()
  } finally {
    await i18n.changeLanguage('en')
  }
}

describe('the sync status in words', () => {
  it('words an OMS that answers 500 in Polish, keeping the English message as it was', async () => {
    const { status } = await syncNowAt(await failingOms())
    expect(status.lastError).toBe('The OMS answered 500: the OMS has a problem on its side (database down)')
    expect(status.lastErrorWords).toEqual({ key: 'sync:oms.http.server', params: { code: 500, detail: ' (database down)' } })
    expect(english(status.lastErrorWords as Words)).toBe(status.lastError)
    expect(await inPolish(() => lastErrorText(status))).toBe('OMS odpowiedział 500: problem po stronie OMS (database down)')
    expect(lastErrorText(status)).toBe(status.lastError)
  })

  it('words an OMS that cannot be reached in Polish, the technical cause kept as it is', async () => {
    const { status } = await syncNowAt(await closedPort())
    expect(status.online).toBe(false)
    expect(status.lastError).toBe('The OMS cannot be reached (ECONNREFUSED).')
    expect(status.lastErrorWords).toEqual({ key: 'sync:oms.unreachable', params: { cause: 'ECONNREFUSED' } })
    expect(await inPolish(() => lastErrorText(status))).toBe('Brak połączenia z OMS (ECONNREFUSED).')
  })

  it('words a timeout with the language’s decimal comma', () => {
    const words: Words = { key: 'sync:oms.timeout', params: { seconds: 2.5 } }
    expect(english(words)).toBe('The OMS did not answer within 2.5 s.')
    expect(polish(words)).toBe('OMS nie odpowiedział w ciągu 2,5 s.')
  })

  it("words a pull's conflicts in Polish, the station's status worded and the OMS's status as the OMS wrote it", async () => {
    const oms = await standIn({ products: allProducts(), orders: [orderRecord(1), orderRecord(2)] })
    const t = openTestStation()
    await pullOrders(t.db, t.clock, clientFor(t, oms.url))
    t.sqlite.prepare("update orders set status = 'shipped' where oms_order_id = 'OMS-1'").run()
    t.sqlite.prepare("update orders set status = 'in_progress' where oms_order_id = 'OMS-2'").run()
    oms.store.setStatus('OMS-1', 'cancelled')
    oms.store.setStatus('OMS-2', 'held')

    pointAt(t, oms.url)
    const { op } = createOperators(t)
    await ok(t, 'operators:signIn', { operatorId: op.id })
    await ok(t, 'sync:now')
    const status = await ok<SyncStatus>(t, 'sync:status')

    expect(status.lastError).toBe(
      'Order SO-1 was cancelled in the OMS, but it is already shipped here. ' +
        'The OMS holds order SO-2 (status held), but it is already in progress here: ask the shift lead.'
    )
    const words = status.lastErrorWords as Sentence[]
    expect(words.map((w) => english(w)).join(' ')).toBe(status.lastError)
    expect(await inPolish(() => lastErrorText(status))).toBe(
      `Zamówienie SO-1 zostało anulowane w OMS, ale tutaj ma już status: ${polish({ key: 'common:status.shipped' })}. ` +
        `OMS wstrzymuje zamówienie SO-2 (status held), ale tutaj ma już status: ${polish({ key: 'common:status.in_progress' })}. Zapytaj kierownika zmiany.`
    )
  })
})

describe("Sync now's problems in words", () => {
  const inEnglish = (words: Words) => wordSentence(mainCatalogue().getFixedT('en'), words)

  it('words a failed pull and a failed send in Polish, each the English line when worded in English', async () => {
    const t = openTestStation()
    pointAt(t, await failingOms(), { requestTimeoutMs: 2_000 })
    const { op } = createOperators(t)
    await ok(t, 'operators:signIn', { operatorId: op.id })
    const result = await ok<SyncNowResult>(t, 'sync:now')
    expect(result.problems.length).toBeGreaterThan(0)
    expect(result.problemWords).toHaveLength(result.problems.length)
    result.problems.forEach((line, i) => expect(inEnglish(result.problemWords![i]!)).toBe(line))
    const pull = result.problemWords!.find((w) => w?.key === 'sync:now.pullProblem')!
    expect(polish(pull)).toMatch(/^Pobieranie: OMS odpowiedział 500/)
  })

  it('words an offline station in Polish on the Sync screen', async () => {
    const t = openTestStation()
    const { op } = createOperators(t)
    await ok(t, 'operators:signIn', { operatorId: op.id })
    const result = await ok<SyncNowResult>(t, 'sync:now')
    expect(result.problems).toEqual(['No OMS address is set: the station works offline (file export only).'])
    expect(await inPolish(() => describeSync(result))).toBe(
      'Nie ustawiono adresu OMS: stanowisko pracuje offline (tylko eksport do plików).'
    )
    expect(describeSync(result)).toBe('No OMS address is set: the station works offline (file export only).')
  })
})
