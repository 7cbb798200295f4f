// The role table holds over every channel of the contract, called straight
// through dispatch() the way a hostile page on the WebSocket would: nobody
// signed in, an operator, a shift lead who tried to sign in without a PIN,
// a shift lead signed in with the PIN, and with a valid approval in the call.
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/core/dispatch'
import { createOperator } from '../../src/main/core/operators/operators'
import { accessTable, type Access } from '../../src/shared/access'
import { channels, contract, type Channel, type Envelope } from '../../src/shared/contract'
import { cleanup, createOperators, imei, importRecords, openTestStation, orderIdOf, orderRecord, type TestStation } from '../core/helpers'
import { looseObjects } from './strictArgs'

afterEach(cleanup)

const DANA = { badgeCode: 'OP-9001', pin: '1234' }
const LEE = { badgeCode: 'OP-9002', pin: '5678' }
const MAREK = { badgeCode: 'OP-1001' }

/** Refusals that come from the role table; any other answer means the call got past it. */
const ACCESS_CODES = new Set([
  'not_signed_in',
  'shift_lead_only',
  'approval_required',
  'wrong_pin',
  'pin_locked',
  'unknown_operator',
  'pin_required',
  'not_first_run'
])

type World = { t: TestStation; orderId: number; spareOperatorId: number }

