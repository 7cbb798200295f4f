import type { Database } from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { serialHistoryQueries } from '../../src/main/core/history/serialHistory'
import { returnsOfSerialsQuery, serialLookupQueries } from '../../src/main/core/history/serialLookup'
import { cleanup } from './helpers'
import { A, LEAD_APPROVAL, shippingWorld } from './shippingWorld'
import { mainCatalogue } from '../../src/main/core/i18n/catalogue'
import { wordSentence } from '../../src/shared/words'

afterEach(cleanup)

const unit = (w: { sqlite: Database }, serial: string) =>
  w.sqlite.prepare('select id from scanned_units where serial = ? and removed_at is null').get(serial) as { id: string }

describe('IMEI history', () => {
  it('tells a unit’s whole story in time order: removed from one order, packed, shipped and returned with another', async () => {
    const w = shippingWorld()
    await w.signIn('OP-1001')

    // Into SO-2 first, then a shift lead takes it out again.
    await w.call('scanning:scan', { orderId: w.ids.two, input: A(1) })
    w.time.advance(60_000)
    await w.call('packing:removeUnit', {
      orderId: w.ids.two,
      unitId: unit(w, A(1)).id,
      approval: LEAD_APPROVAL,
      reason: 'screen scratched'
    })
    w.time.advance(60_000)

    // Then packed into SO-1 (a dual-IMEI unit), shipped, and returned against SO-1.
    await w.pack(w.ids.one, [A(1), A(2)])
    w.sqlite
      .prepare('update scanned_units set serial2 = ?, entry_method = ? where serial = ? and removed_at is null')
      .run(A(10), 'typed', A(1))
    w.time.advance(60_000)
    await w.ship(w.ids.one, 'JJD0000001', 'https://www.dhl.com/t/JJD0000001')
    w.time.advance(60_000)
    await w.signIn('OP-9001')
    await w.call('returns:record', { orderId: w.ids.one, serials: [A(10)] })

    const history = await w.call('history:serial', { input: ` ${A(10)}\r\n` })
    expect(history.serial).toBe(A(10))
    expect(history.serials.sort()).toEqual([A(1), A(10)].sort())
    expect(history.entries.map((e) => [e.kind, e.orderNumber, e.boxNumber, e.operator])).toEqual([
      ['scanned', 'SO-2', null, 'Marek Nowak'],
      ['removed', 'SO-2', null, 'Marek Nowak'],
      ['scanned', 'SO-1', 1, 'Marek Nowak'],
      ['boxed', 'SO-1', 1, null],
      ['box_confirmed', 'SO-1', 1, null],
      ['packed', 'SO-1', 1, 'Marek Nowak'],
      ['shipped', 'SO-1', 1, 'Marek Nowak'],
      ['returned', 'SO-1', null, 'Dana Whitfield']
    ])
    const at = history.entries.map((e) => e.at)
    expect([...at].sort()).toEqual(at)
    const [scanned2, removed, scanned1, , , , shipped, returned] = history.entries
    expect(scanned2).toMatchObject({ entryMethod: 'scanned', detail: `${A(1)} scanned into order SO-2` })
    expect(removed).toMatchObject({
      removal: 'removed',
      approvedBy: 'Dana Whitfield',
      detail: 'Removed from order SO-2 by Marek Nowak, approved by Dana Whitfield: screen scratched'
    })
    expect(scanned1).toMatchObject({
      entryMethod: 'typed',
      boxStatus: 'confirmed',
      detail: `${A(1)} / ${A(10)} typed by hand into order SO-1`
    })
    expect(shipped).toMatchObject({ carrier: 'DHL Parcel', trackingNumber: 'JJD0000001', trackingUrl: 'https://www.dhl.com/t/JJD0000001' })
    expect(returned).toMatchObject({ flag: null, detail: 'Returned against order SO-1' })

    // The same story through the first IMEI.
    expect((await w.call('history:serial', { input: A(1) })).entries).toEqual(history.entries)
    // Each entry's words are its detail in English, and the screen words them in the operator's language.
    const [en, pl] = [mainCatalogue().getFixedT('en'), mainCatalogue().getFixedT('pl')]
    for (const e of history.entries) expect(wordSentence(en, e.words!)).toBe(e.detail)
    expect(wordSentence(pl, scanned2!.words!)).toBe(`${A(1)} zeskanowano do zamówienia SO-2`)
    expect(wordSentence(pl, removed!.words!)).toBe(
      'Usunięto z zamówienia SO-2 przez Marek Nowak, zatwierdził(a) Dana Whitfield: screen scratched'
    )
  })

  it('shows a voided box, and nothing of the order after the unit left it', async () => {
    const w = shippingWorld()
    await w.signIn('OP-1001')
    await w.call('scanning:scan', { orderId: w.ids.one, input: A(1) })
    const saved = await w.call('packing:save', { orderId: w.ids.one })
    w.time.advance(60_000)
    const boxId = saved.change.boxedInto!
    await w.call('packing:voidBox', { orderId: w.ids.one, boxId, approval: LEAD_APPROVAL, reason: 'wrong box size' })
    w.time.advance(60_000)
    await w.pack(w.ids.one, [A(2), A(3)])
    await w.ship(w.ids.one)

    const history = await w.call('history:serial', { input: A(1) })
    expect(history.entries.map((e) => [e.kind, e.boxNumber, e.boxStatus])).toEqual([
      ['scanned', 1, 'voided'],
      ['boxed', 1, 'voided'],
      ['removed', 1, 'voided']
    ])
    expect(history.entries[2]).toMatchObject({
      removal: 'box_voided',
      operator: 'Marek Nowak',
      approvedBy: 'Dana Whitfield',
      detail: 'Box 1 of order SO-1 voided by Marek Nowak, approved by Dana Whitfield: wrong box size'
    })
  })

  it('a serial only ever seen in a return, and one never seen at all', async () => {
    const w = shippingWorld()
    await w.signIn('OP-1001')
    await w.pack(w.ids.one, [A(1), A(2)])
    await w.ship(w.ids.one)
    await w.call('returns:record', { orderId: w.ids.one, serials: ['SN-FOREIGN-77'] })

    const foreign = await w.call('history:serial', { input: 'SN-FOREIGN-77' })
    expect(foreign.entries).toHaveLength(1)
    expect(foreign.entries[0]).toMatchObject({
      kind: 'returned',
      flag: 'unknown_serial',
      orderNumber: 'SO-1',
      detail: 'Returned against order SO-1 — flagged: Unknown serial'
    })
    expect(await w.call('history:serial', { input: A(99) })).toEqual({ serial: A(99), serials: [A(99)], entries: [] })
    const empty = await w.refusal(w.call('history:serial', { input: ' \t ' }))
    expect(empty.code).toBe('invalid_serial')
  })

  it('finds everything through indexes: no query of the history scans a table', () => {
    const w = shippingWorld()
    const queries = [
      ...Object.values(serialLookupQueries(w.db)),
      ...Object.values(serialHistoryQueries(w.db)),
      returnsOfSerialsQuery(w.db, [A(1), A(2)])
    ]
    for (const query of queries) {
      const { sql, params } = query.toSQL()
      const plan = (
        w.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params.map((p) => (typeof p === 'object' ? null : p))) as { detail: string }[]
      ).map((r) => r.detail)
      expect(
        plan.filter((d) => /^SCAN /.test(d)),
        `${sql}\n${plan.join('\n')}`
      ).toEqual([])
      expect(plan.some((d) => /^SEARCH /.test(d))).toBe(true)
    }
  })
})
