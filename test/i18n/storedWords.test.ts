// Sentences the station stores and shows later (failed-import reasons, event reasons, return flags) read in the
// operator's language after the station is closed and opened again: the words are stored beside the English, or
// derived from what is stored. A real SQLite file each; rows written before the words keep their English.
import { afterEach, describe, expect, it } from 'vitest'
import { english } from '../../src/main/core/errors'
import { serialHistory } from '../../src/main/core/history/serialHistory'
import { translator } from '../../src/main/core/i18n/catalogue'
import { listFailedImports } from '../../src/main/core/orders/failedImports'
import { importRawFile, retryFailedImport } from '../../src/main/core/orders/importOrders'
import { recordEvent } from '../../src/main/core/events/eventLog'
import { assignOperators } from '../../src/main/core/operators/assignments'
import {
  assignmentReason,
  claimedByReason,
  claimFinishedReason,
  heldByOmsReason,
  omsStatusReason,
  packedShortReason,
  reasonWords,
  returnedReason,
  serialConflictReason,
  takenOverFromReason
} from '../../src/main/core/orders/holdReasons'
import { holdOrder, releaseOrder } from '../../src/main/core/orders/holds'
import { getOrderDetail } from '../../src/main/core/orders/queries'
import { TRANSITIONS } from '../../src/main/core/orders/status'
import { applyOmsStatus } from '../../src/main/core/sync/applyOmsStatus'
import { i18n } from '../../src/renderer/src/i18n'
import { answerText } from '../../src/renderer/src/useAction'
import { wordSentence } from '../../src/shared/words'
import { cleanup, createOperators, importRecords, openTestStation, orderIdOf, orderRecord } from '../core/helpers'
import { A, shippingWorld } from '../core/shippingWorld'

afterEach(async () => {
  await i18n.changeLanguage('en')
  cleanup()
})

const pl = (key: string) => translator('pl', key.split(':')[0])

describe('failed-import reasons after a restart', () => {
  it('read in Polish from their stored words; the English reason is the same sentence in English', async () => {
    const t = openTestStation()
    importRecords(t, [orderRecord(1, [{ sku: 'NO-SUCH-SKU', quantity: 1 }]), orderRecord(2, [{ sku: 'PHONE-A', quantity: 0 }])])
    importRecords(t, [orderRecord(3)], [{ sku: 'BAD' }])
    importRecords(t, [orderRecord(4)])
    importRecords(t, [orderRecord(4, [{ sku: 'PHONE-A', quantity: 5 }])])
    t.close()

    const reopened = openTestStation(t.dataDir)
    const failed = listFailedImports(reopened.db).failed
    expect(failed.map((f) => f.reasonWords?.key).sort()).toEqual([
      'import:failed.reasons.alreadyImported',
      'import:failed.reasons.invalidOrder',
      'import:failed.reasons.invalidProduct',
      'import:failed.reasons.unknownSku'
    ])
    await i18n.changeLanguage('pl')
    for (const f of failed) {
      expect(english(f.reasonWords!)).toBe(f.reason)
      expect(answerText({ message: f.reason, words: f.reasonWords ?? undefined })).toBe(wordSentence(pl('import'), f.reasonWords!))
    }
    const sku = failed.find((f) => f.omsOrderId === 'OMS-1')!
    expect(answerText({ message: sku.reason, words: sku.reasonWords ?? undefined })).toBe(
      'pozycja L1: nieznany SKU NO-SUCH-SKU (brak mapowania produktu); dodaj produkt, potem ponów'
    )
    const conflict = failed.find((f) => f.omsOrderId === 'OMS-4')!
    expect(answerText({ message: conflict.reason, words: conflict.reasonWords ?? undefined })).toBe(
      'zamówienie o id OMS-4 zaimportowano już wcześniej (zamówienie SO-4) z inną treścią'
    )
  })

  it('a retry that fails again stores the new words; an entry from before the words keeps its English', async () => {
    const t = openTestStation()
    importRecords(t, [orderRecord(1, [{ sku: 'NO-SUCH-SKU', quantity: 1 }])])
    const [entry] = listFailedImports(t.db).failed
    t.sqlite.prepare('update failed_imports set reason_words = null where id = ?').run(entry.id)
    const [old] = listFailedImports(t.db).failed
    expect(old.reasonWords).toBeNull()
    await i18n.changeLanguage('pl')
    expect(answerText({ message: old.reason, words: old.reasonWords ?? undefined })).toBe(old.reason)

    retryFailedImport(t.ctx, entry.id)
    const [again] = listFailedImports(t.db).failed
    expect(again).toMatchObject({ attempts: 2, reason: old.reason, reasonWords: { key: 'import:failed.reasons.unknownSku' } })
  })

  it('a problem the file reader found is worded; one it does not know stays as it came', () => {
    const t = openTestStation()
    importRawFile(
      t.ctx,
      {
        products: [],
        orders: [
          { record: {}, problem: 'the record is not an object' },
          { record: { oms_order_id: 'OMS-9' }, problem: 'the rows of this order disagree on carrier' },
          { record: { oms_order_id: 'OMS-10' }, problem: 'row 9: a quote is not closed' }
        ]
      },
      'orders.csv'
    )
    const worded = listFailedImports(t.db).failed.map((f) => wordSentence(pl('import'), f.reasonWords!))
    expect(worded.sort()).toEqual([
      'rekord nie jest obiektem',
      'row 9: a quote is not closed',
      'wiersze tego zamówienia różnią się w polu carrier'
    ])
  })
})

