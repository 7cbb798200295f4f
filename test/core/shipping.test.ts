import { afterEach, describe, expect, it, vi } from 'vitest'
import { exportedEvents } from '../../src/main/core/events/exported'
import { getPrintSettings } from '../../src/main/core/labels/printSettings'
import { english, StationError } from '../../src/main/core/errors'
import { translator } from '../../src/main/core/i18n/catalogue'
import { log } from '../../src/main/core/log/logger'
import { checkShipment } from '../../src/main/core/packing/shipping'
import { trackingNumberProblem, trackingUrlProblem } from '../../src/shared/shipping'
import { wordSentence } from '../../src/shared/words'
import { cleanup, snapshot } from './helpers'
import { A, shippingWorld, type ShippingWorld } from './shippingWorld'

afterEach(cleanup)

async function packedWorld(): Promise<ShippingWorld> {
  const w = shippingWorld()
  await w.signIn('OP-1001')
  await w.pack(w.ids.one, [A(1), A(2)])
  return w
}

describe('shipping a packed order', () => {
  it('records carrier, service and tracking, ships through the state machine and queues order.shipped', async () => {
    const w = await packedWorld()
    const result = await w.call('shipping:ship', {
      orderId: w.ids.one,
      carrier: ' DHL Express ',
      service: 'Express Worldwide',
      trackingNumber: ' 1234 5678 90 \r\n',
      trackingUrl: ' https://www.dhl.com/track?id=1234567890 '
    })
    expect(result.order.status).toBe('shipped')
    expect(result.message).toBe(
      'Order SO-1 shipped with DHL Express Express Worldwide, tracking 1234567890 (https://www.dhl.com/track?id=1234567890).'
    )
    const at = w.clock().toISOString()
    expect(result.order).toMatchObject({
      carrier: 'DHL Express',
      service: 'Express Worldwide',
      trackingNumber: '1234567890',
      trackingUrl: 'https://www.dhl.com/track?id=1234567890',
      shippedAt: at
    })

    const row = w.sqlite
      .prepare('select status, carrier, service, tracking_number, tracking_url, shipped_at from orders where id = ?')
      .get(w.ids.one)
    expect(row).toEqual({
      status: 'shipped',
      carrier: 'DHL Express',
      service: 'Express Worldwide',
      tracking_number: '1234567890',
      tracking_url: 'https://www.dhl.com/track?id=1234567890',
      shipped_at: at
    })

    const event = w.sqlite
      .prepare("select id, operator_id, from_status, to_status, reason from events where type = 'order.shipped'")
      .all() as { id: string }[]
    expect(event).toEqual([
      { id: expect.any(String), operator_id: w.op.id, from_status: 'packed', to_status: 'shipped', reason: 'handed to the carrier' }
    ])
    const outbox = w.sqlite.prepare("select event_id, payload from outbox where type = 'order.shipped'").all() as {
      event_id: string
      payload: string
    }[]
    expect(outbox).toHaveLength(1)
    expect(outbox[0].event_id).toBe(event[0].id)
    const payload = JSON.parse(outbox[0].payload)
    expect(exportedEvents['order.shipped'].strict().parse(payload)).toEqual({
      omsOrderId: 'OMS-1',
      orderNumber: 'SO-1',
      from: 'packed',
      to: 'shipped',
      at,
      operatorId: w.op.id,
      carrier: 'DHL Express',
      service: 'Express Worldwide',
      trackingNumber: '1234567890',
      trackingUrl: 'https://www.dhl.com/track?id=1234567890'
    })
  })

  it('ships without a tracking URL: empty means none', async () => {
    const w = await packedWorld()
    const result = await w.call('shipping:ship', {
      orderId: w.ids.one,
      carrier: 'DHL',
      service: 'Parcel',
      trackingNumber: 'JJD0001',
      trackingUrl: '   '
    })
    expect(result.order).toMatchObject({
      status: 'shipped',
      trackingNumber: 'JJD0001',
      trackingUrl: null,
      carrier: 'DHL',
      service: 'Parcel'
    })
    const payload = JSON.parse(
      (w.sqlite.prepare("select payload from outbox where type = 'order.shipped'").get() as { payload: string }).payload
    )
    expect(payload.trackingUrl).toBeNull()
  })

  it('ships even when the shipping label is set to print by itself and no printer is chosen', async () => {
    const w = await packedWorld()
    w.sqlite
      .prepare("insert into settings (key, value) values ('printing.autoPrint', ?)")
      .run(JSON.stringify({ boxLabel: false, shippingLabel: true }))
    expect(getPrintSettings(w.db).autoPrint.shippingLabel).toBe(true)
    const printLog = vi.spyOn(log, 'error')
    const result = await w.call('shipping:ship', { orderId: w.ids.one, carrier: 'DHL', service: 'Parcel', trackingNumber: 'JJD0001' })
    // The label was asked for (and could not print, as the station's log says): the shipment stands.
    expect(printLog).toHaveBeenCalledWith(
      expect.objectContaining({
        event: 'print_failure',
        err: expect.objectContaining({ message: expect.stringContaining('No printer is chosen') })
      }),
      'Auto-print of the shipping label (order 1) did not start'
    )
    printLog.mockRestore()
    expect(result.order.status).toBe('shipped')
    expect(w.sqlite.prepare("select count(*) n from outbox where type = 'order.shipped'").get()).toEqual({ n: 1 })
  })
})

