// The Scanners screen's Test scan through the real channel: what the scan
// parser read from a code, so a shift lead can check a box format before the shift.
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/core/dispatch'
import type { TestedScan } from '../../src/shared/scanners'
import { cleanup, imei, openTestStation, type TestStation } from '../core/helpers'

afterEach(cleanup)

async function testScan(t: TestStation, raw: string): Promise<TestedScan> {
  const envelope = await dispatch(t.handlers, 'scanners:testScan', { raw }, () => {})
  if (!envelope.ok) throw new Error(`${envelope.error.code} ${envelope.error.message}`)
  return envelope.value as TestedScan
}

async function signedIn(): Promise<TestStation> {
  const t = openTestStation()
  for (const [channel, args] of [
    ['app:loadSampleData', {}],
    ['operators:signIn', { badgeCode: 'OP-1001' }]
  ] as const) {
    const envelope = await dispatch(t.handlers, channel, args, () => {})
    if (!envelope.ok) throw new Error(envelope.error.message)
  }
  return t
}

const A = imei('35391611204481')
const B = imei('35391611204482')

describe('scanners:testScan reads the code', () => {
  it('a labelled box code: both IMEIs by name, one device, the S/N kept', async () => {
    const t = await signedIn()
    expect((await testScan(t, `IMEI1:${A}\nIMEI2:${B}\nS/N:R58M12ABCDE\r`)).read).toEqual({
      format: 'labelled',
      symbology: null,
      serials: [
        { name: 'IMEI 1', value: A },
        { name: 'IMEI 2', value: B }
      ],
      oneDevice: true,
      gtin: null,
      extras: [{ name: 'S/N', value: 'R58M12ABCDE' }],
      problem: null
    })
  })

  it('a GS1 DataMatrix typed with its GS: serial, GTIN and lot (the GS survives for the parser)', async () => {
    const t = await signedIn()
    const tested = await testScan(t, `]d20109501101530003 21${A}\u001d10LOT42`)
    expect(tested.read).toMatchObject({
      format: 'gs1',
      symbology: ']d2',
      serials: [{ name: 'Serial (21)', value: A }],
      gtin: '09501101530003',
      extras: [
        { name: 'GTIN', value: '09501101530003' },
        { name: 'Lot (10)', value: 'LOT42' }
      ]
    })
  })

  it('a code the station refuses says why', async () => {
    const t = await signedIn()
    expect((await testScan(t, `(01)09501101530004(21)${A}`)).read.problem).toBe(
      'GTIN 09501101530004: check digit should be 3; rescan the code'
    )
  })
})