describe('event reasons the station wrote', () => {
  it("read in Polish on the order history after a restart; a shift lead's reason stays as typed", () => {
    const t = openTestStation()
    const { lead } = createOperators(t)
    importRecords(t, [orderRecord(1), orderRecord(2), orderRecord(3, undefined, { oms_status: 'awaiting_payment' })])
    const by = { operatorId: lead.id, approvedBy: { id: lead.id, name: lead.name }, reason: 'Klient prosi: szybciej' }
    holdOrder(t.db, t.clock, orderIdOf(t, 'OMS-1'), by)
    releaseOrder(t.db, t.clock, orderIdOf(t, 'OMS-1'), by)
    applyOmsStatus(t.db, t.clock, orderIdOf(t, 'OMS-2'), 'held', { contentHash: 'held' })
    applyOmsStatus(t.db, t.clock, orderIdOf(t, 'OMS-2'), 'released', { contentHash: 'released' })
    applyOmsStatus(t.db, t.clock, orderIdOf(t, 'OMS-2'), 'cancelled', { contentHash: 'cancelled' })
    t.close()

    const reopened = openTestStation(t.dataDir)
    const reasons = (oms: string) =>
      getOrderDetail(reopened.db, orderIdOf(reopened, oms))
        .events.filter((e) => e.reason)
        .map((e) => (e.reasonWords ? wordSentence(pl('orders'), e.reasonWords) : `(English) ${e.reason}`))
    expect(reasons('OMS-1')).toEqual([
      'wstrzymane przez: Dana Whitfield; powód: Klient prosi: szybciej',
      'zwolnione przez: Dana Whitfield; powód: Klient prosi: szybciej'
    ])
    expect(reasons('OMS-2')).toEqual(['wstrzymane przez OMS (status held)', 'zwolnione przez OMS', 'anulowane w OMS'])
    expect(reasons('OMS-3')).toEqual(['status w OMS: awaiting_payment'])
  })

  it('are stored in English as before, with the OMS status as a value and Polish plurals for a return', () => {
    expect(reasonWords(heldByOmsReason('on_hold'))).toEqual({ key: 'orders:event.reason.heldByOmsStatus', params: { omsState: 'on_hold' } })
    expect(reasonWords(omsStatusReason('packed'))).toEqual({ key: 'orders:event.reason.omsStatus', params: { omsState: 'packed' } })
    expect(returnedReason(1, 0)).toBe('1 unit returned, 0 flagged')
    expect(returnedReason(3, 1)).toBe('3 units returned, 1 flagged')
    const polish = (units: number) => wordSentence(pl('orders'), reasonWords(returnedReason(units, 1))!)
    expect([1, 2, 5, 22].map(polish)).toEqual([
      'zwrócono 1 sztukę, oznaczone: 1',
      'zwrócono 2 sztuki, oznaczone: 1',
      'zwrócono 5 sztuk, oznaczone: 1',
      'zwrócono 22 sztuki, oznaczone: 1'
    ])
    expect(reasonWords('a reason a person typed')).toBeUndefined()
    // The state machine's own reasons for each move read in Polish too.
    const moves = Object.values(TRANSITIONS).flatMap((to) => Object.values(to))
    for (const move of moves) {
      const words = reasonWords(move)
      expect(words, move).toBeDefined()
      expect(wordSentence(translator('en', 'orders'), words!)).toBe(move)
      expect(wordSentence(pl('orders'), words!), move).not.toBe(move)
    }
  })
})