/** Arguments that pass each channel's schema, so a refusal can only come from the table or the business rules. */
function sampleArgs(w: World, approval: { badgeCode: string; pin: string }): Record<Channel, Record<string, unknown>> {
  const orderId = w.orderId
  const printSettings = {
    labelSize: '4x6in',
    slipPaper: 'A4',
    gs1: null,
    printers: { box_label: null, shipping_label: null, packing_slip: null },
    autoPrint: { boxLabel: false, shippingLabel: false }
  }
  return {
    'app:info': {},
    'app:loadSampleData': {},
    'app:reportRendererError': { screen: 'orders', message: 'a render error' },
    'app:exportDiagnostics': { approval },
    'operators:list': {},
    'operators:signIn': { badgeCode: MAREK.badgeCode },
    'operators:signOut': {},
    'operators:current': {},
    'operators:all': {},
    'operators:create': { name: 'New Person', badgeCode: `OP-N${Math.random().toString(36).slice(2, 8)}`, role: 'operator', approval },
    'operators:update': { operatorId: w.spareOperatorId, name: 'Spare Person', approval },
    'operators:setPin': { operatorId: w.spareOperatorId, pin: '4321', approval },
    'operators:unlock': { operatorId: w.spareOperatorId, approval },
    'assignments:assign': { orderIds: [orderId], packing: w.spareOperatorId, approval },
    'orders:list': {},
    'orders:get': { orderId },
    'orders:importBegin': { fileName: 'x.json', size: 2 },
    'orders:importChunk': { uploadId: '00000000-0000-4000-8000-000000000000', offset: 0, data: 'W10=' },
    'orders:importFinish': { uploadId: '00000000-0000-4000-8000-000000000000' },
    'orders:importCancel': { uploadId: '00000000-0000-4000-8000-000000000000' },
    'orders:failedImports': {},
    'orders:retryFailedImport': { id: 999 },
    'orders:hold': { orderId, reason: 'checking the address', approval },
    'orders:release': { orderId, reason: 'address checked', approval },
    'scanning:scan': { orderId, input: imei('35391611000777') },
    'scanning:addUnits': { orderId, barcode: '0000000000000' },
    'packing:save': { orderId },
    'packing:confirmation': { orderId },
    'packing:confirm': { orderId },
    'packing:reopenBox': { orderId, boxId: 'no-such-box' },
    'packing:removeUnit': { orderId, unitId: 'no-such-unit', reason: 'damaged unit', approval },
    'packing:voidBox': { orderId, boxId: 'no-such-box', reason: 'wrong box', approval },
    'packing:unpack': { orderId, unitId: 'no-such-unit' },
    'packing:shortShipment': { orderId },
    'presets:list': {},
    'presets:save': { name: 'Test box', lengthMm: 100, widthMm: 100, heightMm: 100, maxWeightG: 1000, approval },
    'presets:delete': { id: 999, approval },
    'settings:station': {},
    'settings:saveStation': { handEntryPolicy: 'allowed', feedbackVolume: 0.5, operatorSignInPin: false, approval },
    'labels:preview': { kind: 'packing_slip', orderId },
    'labels:print': { kind: 'packing_slip', orderId },
    'labels:jobs': {},
    'labels:retry': { jobId: 'no-such-job' },
    'printing:printers': {},
    'printing:settings': {},
    'printing:saveSettings': { ...printSettings, approval },
    'scanners:list': {},
    'scanners:settings': {},
    'scanners:save': { keyboard: { prefixes: [], suffixes: [] }, serial: null, hid: null, approval },
    'scanners:status': {},
    'scanners:lastScan': {},
    'scanners:testScan': { raw: '123' },
    'shipping:ship': { orderId, carrier: 'DHL', service: 'Parcel', trackingNumber: '00340434161234567890' },
    'returns:check': { orderId, input: imei('35391611000777') },
    'returns:record': { orderId, serials: [] },
    'returns:list': { orderId },
    'history:serial': { input: imei('35391611000777') },
    'sync:status': {},
    'sync:settings': {},
    'sync:saveSettings': { omsUrl: null, pullIntervalMinutes: 5, exportEnabled: false, exportFolder: null, approval },
    'sync:now': {},
    'sync:rejectedEvents': {},
    'sync:resendRejected': { ids: ['no-such-event'], approval },
    'sync:acknowledgeRejected': { ids: ['no-such-event'], approval },
    'claims:open': { orderId },
    'claims:release': { orderId },
    'claims:takeOver': { orderId, approval },
    'claims:settings': {},
    'claims:saveSettings': { offlineStart: 'assigned_only', approval },
    'ledger:conflicts': {},
    'ledger:unpackConflict': { eventId: 'no-such-event', serial: imei('35391611000777'), approval },
    'health:status': {},
    'settings:backups': {},
    'settings:saveBackups': { everyMinutes: 30, keep: 14, folder: null, approval },
    'settings:backupNow': { approval },
    'recovery:state': {},
    'recovery:restore': { file: '/no/such/backup.db', approval },
    'firstRun:state': {},
    'firstRun:saveStation': { stationId: 'ST-TEST-1', stationName: 'Test bench' },
    'firstRun:saveGs1': { gs1: null },
    'firstRun:saveOms': { omsUrl: null },
    'settingsFile:export': { folder: '/proc/no-such-folder', approval },
    'settingsFile:preview': { text: '{}', includeStation: false },
    'settingsFile:import': { text: '{}', includeStation: false, approval },
    'evidence:settings': {},
    'evidence:saveSettings': { enabled: false, cameraId: null, retentionDays: 90, quotaMb: 50_000, approval },
    'evidence:start': { orderId, mimeType: 'video/webm' },
    'evidence:chunk': { sessionId: '0193aaaa-0000-7000-8000-000000000000', data: 'AAAA' },
    'evidence:still': { sessionId: '0193aaaa-0000-7000-8000-000000000000', boxId: 'B1', data: 'AAAA' },
    'evidence:stop': { sessionId: '0193aaaa-0000-7000-8000-000000000000', reason: 'order_left' },
    'evidence:ofOrder': { orderId },
    'evidence:watch': { orderId, sessionId: '0193aaaa-0000-7000-8000-000000000000', approval },
    'evidence:export': { orderId, approval },
    'evidence:keepOf': { orderId },
    'evidence:keep': { orderId, reason: 'claim', approval },
    'evidence:release': { orderId, approval },
    'evidence:usage': {},
    'reports:board': {},
    'reports:shift': { from: '2026-11-21T00:00:00.000Z', to: '2026-11-22T00:00:00.000Z' },
    'reports:export': { range: { from: '2026-11-21T00:00:00.000Z', to: '2026-11-22T00:00:00.000Z' }, format: 'csv' }
  }
}