describe('refusals change nothing', () => {
  const good = {
    carrier: 'DHL',
    service: 'Parcel',
    trackingNumber: 'JJD000390007827',
    trackingUrl: 'https://www.dhl.com/t/JJD000390007827'
  }

  it.each([
    ['an empty tracking number', { trackingNumber: '  ' }, 'invalid_tracking_number', 'Enter the tracking number'],
    [
      'a tracking number with odd characters',
      { trackingNumber: 'JJD<script>' },
      'invalid_tracking_number',
      'only letters, digits and "-", not "<"'
    ],
    ['a too short tracking number', { trackingNumber: '12345' }, 'invalid_tracking_number', '6 to 40 characters; this one has 5'],
    ['a javascript: URL', { trackingUrl: 'javascript:alert(1)' }, 'invalid_tracking_url', 'not javascript:'],
    ['an ftp URL', { trackingUrl: 'ftp://files.dhl.com/x' }, 'invalid_tracking_url', 'not ftp:'],
    ['garbage for a URL', { trackingUrl: 'see label' }, 'invalid_tracking_url', 'without spaces'],
    ['a URL without a domain', { trackingUrl: 'https://tracking' }, 'invalid_tracking_url', "carrier's domain name"],
    ['an empty carrier', { carrier: ' ' }, 'invalid_arguments', 'Enter the carrier']
  ])('%s', async (_name, change, code, message) => {
    const w = await packedWorld()
    const before = snapshot(w.sqlite)
    const error = await w.refusal(w.call('shipping:ship', { orderId: w.ids.one, ...good, ...change }))
    expect(error.code).toBe(code)
    expect(error.message).toContain(message)
    expect(snapshot(w.sqlite)).toEqual(before)
  })

  it('an order that is not packed, already shipped or cancelled', async () => {
    const w = await packedWorld()
    await w.call('shipping:ship', { orderId: w.ids.one, ...good })
    await w.call('scanning:scan', { orderId: w.ids.two, input: A(3) })
    const before = snapshot(w.sqlite)

    const shipped = await w.refusal(w.call('shipping:ship', { orderId: w.ids.one, ...good, trackingNumber: 'OTHER123' }))
    expect(shipped.code).toBe('already_shipped')
    expect(shipped.message).toBe('Order SO-1 has already shipped (DHL, tracking JJD000390007827). Nothing was changed.')

    const inProgress = await w.refusal(w.call('shipping:ship', { orderId: w.ids.two, ...good }))
    expect(inProgress.message).toBe('Order SO-2 is in progress: only a packed order can ship. Nothing was changed.')
    const ready = await w.refusal(w.call('shipping:ship', { orderId: w.ids.three, ...good }))
    expect(ready.message).toContain('Order SO-3 is ready: only a packed order can ship')
    const cancelled = await w.refusal(w.call('shipping:ship', { orderId: w.ids.cancelled, ...good }))
    expect(cancelled.message).toContain('Order SO-4 is cancelled: only a packed order can ship')
    const missing = await w.refusal(w.call('shipping:ship', { orderId: 9999, ...good }))
    expect(missing.code).toBe('not_found')

    expect(snapshot(w.sqlite)).toEqual(before)
  })

  it('nobody signed in', async () => {
    const w = await packedWorld()
    await w.call('operators:signOut', {})
    const before = snapshot(w.sqlite)
    const error = await w.refusal(w.call('shipping:ship', { orderId: w.ids.one, ...good }))
    expect(error.code).toBe('not_signed_in')
    expect(snapshot(w.sqlite)).toEqual(before)
  })
})

