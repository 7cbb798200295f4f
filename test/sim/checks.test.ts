// The warehouse simulation's checks (tools/sim/checks.ts) on a small state
// built by hand: a consistent warehouse passes every check, and each doctored
// copy — an order packed twice, an IMEI live twice, an event applied twice or
// never answered, a rejection nobody sees, a scan lost at a restart — fails
// the check that guards it, and only that one.
import { describe, expect, it } from 'vitest'
import { runChecks, type CheckInput } from '../../tools/sim/checks'
import type { OutboxAudit } from '../../tools/sim/protocol'

const REASON = 'IMEI x1 was already shipped by station ST-A'

function row(id: string, type: string, omsOrderId: string, serials: string[] = [], state: 'sent' | 'rejected' = 'sent'): OutboxAudit {
  return {
    id,
    type,
    omsOrderId,
    sent: state === 'sent',
    rejected: state === 'rejected',
    rejectReason: state === 'rejected' ? REASON : null,
    serials
  }
}

const wire = (r: OutboxAudit, stationId: string) => ({
  id: r.id,
  type: r.type,
  stationId,
  omsOrderId: r.omsOrderId,
  payload: r.type === 'box.confirmed' ? { units: r.serials.map((serial) => ({ serial, serial2: null })) } : {}
})

/** Station A packed O1 (2 units); station B packed O2 and scanned A's x1 into O3, which the OMS rejected. */
function warehouse(): CheckInput {
  const a = [row('e1', 'order.in_progress', 'O1'), row('e2', 'box.confirmed', 'O1', ['x1', 'x2']), row('e3', 'order.packed', 'O1')]
  const b = [
    row('e4', 'order.in_progress', 'O2'),
    row('e5', 'box.confirmed', 'O2', ['x3']),
    row('e6', 'order.packed', 'O2'),
    row('e7', 'box.confirmed', 'O3', ['x1'], 'rejected')
  ]
  const unit = (serial: string, omsOrderId: string) => ({ serial, omsOrderId, orderStatus: 'packed', boxStatus: 'confirmed' })
  return {
    ordered: new Map([
      ['O1', 2],
      ['O2', 1],
      ['O3', 1]
    ]),
    stations: [
      {
        name: 'Station 1',
        rejectedShown: 0,
        serialConflicts: [],
        audit: {
          stationId: 'ST-A',
          outbox: a,
          units: [unit('x1', 'O1'), unit('x2', 'O1')],
          orders: [{ omsOrderId: 'O1', status: 'packed' }]
        }
      },
      {
        name: 'Station 2',
        rejectedShown: 1,
        serialConflicts: ['e7'],
        audit: {
          stationId: 'ST-B',
          outbox: b,
          units: [unit('x3', 'O2'), unit('x1', 'O3')],
          orders: [
            { omsOrderId: 'O2', status: 'packed' },
            { omsOrderId: 'O3', status: 'in_progress' }
          ]
        }
      }
    ],
    oms: {
      events: [...a.map((r) => wire(r, 'ST-A')), ...b.filter((r) => r.sent).map((r) => wire(r, 'ST-B'))],
      tally: { accepted: 6, duplicate: 2, rejected: 1 },
      rejections: [{ id: 'e7', reason: REASON }]
    },
    orderClaims: true,
    collisions: new Map([['O1', 'opened again at Station 2 after Station 1 packed it']]),
    lostScans: [],
    problems: [],
    restarts: { planned: 1, done: 1 },
    cuts: [{ station: 'Station 1', drainMs: 1200 }]
  }
}

const failing = (input: CheckInput) => runChecks(input).filter((c) => !c.pass)