describe('assignment, short shipment, claim and serial-conflict reasons', () => {
  // Each reason the station wrote in English before it had words for them, exactly as stored, and its Polish.
  const STORED: [string, string][] = [
    ['Picking: nobody → Marek Nowak', 'Kompletacja: nikt → Marek Nowak'],
    ['Packing: Marek Nowak → Ewa Kowalczyk', 'Pakowanie: Marek Nowak → Ewa Kowalczyk'],
    ['Shipping: Ewa Kowalczyk → nobody', 'Wysyłka: Ewa Kowalczyk → nikt'],
    [
      'packing confirmed short, approved by Dana Whitfield; remainder open',
      'pakowanie potwierdzone z brakami, zatwierdzone przez: Dana Whitfield; reszta pozostaje otwarta'
    ],
    [
      'packing confirmed short, approved by Dana Whitfield; remainder closed',
      'pakowanie potwierdzone z brakami, zatwierdzone przez: Dana Whitfield; reszta zamknięta'
    ],
    ['taken over from Packing 2', 'przejęte od stanowiska Packing 2'],
    ['claimed by ST-7', 'przejęte przez stanowisko ST-7'],
    ['order packed', 'zamówienie spakowane'],
    ['order shipped', 'zamówienie wysłane'],
    ['order cancelled', 'zamówienie anulowane'],
    [
      'Serial conflict: 356938035643809 is live at another station',
      'Konflikt numeru seryjnego: 356938035643809 jest aktywny na innym stanowisku'
    ],
    [
      'Serial conflict: 356938035643809 is live at Packing 2 in order SO-77',
      'Konflikt numeru seryjnego: 356938035643809 jest aktywny na stanowisku Packing 2 w zamówieniu SO-77'
    ]
  ]

  it('are stored in the same English as before', () => {
    expect([
      assignmentReason('picking', null, 'Marek Nowak'),
      assignmentReason('packing', 'Marek Nowak', 'Ewa Kowalczyk'),
      assignmentReason('shipping', 'Ewa Kowalczyk', null),
      packedShortReason('Dana Whitfield', 'open'),
      packedShortReason('Dana Whitfield', 'closed'),
      takenOverFromReason('Packing 2'),
      claimedByReason('ST-7'),
      claimFinishedReason('packed'),
      claimFinishedReason('shipped'),
      claimFinishedReason('cancelled'),
      serialConflictReason('356938035643809'),
      serialConflictReason('356938035643809', { station: 'Packing 2', orderNumber: 'SO-77' })
    ]).toEqual(STORED.map(([english]) => english))
  })

  it('each read in Polish, and as the stored sentence in English', () => {
    for (const [stored, polish] of STORED) {
      const words = reasonWords(stored)
      expect(words, stored).toBeDefined()
      expect(wordSentence(translator('en', 'orders'), words!)).toBe(stored)
      expect(wordSentence(pl('orders'), words!)).toBe(polish)
    }
  })

  it('leave a reason a person typed as it is', () => {
    for (const typed of ['order damaged in transit', 'Picking: nobody → nobody', 'claimed', 'Serial conflict: see ticket 12'])
      expect(reasonWords(typed), typed).toBeUndefined()
  })

  it('read in Polish on the order history after a restart, rows logged before included', () => {
    const t = openTestStation()
    const { lead, op } = createOperators(t)
    importRecords(t, [orderRecord(1)])
    const orderId = orderIdOf(t, 'OMS-1')
    assignOperators(t.db, t.clock, { orderIds: [orderId], picking: op.id, packing: op.id }, lead)
    assignOperators(t.db, t.clock, { orderIds: [orderId], picking: null }, lead)
    // Rows written before the reasons had words: only the English text is stored, no words beside it.
    const at = t.clock().toISOString()
    for (const [stored] of STORED.slice(3)) recordEvent(t.db, { at, type: 'order.claim_lost', operatorId: null, orderId, reason: stored })
    t.close()

    const reopened = openTestStation(t.dataDir)
    const events = getOrderDetail(reopened.db, orderIdOf(reopened, 'OMS-1')).events.filter((e) => e.reason)
    const worded = events.map((e) => (e.reasonWords ? wordSentence(pl('orders'), e.reasonWords) : `(English) ${e.reason}`))
    expect(worded).toEqual(
      expect.arrayContaining([
        'Kompletacja: nikt → Marek Nowak',
        'Pakowanie: nikt → Marek Nowak',
        'Kompletacja: Marek Nowak → nikt',
        ...STORED.slice(3).map(([, polish]) => polish)
      ])
    )
    expect(worded.filter((w) => w.startsWith('(English)'))).toEqual([])
    expect(events.map((e) => e.reason)).toContain('Picking: Marek Nowak → nobody')
  })
})

describe('return flags', () => {
  it('are worded from the stored flag code on the IMEI history, also for a return recorded before', async () => {
    const w = shippingWorld()
    await w.signIn('OP-1001')
    await w.pack(w.ids.one, [A(1), A(2)])
    await w.ship(w.ids.one)
    await w.call('returns:record', { orderId: w.ids.one, serials: ['SN-FOREIGN-77'] })
    w.sqlite.prepare("update return_units set flag_message = 'an old English sentence' where serial = 'SN-FOREIGN-77'").run()
    w.close()

    const reopened = openTestStation(w.dataDir)
    const history = serialHistory(reopened.db, { prefixes: [], suffixes: [] }, 'SN-FOREIGN-77')
    const [entry] = history.entries
    expect(entry.detail).toBe('Returned against order SO-1 — flagged: Unknown serial')
    expect(wordSentence(pl('history'), entry.words!)).toBe('Zwrócono do zamówienia SO-1 — oznaczono: Nieznany numer')
    const order = getOrderDetail(reopened.db, w.ids.one)
    const received = order.events.find((e) => e.type === 'return.received')!
    expect(wordSentence(pl('orders'), received.reasonWords!)).toBe('zwrócono 1 sztukę, oznaczone: 1')
  })
})
