// The security rules themselves: the page gets the contract's methods and
// nothing else; malformed calls are refused with a readable error and change
// nothing; the browser host refuses connections without the per-run token.
import { electronBinary, expect, test } from './fixtures'
import { channels } from '../src/shared/contract'

test('window.station exposes exactly the contract, and no generic invoke', async ({ page, stationUrl }) => {
  const exposed = await page.evaluate(() => {
    const station = (window as unknown as { station?: Record<string, Record<string, unknown>> }).station
    if (!station) return null
    return Object.entries(station).flatMap(([domain, verbs]) => Object.keys(verbs).map((verb) => `${domain}:${verb}`))
  })
  if (stationUrl === null) expect(exposed!.sort()).toEqual([...channels].sort())
  // In a plain browser the same object is built inside the page's bundle and is not a global.
  else expect(exposed).toBeNull()
  const hasInvoke = await page.evaluate(() => 'invoke' in ((window as unknown as { station?: object }).station ?? {}))
  expect(hasInvoke).toBe(false)
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined')
})

// The browser host exists only where Electron does not run the specs. Both of its rules are checked on one station:
// each test's station costs a start of the host and of the page, which the checks themselves do not need fresh.
if (!electronBinary())
  test('the browser host refuses a WebSocket without the token and a foreign origin; a malformed call gets a readable error and changes nothing', async ({
    page,
    stationUrl,
    db
  }) => {
    const results = await page.evaluate(async (base) => {
      const attempt = (url: string) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(url)
          ws.onopen = () => {
            ws.close()
            resolve('open')
          }
          ws.onerror = () => resolve('refused')
        })
      const wsBase = base.replace('http', 'ws')
      const token = document.querySelector<HTMLMetaElement>('meta[name="station-token"]')!.content
      return {
        noToken: await attempt(`${wsBase}station`),
        wrongToken: await attempt(`${wsBase}station?token=${'x'.repeat(token.length)}`),
        rightToken: await attempt(`${wsBase}station?token=${token}`)
      }
    }, stationUrl!)
    expect(results).toEqual({ noToken: 'refused', wrongToken: 'refused', rightToken: 'open' })

    // A page from another origin (here: a data: URL page) cannot connect even with the token.
    const token = await page.locator('meta[name="station-token"]').getAttribute('content')
    const foreign = await page.context().newPage()
    await foreign.goto('about:blank')
    const fromForeign = await foreign.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(url)
          ws.onopen = () => resolve('open')
          ws.onerror = () => resolve('refused')
        }),
      `${stationUrl!.replace('http', 'ws')}station?token=${token}`
    )
    expect(fromForeign).toBe('refused')

    // A malformed call, from the station's own page with its token: refused with a readable error, nothing written.
    await page.getByRole('button', { name: 'Load sample data' }).click()
    const before = db().prepare('select count(*) n from scanned_units').get()
    const answers = await page.evaluate(async () => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="station-token"]')!.content
      const ws = new WebSocket(`ws://${location.host}/station?token=${token}`)
      await new Promise((r) => (ws.onopen = r))
      const call = (message: unknown) =>
        new Promise<unknown>((resolve) => {
          ws.onmessage = (e) => resolve(JSON.parse(String(e.data)).envelope)
          ws.send(typeof message === 'string' ? message : JSON.stringify(message))
        })
      return [
        await call({ id: 1, channel: 'scanning:scan', args: { orderId: '1 or 1=1', input: '490154203237518' } }),
        await call({ id: 2, channel: 'shell:exec', args: {} }),
        await call('not json')
      ]
    })
    expect(answers).toEqual([
      {
        ok: false,
        error: {
          code: 'invalid_arguments',
          message: expect.stringContaining('orderId'),
          key: 'refusals:station.invalidArguments',
          params: { channel: 'scanning:scan', detail: expect.stringContaining('orderId') }
        }
      },
      {
        ok: false,
        error: {
          code: 'unknown_channel',
          message: 'There is no station call named shell:exec.',
          key: 'refusals:station.unknownChannel',
          params: { channel: 'shell:exec' }
        }
      },
      { ok: false, error: { code: 'bad_message', message: 'The request could not be read.', key: 'refusals:station.badMessage' } }
    ])
    expect(db().prepare('select count(*) n from scanned_units').get()).toEqual(before)
  })