async function world(): Promise<World> {
  const t = openTestStation()
  const { lead } = createOperators(t)
  createOperator(t.db, t.clock, { name: 'Lee Second', badgeCode: LEE.badgeCode, role: 'shift_lead', pin: LEE.pin }, lead)
  const spare = createOperator(t.db, t.clock, { name: 'Spare', badgeCode: 'OP-1002', role: 'operator' }, lead)
  importRecords(t, [orderRecord(1)])
  return { t, orderId: orderIdOf(t, 'OMS-1'), spareOperatorId: spare.id }
}

const call = (w: World, channel: Channel, args: unknown): Promise<Envelope<unknown>> => dispatch(w.t.handlers, channel, args, () => {})
const codeOf = (envelope: Envelope<unknown>) => (envelope.ok ? 'ok' : envelope.error.code)

type Session = 'nobody' | 'operator' | 'shiftLead'

/** Signs the session in before each call: a call like operators:signOut must not change the next one's session. */
async function enter(w: World, session: Session) {
  await call(w, 'operators:signOut', {})
  if (session === 'operator') expect(codeOf(await call(w, 'operators:signIn', MAREK))).toBe('ok')
  if (session === 'shiftLead') expect(codeOf(await call(w, 'operators:signIn', DANA))).toBe('ok')
}

/** What the table lets through for a session, given whether the call carries a valid approval. */
function allowed(access: Access, session: Session, validApproval: boolean): boolean {
  if (access === 'station') return true
  // The world has operators: the first-run guide's calls are refused to everyone.
  if (access === 'firstRun') return false
  if (session === 'nobody') return false
  if (access === 'signedIn') return true
  if (access === 'shiftLead') return session === 'shiftLead'
  return validApproval
}