describe('tracking URL check', () => {
  it.each([
    ['https://www.dhl.com/de-en/home/tracking.html?tracking-id=JJD0001', null],
    ['http://tracking.dpd.de/status/en_US/parcel/01234567890123', null],
    ['HTTPS://WWW.UPS.COM/track?tracknum=1Z999AA10123456784', null],
    ['https://t.17track.net/en#nums=LX123456789CN', null],
    ['javascript:alert(document.cookie)', 'not javascript:'],
    ['JavaScript://www.dhl.com/%0Aalert(1)', 'not javascript:'],
    ['data:text/html,<script>alert(1)</script>', 'not data:'],
    ['ftp://ftp.dhl.com/track', 'not ftp:'],
    ['file:///etc/passwd', 'not file:'],
    ['www.dhl.com/track', 'is not a web address'],
    ['dhl', 'is not a web address'],
    ['https://', 'is not a web address'],
    ['https://localhost/track', "carrier's domain name"],
    ['https://user:secret@www.dhl.com/', 'without a user name or password'],
    ['https://www.dhl.com/track?id=1 2', 'without spaces'],
    [`https://www.dhl.com/${'x'.repeat(2100)}`, 'at most 2048 characters']
  ])('%s', (url, problem) => {
    const found = trackingUrlProblem(url)
    if (problem === null) expect(found).toBeNull()
    else expect(found && english(found)).toContain(problem)
  })
})

describe('tracking number check', () => {
  it.each([
    ['1Z999AA10123456784', null],
    ['JJD000390007827', null],
    ['LX123456789CN', null],
    ['00340434161234567890', null],
    ['9405-5036-9930-0000-0000-00', null],
    ['', 'Enter the tracking number'],
    ['ABC12', '6 to 40 characters'],
    ['1'.repeat(41), '6 to 40 characters'],
    ['AB12345/67', 'not "/"'],
    ['ÄB1234567', 'not "Ä"']
  ])('%s', (trackingNumber, problem) => {
    const found = trackingNumberProblem(trackingNumber)
    if (problem === null) expect(found).toBeNull()
    else expect(found && english(found)).toContain(problem)
  })
})

describe('tracking problems as catalogue words', () => {
  it('are the same English sentences as the station always showed', () => {
    expect(english(trackingNumberProblem('')!)).toBe('Enter the tracking number: scan it from the carrier label.')
    expect(english(trackingNumberProblem('AB12345/67')!)).toBe('A tracking number has only letters, digits and "-", not "/".')
    expect(english(trackingNumberProblem('ABC12')!)).toBe('A tracking number is 6 to 40 characters; this one has 5.')
    expect(english(trackingUrlProblem('javascript:alert(1)')!)).toBe(
      'The tracking URL must be a web address starting with https:// or http://, not javascript:.'
    )
    expect(english(trackingUrlProblem('dhl')!)).toBe(
      'The tracking URL must be a web address starting with https:// or http://: "dhl" is not a web address.'
    )
  })

  it('are worded in Polish on a Polish screen', () => {
    const t = translator('pl', 'shipping')
    expect(wordSentence(t, trackingNumberProblem('ABC12')!)).toBe('Numer przesyłki musi mieć od 6 do 40 znaków, a ten ma 5.')
    expect(wordSentence(t, trackingUrlProblem('ftp://ftp.dhl.com/track')!)).toBe(
      'Link do śledzenia musi być adresem strony zaczynającym się od https:// lub http://, a nie ftp:.'
    )
  })

  it("word the refusal in the screen's language, with the problem inside it", () => {
    let error: StationError | undefined
    try {
      checkShipment({ carrier: 'DHL', service: 'Parcel', trackingNumber: '12345', trackingUrl: null }, { prefixes: [], suffixes: [] })
    } catch (e) {
      error = e as StationError
    }
    expect(error).toBeInstanceOf(StationError)
    expect(error!.message).toBe('A tracking number is 6 to 40 characters; this one has 5. Nothing was changed.')
    expect(error!.key).toBe('refusals:packing.badTrackingNumber')
    expect(wordSentence(translator('pl', 'refusals'), { key: error!.key!, params: error!.params })).toBe(
      'Numer przesyłki musi mieć od 6 do 40 znaków, a ten ma 5. Nic nie zostało zmienione.'
    )
  })
})
