// The first-run guide's calls (access `firstRun`): open to whoever is at a
// station with no operators, validated like the screens they stand in for
// (GS1 prefix digits, the OMS address rules), and refused — changing
// nothing — once the station has an operator.
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/core/dispatch'
import { createOperator } from '../../src/main/core/operators/operators'
import { accessTable } from '../../src/shared/access'
import type { Channel, Envelope } from '../../src/shared/contract'
import type { FirstRunState } from '../../src/shared/firstRun'
import { cleanup, openTestStation, snapshot, type TestStation } from '../core/helpers'

afterEach(cleanup)

const call = (t: TestStation, channel: Channel, args: unknown): Promise<Envelope<unknown>> => dispatch(t.handlers, channel, args, () => {})

const GUIDE_CALLS: [Channel, Record<string, unknown>][] = [
  ['firstRun:state', {}],
  ['firstRun:saveStation', { stationId: 'ST-HALL2-03', stationName: 'Hall 2 bench 3' }],
  ['firstRun:saveGs1', { gs1: { companyPrefix: '4012345', extensionDigit: 1 } }],
  ['firstRun:saveOms', { omsUrl: 'https://oms.example.com', token: 'guide-token-1' }]
]

describe('the first-run guide', () => {
  it('sets up an empty station before anyone signs in', async () => {
    const t = openTestStation()
    const before = (await call(t, 'firstRun:state', {})) as { ok: true; value: FirstRunState }
    expect(before.ok).toBe(true)
    expect(before.value).toMatchObject({ stationName: null, gs1: null, omsUrl: null, tokenStored: false, orderCount: 0 })
    expect(before.value.stationId).toBe(before.value.stationIdInUse)

    let last: Envelope<unknown> = before
    for (const [channel, args] of GUIDE_CALLS) {
      last = await call(t, channel, args)
      expect(last.ok, channel).toBe(true)
    }
    expect((last as { value: FirstRunState }).value).toMatchObject({
      stationId: 'ST-HALL2-03',
      stationIdInUse: before.value.stationId,
      stationName: 'Hall 2 bench 3',
      gs1: { companyPrefix: '4012345', extensionDigit: 1 },
      omsUrl: 'https://oms.example.com',
      tokenStored: true
    })
  })

  it('validates what it is given, like the screens it stands in for', async () => {
    const t = openTestStation()
    const before = snapshot(t.sqlite)
    const refused = async (channel: Channel, args: unknown, message: RegExp) => {
      const answer = await call(t, channel, args)
      expect(answer.ok, channel).toBe(false)
      if (!answer.ok) expect(answer.error.message).toMatch(message)
    }
    await refused('firstRun:saveGs1', { gs1: { companyPrefix: '40123A5', extensionDigit: 1 } }, /7 to 10 digits/)
    await refused('firstRun:saveGs1', { gs1: { companyPrefix: '401234', extensionDigit: 1 } }, /7 to 10 digits/)
    await refused('firstRun:saveOms', { omsUrl: 'http://oms.example.com' }, /must start with https:\/\//)
    await refused('firstRun:saveOms', { omsUrl: 'https://user:pw@oms.example.com' }, /user name or password/)
    await refused('firstRun:saveStation', { stationId: 'ST 1/../x', stationName: null }, /station id is 1 to 40 letters/)
    expect(snapshot(t.sqlite)).toEqual(before)
    // Plain http is allowed for this PC only (the development stand-in), as on the Sync screen.
    expect((await call(t, 'firstRun:saveOms', { omsUrl: 'http://127.0.0.1:8787' })).ok).toBe(true)
  })

  it('is refused once the station has an operator, whoever calls, and changes nothing', async () => {
    const t = openTestStation()
    const lead = createOperator(t.db, t.clock, { name: 'Dana Whitfield', badgeCode: 'OP-9001', role: 'shift_lead', pin: '1234' }, null)
    createOperator(t.db, t.clock, { name: 'Marek Nowak', badgeCode: 'OP-1001', role: 'operator' }, lead)
    for (const who of [null, { badgeCode: 'OP-1001' }, { badgeCode: 'OP-9001', pin: '1234' }]) {
      await call(t, 'operators:signOut', {})
      if (who) expect((await call(t, 'operators:signIn', who)).ok).toBe(true)
      const before = snapshot(t.sqlite)
      for (const [channel, args] of GUIDE_CALLS) {
        const answer = await call(t, channel, args)
        expect(answer, channel).toMatchObject({
          ok: false,
          error: { code: 'not_first_run', message: expect.stringContaining('set up already') }
        })
      }
      expect(snapshot(t.sqlite)).toEqual(before)
    }
  })

  it('is the only access of the guide channels in the role table', () => {
    const guide = Object.entries(accessTable).filter(([, rule]) => rule.access === 'firstRun')
    expect(guide.map(([channel]) => channel).sort()).toEqual(GUIDE_CALLS.map(([channel]) => channel).sort())
  })
})
