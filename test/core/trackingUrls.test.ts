// Which URLs the station vouches for (the system browser opens only those):
// the exact tracking URL of a shipped order, found through an index.
import { afterEach, describe, expect, it } from 'vitest'
import { isPlainWebUrl, isStationTrackingUrl, shippedTrackingUrlQuery } from '../../src/main/core/packing/trackingUrls'
import { cleanup } from './helpers'
import { A, shippingWorld } from './shippingWorld'

afterEach(cleanup)

const TRACKING = 'https://www.dhl.com/de-en/home/tracking.html?tracking-id=00340434161234567890'

async function shippedWithUrl() {
  const w = shippingWorld()
  await w.signIn('OP-1001')
  await w.pack(w.ids.one, [A(1), A(2)])
  await w.ship(w.ids.one, '00340434161234567890', TRACKING)
  return w
}

describe('isStationTrackingUrl', () => {
  it('knows the tracking URL of a shipped order, character for character', async () => {
    const w = await shippedWithUrl()
    expect(isStationTrackingUrl(w.db, TRACKING)).toBe(true)
    const near = [`${TRACKING}&x=1`, `${TRACKING}#top`, TRACKING.replace('https:', 'http:'), TRACKING.replace('www.dhl.com', 'WWW.DHL.COM')]
    for (const url of [...near, ` ${TRACKING}`, 'https://www.dhl.com/', '']) {
      expect(isStationTrackingUrl(w.db, url), url).toBe(false)
    }
  })

  it('knows no URL of an order that has not shipped, or of none at all', async () => {
    const w = shippingWorld()
    expect(isStationTrackingUrl(w.db, TRACKING)).toBe(false)
    // A URL on an order that is not shipped (put there by hand, or by a future bug) is not vouched for.
    w.sqlite.prepare("update orders set tracking_url = ?, status = 'packed' where id = ?").run(TRACKING, w.ids.two)
    expect(isStationTrackingUrl(w.db, TRACKING)).toBe(false)
  })

  it('vouches for no URL that is not plain http(s), even if it was stored', async () => {
    const w = await shippedWithUrl()
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'http://user:pw@www.dhl.com/track']) {
      w.sqlite.prepare('update orders set tracking_url = ? where id = ?').run(url, w.ids.one)
      expect(isStationTrackingUrl(w.db, url), url).toBe(false)
    }
  })

  it('finds the URL through orders_tracking_url, not by walking the shipped orders', () => {
    const w = shippingWorld()
    const { sql, params } = shippedTrackingUrlQuery(w.db).toSQL()
    const values = params.map((p) => (typeof p === 'object' ? TRACKING : p))
    const plan = (w.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...values) as { detail: string }[]).map((r) => r.detail)
    expect(plan, plan.join('\n')).toEqual(['SEARCH orders USING INDEX orders_tracking_url (tracking_url=?)'])
  })
})

describe('isPlainWebUrl', () => {
  it('is http or https without credentials', () => {
    for (const url of ['https://www.dhl.com/track?id=1', 'http://tracking.example.com/x']) expect(isPlainWebUrl(url), url).toBe(true)
    const unsafe = [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'ftp://x.example/',
      'http://user:pw@x.example/',
      'https://user@x.example/',
      'data:,x',
      'x'
    ]
    for (const url of unsafe) {
      expect(isPlainWebUrl(url), url).toBe(false)
    }
  })
})