describe('the role table', () => {
  it('names every channel, and every channel refuses unknown keys in its arguments', () => {
    expect(Object.keys(accessTable).sort()).toEqual([...channels].sort())
    const loose = channels.flatMap((channel) => looseObjects(contract[channel].args).map((path) => `${channel} ${path}`))
    expect(loose).toEqual([])
  })

  it('asks a fresh shift-lead approval for every change to the station, its operators and its settings', () => {
    const mustApprove: Channel[] = [
      'sync:saveSettings',
      'sync:resendRejected',
      'sync:acknowledgeRejected',
      'claims:takeOver',
      'claims:saveSettings',
      'settings:saveStation',
      'app:exportDiagnostics',
      'settings:saveBackups',
      'settings:backupNow',
      'settingsFile:export',
      'settingsFile:import',
      'printing:saveSettings',
      'scanners:save',
      'presets:save',
      'presets:delete',
      'operators:create',
      'operators:update',
      'operators:setPin',
      'operators:unlock',
      'assignments:assign',
      'orders:hold',
      'orders:release',
      'packing:removeUnit',
      'packing:voidBox'
    ]
    for (const channel of mustApprove) expect(accessTable[channel].access, channel).toBe('approval')
    expect(accessTable['operators:all'].access).not.toBe('station')
    expect(accessTable['sync:settings'].access).not.toBe('station')
  })

  for (const session of ['nobody', 'operator', 'shiftLead'] as const) {
    it(`holds for every channel with ${{ nobody: 'nobody', operator: 'an operator', shiftLead: 'a shift lead' }[session]} signed in and a wrong approval`, async () => {
      const w = await world()
      // Lee's PIN is wrong here: every approval channel is refused, the rest follow the session.
      const args = sampleArgs(w, { badgeCode: LEE.badgeCode, pin: '0000' })
      for (const channel of channels) {
        await enter(w, session)
        const code = codeOf(await call(w, channel, args[channel]))
        const rule = accessTable[channel]
        const expectation = allowed(rule.access, session, false) ? 'past the table' : 'refused by the table'
        const outcome = ACCESS_CODES.has(code) ? 'refused by the table' : 'past the table'
        expect(`${channel}: ${outcome} (${code})`).toBe(`${channel}: ${expectation} (${code})`)
        if (!allowed(rule.access, session, false) && session !== 'nobody' && rule.access === 'approval') {
          expect(['wrong_pin', 'pin_locked'], channel).toContain(code)
        }
      }
    })
  }

  it('lets every approval channel through with a valid approval, even with an operator signed in', async () => {
    const w = await world()
    const args = sampleArgs(w, DANA)
    for (const channel of channels.filter((c) => accessTable[c].access === 'approval')) {
      await enter(w, 'operator')
      const code = codeOf(await call(w, channel, args[channel]))
      expect(ACCESS_CODES.has(code), `${channel} answered ${code}`).toBe(false)
    }
  })

  it("refuses an approval from an operator's badge, and an approval missing from a direct call to the core", async () => {
    const w = await world()
    await enter(w, 'shiftLead')
    const args = sampleArgs(w, { badgeCode: MAREK.badgeCode, pin: '1234' })
    expect(codeOf(await call(w, 'sync:saveSettings', args['sync:saveSettings']))).toBe('shift_lead_only')
    // Past the schema (a direct call into the core's handlers): the guard still asks for the approval.
    const { approval: _, ...without } = sampleArgs(w, DANA)['settings:saveStation']
    await expect(
      Promise.resolve().then(() => (w.t.handlers['settings:saveStation'] as (a: unknown) => unknown)(without))
    ).rejects.toMatchObject({
      code: 'approval_required'
    })
  })

  it('signs a shift lead in only with the PIN; a wrong PIN counts towards the lock-out and leaves the session as it was', async () => {
    const w = await world()
    await enter(w, 'operator')
    expect(codeOf(await call(w, 'operators:signIn', { badgeCode: DANA.badgeCode }))).toBe('pin_required')
    expect(codeOf(await call(w, 'operators:signIn', { operatorId: 1 }))).toBe('pin_required')
    expect(codeOf(await call(w, 'operators:signIn', { badgeCode: DANA.badgeCode, pin: '9999' }))).toBe('wrong_pin')
    const current = await call(w, 'operators:current', {})
    expect(current).toMatchObject({ ok: true, value: { name: 'Marek Nowak', role: 'operator' } })
    expect(codeOf(await call(w, 'operators:all', {}))).toBe('shift_lead_only')
    const failed = w.t.sqlite.prepare("select failed_pin_attempts as n from operators where badge_code = 'OP-9001'").get() as { n: number }
    expect(failed.n).toBe(1)
    expect(codeOf(await call(w, 'operators:signIn', DANA))).toBe('ok')
    expect(codeOf(await call(w, 'operators:all', {}))).toBe('ok')
  })

  it('asks operators for a PIN at sign-in when the station says so', async () => {
    const w = await world()
    await enter(w, 'operator')
    expect(codeOf(await call(w, 'operators:setPin', { operatorId: 2, pin: '2468', approval: DANA }))).toBe('ok')
    const settings = { handEntryPolicy: 'allowed', feedbackVolume: 0.5, operatorSignInPin: true, approval: DANA }
    expect(codeOf(await call(w, 'settings:saveStation', settings))).toBe('ok')
    await call(w, 'operators:signOut', {})
    expect(codeOf(await call(w, 'operators:signIn', MAREK))).toBe('pin_required')
    expect(codeOf(await call(w, 'operators:signIn', { ...MAREK, pin: '1111' }))).toBe('wrong_pin')
    expect(codeOf(await call(w, 'operators:signIn', { ...MAREK, pin: '2468' }))).toBe('ok')
    // An operator with no PIN yet cannot sign in while PINs are asked for.
    expect(codeOf(await call(w, 'operators:signIn', { badgeCode: 'OP-1002', pin: '1234' }))).toBe('no_pin')
  })

  it('opens the first operator and the sample data to a station that has no operators yet, and to nobody after', async () => {
    const t = openTestStation()
    const w: World = { t, orderId: 1, spareOperatorId: 1 }
    const first = { name: 'First Lead', badgeCode: 'OP-1', role: 'shift_lead', pin: '1357' }
    expect(codeOf(await call(w, 'operators:create', first))).toBe('ok')
    expect(codeOf(await call(w, 'operators:create', { ...first, badgeCode: 'OP-2' }))).toBe('not_signed_in')
    expect(codeOf(await call(w, 'operators:create', { ...first, badgeCode: 'OP-2', approval: { badgeCode: 'OP-1', pin: '1357' } }))).toBe(
      'not_signed_in'
    )
    expect(codeOf(await call(w, 'app:loadSampleData', {}))).toBe('not_signed_in')
  })
})