describe('warehouse checks', () => {
  it('pass on a consistent warehouse, a rejected IMEI shown at its station included', () => {
    expect(failing(warehouse())).toEqual([])
  })

  it('fail when the OMS accepted an order from two stations', () => {
    const state = warehouse()
    const b = state.stations[1]!.audit
    const extra = [row('e8', 'box.confirmed', 'O1', ['x9']), row('e9', 'order.packed', 'O1')]
    b.outbox.push(...extra)
    b.units.push({ serial: 'x9', omsOrderId: 'O1', orderStatus: 'packed', boxStatus: 'confirmed' })
    b.orders.push({ omsOrderId: 'O1', status: 'packed' })
    state.oms.events.push(...extra.map((r) => wire(r, 'ST-B')))
    state.oms.tally.accepted += 2
    const failed = failing(state)
    expect(failed.map((c) => c.name)).toEqual(['no order packed twice'])
    expect(failed[0]!.details.join('\n')).toContain(
      'the OMS accepted O1 as packed 2 times (stations ST-A, ST-B) (opened again at Station 2 after Station 1 packed it)'
    )
    expect(failed[0]!.details.join('\n')).toContain('O1 is packed at Station 1 and Station 2 and none of them shows a rejection')
    // Stations without order claims: the failure says so first.
    expect(failing({ ...state, orderClaims: false })[0]!.details[0]).toContain('the stations have no order claims')
  })

  it('fail when an IMEI is accepted in two orders, or live in two without a rejection', () => {
    const state = warehouse()
    const e7 = state.stations[1]!.audit.outbox.find((r) => r.id === 'e7')!
    Object.assign(e7, { sent: true, rejected: false, rejectReason: null })
    state.stations[1]!.rejectedShown = 0
    state.stations[1]!.serialConflicts = []
    state.oms.events.push(wire(e7, 'ST-B'))
    state.oms.tally.accepted++
    state.oms.rejections = []
    const failed = failing(state)
    expect(failed.map((c) => c.name)).toEqual(['no IMEI live in two orders'])
    expect(failed[0]!.details).toContain('the OMS accepted IMEI x1 in O1 at ST-A and in O3 at ST-B')
  })

  it('fail when an event was applied twice, never answered, or is unknown to every station', () => {
    const twice = warehouse()
    twice.oms.events.push(twice.oms.events[0]!)
    expect(failing(twice).map((c) => c.name)).toContain('every event accepted exactly once')

    const unanswered = warehouse()
    Object.assign(unanswered.stations[0]!.audit.outbox[2]!, { sent: false })
    unanswered.oms.events = unanswered.oms.events.filter((e) => e.id !== 'e3')
    unanswered.oms.tally.accepted--
    const failed = failing(unanswered).find((c) => c.name === 'every event accepted exactly once')
    expect(failed?.details).toContain('Station 1: event e3 (order.packed) was never answered')

    const stray = warehouse()
    stray.oms.events.push({ id: 'zz', type: 'order.ready', stationId: 'ST-A', omsOrderId: 'O1', payload: {} })
    stray.oms.tally.accepted++
    expect(failing(stray).find((c) => c.name === 'every event accepted exactly once')?.details).toContain(
      'the OMS accepted event zz, which no station wrote'
    )
  })

  it("fail when the OMS's units differ from the station's", () => {
    const state = warehouse()
    state.oms.events[1]!.payload = { units: [{ serial: 'x1', serial2: null }] }
    const failed = failing(state).find((c) => c.name === "the stand-in's totals equal the stations'")
    expect(failed?.details).toContain('Station 1: 2 units accepted here, 1 in the OMS')
  })

  it('fail when a rejection does not reach the shift lead, is not a serial conflict, or no station shows it', () => {
    const unseen = warehouse()
    unseen.stations[1]!.rejectedShown = 0
    expect(failing(unseen).map((c) => c.name)).toEqual(['every rejection shown to a shift lead'])

    const unlisted = warehouse()
    unlisted.stations[1]!.serialConflicts = []
    expect(failing(unlisted).find((c) => c.name === 'every rejection shown to a shift lead')?.details).toEqual([
      'Station 2: x1 rejected by the OMS and live here, not listed as a serial conflict'
    ])

    const silent = warehouse()
    silent.oms.rejections.push({ id: 'e5', reason: 'order cancelled' })
    expect(failing(silent).find((c) => c.name === 'every rejection shown to a shift lead')?.details).toContain(
      'the OMS rejected event e5 (order cancelled), and no station shows it'
    )
  })

  it('fail when a scan is lost at a restart, a restart did not happen, a cut never drained, or an operator met a refusal', () => {
    const state = warehouse()
    state.lostScans = ['Station 2: x3 in WS-2']
    state.restarts = { planned: 2, done: 1 }
    state.cuts.push({ station: 'Station 2', drainMs: null })
    state.problems = ['Station 1: scan of x4 refused: invalid_serial']
    expect(failing(state).map((c) => c.name)).toEqual([
      'nothing lost at a restart',
      'every cut drained',
      'operators met no unexplained refusal'
    ])
  })
})
